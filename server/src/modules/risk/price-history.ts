import type { Db } from '../../platform/db/database.js';
import { marketDataReader, type FxConverter, type HourlyClose } from '../market-data/index.js';

export type { FxConverter, HourlyClose } from '../market-data/index.js';

/** Where VaR reads its price history from: hourly closes of an instrument and of FX rates over a window. */
export interface PriceHistory {
  hourlyCloses(instrumentId: string, from: Date, to: Date): Promise<HourlyClose[]>;
  /** Units of `to` per unit of `from` at each hourly close of the pairs it needs; empty for the same currency. */
  hourlyFxCloses(from: string, to: string, start: Date, end: Date): Promise<HourlyClose[]>;
  /** The FX rates in force at an instant. */
  fxRates(at: Date): Promise<FxConverter>;
}

/** Price history from the market-data module's reader (hourly bars from its ticks). */
export function marketDataHistory(reader: Db): PriceHistory {
  const market = marketDataReader(reader);
  return {
    hourlyCloses: (instrumentId, from, to) => market.hourlyCloses(instrumentId, from, to),
    hourlyFxCloses: (from, to, start, end) => market.hourlyFxCloses(from, to, start, end),
    fxRates: (at) => market.fxRates(at),
  };
}
