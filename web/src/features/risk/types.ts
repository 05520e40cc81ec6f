import type { ApiQuery, ApiRequest, ApiResponse } from '../../app/api-contract';

// Payloads of the risk API, read off the server's OpenAPI document.

/** A VaR and ES figure with its contributions (`GET /api/v1/risk/var`). */
export type VarRun = ApiResponse<'/api/v1/risk/var', 'get'>;

export type VarMethod = VarRun['method'];

/** What VaR contributions are summed by. */
export type VarGrouping = NonNullable<ApiQuery<'/api/v1/risk/var', 'get'>['groupBy']>;

/** Euler component, marginal VaR and share of one group; a run's components add up to its VaR. */
export type VarContribution = VarRun['contributions'][number];

export type HistogramBin = VarRun['pnlDistribution']['bins'][number];

export type VarRunRequest = ApiRequest<'/api/v1/risk/var/runs', 'post'>;

/** A background VaR run: its progress and, once done, its figures. */
export type VarRunState = ApiResponse<'/api/v1/risk/var/runs/{runId}', 'get'>;

export type OptionPosition = ApiResponse<'/api/v1/risk/options', 'get'>['items'][number];

export type StressResults = ApiResponse<'/api/v1/risk/stress', 'post'>;

export type RiskLimit = ApiResponse<'/api/v1/risk/limits', 'get'>['items'][number];

export type LimitKind = RiskLimit['kind'];

/** A limit's measured value and status, per book or for the desk. */
export type LimitUtilisation = RiskLimit['utilisation'][number];

export type NewLimit = ApiRequest<'/api/v1/risk/limits', 'post'>;

export type RiskAlert = ApiResponse<'/api/v1/risk/alerts', 'get'>['items'][number];
