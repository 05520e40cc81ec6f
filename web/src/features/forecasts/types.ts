/** Shapes of the forecasting API (server/src/modules/forecasting/schemas.ts). */
export type ModelKind = 'naive' | 'lear' | 'mlp' | 'ensemble' | 'seasonal';

export interface Dataset {
  id: string;
  target: string;
  name: string;
  market: string;
  firstDate: string;
  lastDate: string;
  days: number;
  columns: string[];
  uploadedBy: string;
  createdAt: string;
}

export interface ModelMetrics {
  mae?: number | null;
  rmae?: number | null;
  smape?: number | null;
  rmse?: number | null;
  coverage?: number | null;
  intervalLevel?: number | null;
}

export interface ModelVersion {
  id: string;
  target: string;
  version: number;
  kind: ModelKind;
  features: string[];
  calibrationWindows: number[];
  trainingFrom: string;
  trainingTo: string;
  testDays: number;
  metrics: ModelMetrics | null;
  status: 'training' | 'ready' | 'failed';
  deployed: boolean;
  trainedBy: string;
  createdAt: string;
}

export interface TrainingJob {
  id: string;
  modelId: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: number;
  message: string;
  error: string | null;
}

export interface ForecastPoint {
  deliveryDay: string;
  hour: number;
  time: string;
  value: number;
  lower: number | null;
  upper: number | null;
  actual: number | null;
}

export interface PublishedResult {
  market: string;
  model: string;
  mae: number;
  rmae: number;
  smape: number;
  rmse: number;
}

/** Something a model can forecast: an uploaded data set, a day-ahead instrument or an area's load. */
export interface ForecastTarget {
  target: string;
  label: string;
  series: 'price' | 'load';
  source: 'dataset' | 'dataset-load' | 'instrument' | 'load';
  market: string;
  kinds: ModelKind[];
}

export interface ComparedModel {
  modelId: string;
  version: number;
  kind: ModelKind;
  meanLoss: number;
}

/** Diebold-Mariano test of two model versions (GET forecasting/compare). */
export interface ModelComparison {
  target: string;
  loss: 'absolute' | 'squared';
  significance: number;
  a: ComparedModel;
  b: ComparedModel;
  daysCompared: number;
  hoursCompared: number;
  from: string;
  to: string;
  statistic: number | null;
  pValue: number | null;
  pValueABetter: number | null;
  pValueBBetter: number | null;
  better: 'a' | 'b' | null;
}
