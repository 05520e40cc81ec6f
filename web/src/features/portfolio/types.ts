/** The figures every position line carries (see `PeriodPosition`). */
export interface Position {
  instrumentId: string;
  netQuantity: number;
  averagePrice: number | null;
  realisedPnl: number;
  unrealisedPnl: number | null;
  markPrice: number | null;
}

export type MarkSource = 'trade' | 'curve' | 'stale_trade';

/** A position of one book in one instrument and delivery period (`GET /api/v1/portfolio/positions`). */
export interface PeriodPosition extends Position {
  book: string;
  period: string;
  firstDay: string;
  lastDay: string;
  unit: string;
  currency: string;
  exchangeQuantity: number;
  otcQuantity: number;
  markSource: MarkSource | null;
}

export type PositionGrouping = 'book' | 'period';

/** P&L converted into the desk's reporting currency; positions without an FX rate are left out. */
export interface ReportingTotals {
  currency: string;
  realisedPnl: number;
  unrealisedPnl: number;
  positions: number;
  unconverted: number;
}

export interface PositionGroup {
  key: string;
  firstDay: string;
  positions: number;
  quantities: { unit: string; netQuantity: number }[];
  pnl: { currency: string; realisedPnl: number; unrealisedPnl: number; unmarked: number }[];
  total: ReportingTotals;
}

export interface BookPositions {
  asOf: string;
  books: string[];
  items: PeriodPosition[];
  totals: ReportingTotals;
  groupBy?: PositionGrouping | 'instrument';
  groups?: PositionGroup[];
  warnings: string[];
}

/** One day's P&L explained: price moves on the start-of-day position and new trades. */
export interface PnlDay {
  date: string;
  priceMove: number;
  newTrades: number;
  total: number;
  unexplained: number;
  /** Positions left out of the day's totals for want of an FX rate. */
  unconverted: number;
}

export interface PnlHistory {
  from: string;
  to: string;
  books: string[];
  currency: string;
  items: PnlDay[];
  warnings: string[];
}

export type CreditStatus = 'within' | 'warning' | 'breach' | 'no_limit';

export interface CounterpartyCredit {
  id: string | null;
  name: string;
  creditLimit: number | null;
  currency: string | null;
  masterAgreement: string | null;
  openDeals: number;
  currentExposure: number;
  potentialFutureExposure: number;
  totalExposure: number;
  utilisation: number | null;
  headroom: number | null;
  status: CreditStatus;
  overLimit: boolean;
}

export type MasterAgreement = 'EFET' | 'ISDA' | 'none';

export interface NewCounterparty {
  name: string;
  creditLimit: number;
  currency?: 'EUR' | 'GBP' | 'USD';
  masterAgreement?: MasterAgreement;
}
