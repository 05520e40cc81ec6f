/**
 * The normalised rows every source produces and the database stores. Instants are
 * UTC epoch milliseconds; prices are in the instrument's currency per unit.
 */

export interface Tick {
  instrumentId: string;
  /** When the price was observed or traded. */
  time: number;
  /** Start of the delivery period the price is for (UTC ms, inclusive). */
  deliveryStart: number;
  /** End of the delivery period (UTC ms, exclusive). */
  deliveryEnd: number;
  price: number;
  /** Traded or cleared quantity in the instrument's unit; 0 for an indicative price. */
  volume: number;
}

/** Weather at a market's reference location. */
export interface WeatherObservation {
  area: string;
  time: number;
  temperatureC: number;
  windSpeedMs: number;
  /** Global horizontal irradiance. */
  solarIrradianceWm2: number;
  /** Cloud cover 0–100 %, when the source reports it. */
  cloudCoverPct?: number;
}

/** System load of a bidding zone or balancing authority, averaged over [time, time + minutes). */
export interface LoadObservation {
  area: string;
  time: number;
  minutes: number;
  loadMw: number;
}

/** An exogenous series that travels with a price series, e.g. a load or wind forecast. */
export interface ExogenousObservation {
  area: string;
  series: string;
  time: number;
  value: number;
}

/** An exchange's end-of-day settlement price for one contract. */
export interface SettlementPrice {
  instrumentId: string;
  /** `YYYY-MM-DD`, the trading day settled. */
  tradeDate: string;
  deliveryStart: number;
  deliveryEnd: number;
  price: number;
  currency: string;
  unit: string;
}
