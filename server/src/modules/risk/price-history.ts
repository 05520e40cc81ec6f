import type { Db } from '../../platform/db/database.js';
import { marketDataReader, type HourlyClose } from '../market-data/index.js';

export type { HourlyClose } from '../market-data/index.js';

/** Where VaR reads its price history from: hourly closes of an instrument over a window. */
export interface PriceHistory {
  hourlyCloses(instrumentId: string, from: Date, to: Date): Promise<HourlyClose[]>;
}

/** Price history from the market-data module's reader (hourly bars from its ticks). */
export function marketDataHistory(reader: Db): PriceHistory {
  const market = marketDataReader(reader);
  return { hourlyCloses: (instrumentId, from, to) => market.hourlyCloses(instrumentId, from, to) };
}
