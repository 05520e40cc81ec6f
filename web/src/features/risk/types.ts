/** The risk API's shapes, as the server's zod schemas define them. */
export type VarMethod = 'historical' | 'parametric' | 'montecarlo';

/** What VaR contributions are summed by. */
export type VarGrouping = 'position' | 'book' | 'commodity' | 'deliveryPeriod';

export interface VarContribution {
  key: string;
  /** Euler component; a run's components add up to its VaR. */
  component: number;
  /** VaR added per unit of currency added to the group's delta-equivalent exposure. */
  marginal: number;
  share: number;
  positions: number;
}

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

export interface VarRun {
  id: string;
  at: string;
  method: VarMethod;
  confidence: number;
  horizonDays: number;
  book: string | null;
  var: number;
  es: number;
  currency: string;
  positions: number;
  factors: number;
  scenarios: number | null;
  groupBy: VarGrouping;
  contributions: VarContribution[];
  meanReversion: { instrumentId: string; halfLifeDays: number; longRunLevel: number }[];
  pnlDistribution: { bins: HistogramBin[] };
  warnings: string[];
}

export interface VarRunRequest {
  method: VarMethod;
  confidence: number;
  horizonDays: number;
  scenarios?: number;
  meanReversion?: boolean;
}

/** A background VaR run: its progress and, once done, its figures. */
export interface VarRunState {
  runId: string;
  requestedBy: string;
  method: VarMethod;
  status: 'running' | 'done' | 'failed';
  stage: 'prices' | 'simulation' | 'storing' | null;
  done: number;
  total: number;
  fraction: number;
  startedAt: string;
  result: VarRun | null;
  error: { code: string; message: string } | null;
  seq: number;
}

export interface OptionPosition {
  id: string;
  book: string;
  underlying: string;
  type: 'call' | 'put';
  strike: number;
  expiresAt: string;
  quantity: number;
  volatility: number;
  rate: number;
  valuation: { forward: number; expiryYears: number; unitPrice: number; value: number; delta: number; gamma: number; vega: number; theta: number } | null;
}

export interface StressResults {
  currency: string;
  warnings: string[];
  results: {
    scenarioId: string;
    name: string;
    totalPnl: number;
    positions: { book: string; instrumentId: string; quantity: number; price: number; stressedPrice: number; pnl: number }[];
  }[];
}

export type LimitKind = 'var' | 'position' | 'notional' | 'stop_loss';

export interface LimitUtilisation {
  book: string | null;
  value: number;
  utilisation: number;
  status: 'ok' | 'warning' | 'breach';
  /** Instruments left out of a money measure for want of an FX rate. */
  unconverted: string[];
}

export interface RiskLimit {
  id: string;
  name: string;
  kind: LimitKind;
  scope: 'desk' | 'book';
  book: string | null;
  instrumentId: string | null;
  threshold: number;
  severity: 'hard' | 'soft';
  /** Reporting currency for money limits, energy unit for a one-instrument position limit. */
  unit: string;
  utilisation: LimitUtilisation[];
}

export interface NewLimit {
  name: string;
  kind: LimitKind;
  scope: 'desk' | 'book';
  book?: string;
  instrumentId?: string;
  threshold: number;
  severity: 'hard' | 'soft';
}

export interface RiskAlert {
  id: string;
  at: string;
  limitName: string;
  kind: 'breach' | 'cleared' | 'refused';
  severity: string;
  book: string | null;
  value: number;
  threshold: number;
  message: string;
}
