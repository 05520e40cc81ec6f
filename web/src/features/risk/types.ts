/** The risk API's shapes, as the server's zod schemas define them. */
export type VarMethod = 'historical' | 'parametric' | 'montecarlo';

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
  contributions: { key: string; component: number; marginal: number }[];
  pnlDistribution: { bins: HistogramBin[] };
  warnings: string[];
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
