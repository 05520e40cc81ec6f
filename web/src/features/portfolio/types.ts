import type { ApiRequest, ApiResponse } from '../../app/api-contract';

// Payloads of the portfolio API, read off the server's OpenAPI document.

/** Book positions by instrument and delivery period (`GET /api/v1/portfolio/positions`). */
export type BookPositions = ApiResponse<'/api/v1/portfolio/positions', 'get'>;

/** A position of one book in one instrument and delivery period. */
export type PeriodPosition = BookPositions['items'][number];

/** What every position line carries, whichever view it comes from. */
export type Position = Pick<
  PeriodPosition,
  'instrumentId' | 'netQuantity' | 'averagePrice' | 'realisedPnl' | 'unrealisedPnl' | 'markPrice'
>;

export type MarkSource = NonNullable<PeriodPosition['markSource']>;

export type PositionGrouping = 'book' | 'period';

/** P&L converted into the desk's reporting currency; positions without an FX rate are left out. */
export type ReportingTotals = BookPositions['totals'];

export type PositionGroup = NonNullable<BookPositions['groups']>[number];

/** Daily P&L over a range (`GET /api/v1/portfolio/pnl/history`). */
export type PnlHistory = ApiResponse<'/api/v1/portfolio/pnl/history', 'get'>;

/** One day's P&L explained: price moves on the start-of-day position and new trades. */
export type PnlDay = PnlHistory['items'][number];

/** The counterparty register with exposures (`GET /api/v1/portfolio/counterparties`). */
export type CounterpartyRegister = ApiResponse<'/api/v1/portfolio/counterparties', 'get'>;

export type CounterpartyCredit = CounterpartyRegister['items'][number];

export type CreditStatus = CounterpartyCredit['status'];

export type NewCounterparty = ApiRequest<'/api/v1/portfolio/counterparties', 'post'>;

export type MasterAgreement = NonNullable<NewCounterparty['masterAgreement']>;
