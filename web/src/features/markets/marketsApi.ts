import { api } from '../../app/api';
import type {
  BarInterval,
  BarSeries,
  CurveSummary,
  ForwardCurve,
  Instrument,
  LoadSeries,
  Quote,
  WeatherSeries,
} from './types';

export interface BarsRequest {
  instrument: string;
  from: string;
  to: string;
  interval: BarInterval;
}

export interface WindowRequest {
  from: string;
  to: string;
}

export const marketsApi = api.injectEndpoints({
  endpoints: (build) => ({
    listInstruments: build.query<{ items: Instrument[] }, void>({
      query: () => 'instruments',
    }),
    bars: build.query<BarSeries, BarsRequest>({
      query: (params) => ({ url: 'market-data/bars', params: { ...params } }),
    }),
    /** A GET sent as a mutation: a download is an action, not something to cache. */
    exportBarsCsv: build.mutation<string, BarsRequest>({
      query: (params) => ({
        url: 'market-data/bars',
        params: { ...params, format: 'csv' },
        responseHandler: 'text',
      }),
    }),
    quotes: build.query<{ items: Quote[] }, readonly string[]>({
      query: (instruments) => ({
        url: 'market-data/quotes',
        params: { instruments: instruments.join(',') },
      }),
    }),
    listCurves: build.query<{ items: CurveSummary[] }, void>({
      query: () => 'market-data/curves',
    }),
    curve: build.query<ForwardCurve, { id: string; asOf: string }>({
      query: ({ id, asOf }) => ({
        url: `market-data/curves/${encodeURIComponent(id)}`,
        params: { asOf },
      }),
    }),
    weather: build.query<WeatherSeries, WindowRequest & { location: string }>({
      query: (params) => ({ url: 'market-data/weather', params: { ...params } }),
    }),
    load: build.query<LoadSeries, WindowRequest & { area: string }>({
      query: (params) => ({ url: 'market-data/load', params: { ...params } }),
    }),
  }),
});

export const {
  useListInstrumentsQuery,
  useBarsQuery,
  useExportBarsCsvMutation,
  useQuotesQuery,
  useListCurvesQuery,
  useCurveQuery,
  useWeatherQuery,
  useLoadQuery,
} = marketsApi;
