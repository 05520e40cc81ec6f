import { api } from '../../app/api';
import type {
  Dataset,
  ForecastSeries,
  ForecastTarget,
  ModelComparison,
  ModelKind,
  ModelVersion,
  PublishedResult,
  TrainingJob,
} from './types';

export interface TrainRequest {
  target: string;
  kind: ModelKind;
  testDays: number;
  calibrationWindows?: number[];
}

export const forecastsApi = api
  .enhanceEndpoints({ addTagTypes: ['ForecastDataset', 'ForecastModel', 'Forecast'] })
  .injectEndpoints({
    endpoints: (build) => ({
      datasets: build.query<{ items: Dataset[] }, void>({
        query: () => 'forecasting/datasets',
        providesTags: ['ForecastDataset'],
      }),
      // Uploading a data set adds its targets, so the listing shares the data sets' tag.
      targets: build.query<{ items: ForecastTarget[] }, void>({
        query: () => 'forecasting/targets',
        providesTags: ['ForecastDataset'],
      }),
      uploadDataset: build.mutation<Dataset, { name: string; market: string; csv: string }>({
        query: (body) => ({ url: 'forecasting/datasets', method: 'POST', body }),
        invalidatesTags: ['ForecastDataset'],
      }),
      models: build.query<{ items: ModelVersion[] }, string>({
        query: (target) => ({ url: 'forecasting/models', params: { target } }),
        providesTags: ['ForecastModel'],
      }),
      train: build.mutation<{ jobId: string; modelId: string }, TrainRequest>({
        query: (body) => ({ url: 'forecasting/models', method: 'POST', body }),
        invalidatesTags: ['ForecastModel'],
      }),
      job: build.query<TrainingJob, string>({
        query: (id) => `forecasting/jobs/${id}`,
      }),
      deploy: build.mutation<ModelVersion, string>({
        query: (id) => ({ url: `forecasting/models/${id}/deploy`, method: 'POST' }),
        invalidatesTags: ['ForecastModel', 'Forecast'],
      }),
      forecasts: build.query<
        ForecastSeries,
        { target: string; modelId: string; from: string; to: string }
      >({
        query: (params) => ({ url: 'forecasting/forecasts', params: { ...params } }),
        providesTags: ['Forecast'],
      }),
      compare: build.query<ModelComparison, { a: string; b: string; loss: 'absolute' | 'squared' }>(
        {
          query: (params) => ({ url: 'forecasting/compare', params: { ...params } }),
          providesTags: ['ForecastModel', 'Forecast'],
        },
      ),
      benchmark: build.query<{ citation: string; items: PublishedResult[] }, void>({
        query: () => 'forecasting/benchmark',
      }),
    }),
  });

export const {
  useDatasetsQuery,
  useTargetsQuery,
  useUploadDatasetMutation,
  useModelsQuery,
  useTrainMutation,
  useJobQuery,
  useDeployMutation,
  useForecastsQuery,
  useCompareQuery,
  useBenchmarkQuery,
} = forecastsApi;
