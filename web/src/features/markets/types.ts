import type { ApiResponse } from '../../app/api-contract';

// Payloads of the market-data API, read off the server's OpenAPI document; the stream's
// messages (not part of that document) follow them.

export type Instrument = ApiResponse<'/api/v1/instruments', 'get'>['items'][number];

/** Bars of one instrument (`GET /api/v1/market-data/bars`); times are ISO instants (UTC) of each bar's start. */
export type BarSeries = ApiResponse<'/api/v1/market-data/bars', 'get'>;

export type BarInterval = BarSeries['interval'];

export type Bar = BarSeries['items'][number];

export type Quote = ApiResponse<'/api/v1/market-data/quotes', 'get'>['items'][number];

export type CurveSummary = ApiResponse<'/api/v1/market-data/curves', 'get'>['items'][number];

export type ForwardCurve = ApiResponse<'/api/v1/market-data/curves/{id}', 'get'>;

export type CurvePoint = ForwardCurve['points'][number];

export type WeatherSeries = ApiResponse<'/api/v1/market-data/weather', 'get'>;

export type WeatherReading = WeatherSeries['items'][number];

export type LoadSeries = ApiResponse<'/api/v1/market-data/load', 'get'>;

/** A trade or price update pushed on the stream. */
export interface Tick {
  instrumentId: string;
  time: string;
  price: number;
  volume: number;
}

/** A bar the server pushes when it aggregates one itself. */
export interface StreamBar extends Bar {
  instrumentId: string;
  interval: BarInterval;
}
