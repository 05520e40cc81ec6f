import type { ApiResponse } from '../../app/api-contract';

// Payloads of the forecasting API, read off the server's OpenAPI document.

export type Dataset = ApiResponse<'/api/v1/forecasting/datasets', 'get'>['items'][number];

export type ModelVersion = ApiResponse<'/api/v1/forecasting/models', 'get'>['items'][number];

export type ModelKind = ModelVersion['kind'];

export type ModelMetrics = NonNullable<ModelVersion['metrics']>;

export type TrainingJob = ApiResponse<'/api/v1/forecasting/jobs/{id}', 'get'>;

/** Stored forecasts of a target, with actuals where they are known. */
export type ForecastSeries = ApiResponse<'/api/v1/forecasting/forecasts', 'get'>;

export type ForecastPoint = ForecastSeries['points'][number];

export type PublishedResult = ApiResponse<'/api/v1/forecasting/benchmark', 'get'>['items'][number];

/** Something a model can forecast: an uploaded data set, a day-ahead instrument or an area's load. */
export type ForecastTarget = ApiResponse<'/api/v1/forecasting/targets', 'get'>['items'][number];

/** Diebold-Mariano test of two model versions (GET forecasting/compare). */
export type ModelComparison = ApiResponse<'/api/v1/forecasting/compare', 'get'>;

export type ComparedModel = ModelComparison['a'];
