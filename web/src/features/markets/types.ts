/** Shapes of the server's market-data API and stream, as the contract describes them. */

export interface Instrument {
  id: string;
  name: string;
  commodity: string;
  /** Bidding zone, gas hub, crude grade or emissions scheme. */
  area: string;
  venue: string;
  unit: string;
  currency: string;
  tickSize: string;
  lotSize: string;
  /** IANA zone the market's delivery periods and trading day are defined in. */
  timeZone: string;
  deliveryPeriod: string;
}

export type BarInterval = '1m' | '15m' | '1h' | '1d';

export interface Bar {
  /** ISO instant (UTC) of the bar's start. */
  time: string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

export interface BarSeries {
  instrumentId: string;
  interval: BarInterval;
  timeZone: string;
  items: Bar[];
}

export interface Quote {
  instrumentId: string;
  time: string;
  price: number;
  volume: number;
}

export interface CurveSummary {
  id: string;
  /** Instruments the curve prices, when the server says so. */
  instrumentIds?: string[];
  commodity: string;
  area: string;
  asOfDates: string[];
}

export interface CurvePoint {
  start: string;
  end: string;
  tenor: string;
  price: number;
}

export interface ForwardCurve {
  id: string;
  asOf: string;
  currency: string;
  unit: string;
  points: CurvePoint[];
}

export interface WeatherReading {
  time: string;
  kind: 'observation' | 'forecast';
  temperature: number | null;
  windSpeed: number | null;
  irradiance: number | null;
}

export interface WeatherSeries {
  location: string;
  items: WeatherReading[];
}

export interface LoadSeries {
  area: string;
  items: { time: string; load: number }[];
}

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
