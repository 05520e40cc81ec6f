import type { Db } from '../../platform/db/database.js';
import { marketDataReader } from '../market-data/index.js';
import { bookPositionsOf, type BookPosition } from './domain/instrument-positions.js';
import { curvesFromMarketData } from './market-curves.js';
import { createPositionBook } from './service-positions.js';
import { createProjector } from './service-projector.js';

/**
 * Positions as other modules read them (risk's VaR, stress and limits): every book's
 * exchange fills and OTC deals from the one position table, per instrument.
 */
export function createPositionReader(deps: { db: Db; reader: Db }) {
  const projector = createProjector({ db: deps.db });
  const book = createPositionBook({ ...deps, projector });
  return {
    /** Every book that has traded on a book or captured a deal. */
    deskBooks: (): Promise<string[]> => book.deskBooks(),

    /** Each book's position per instrument, open or closed, marked as of `now`. */
    async bookPositions(books: readonly string[], now: number): Promise<BookPosition[]> {
      if (books.length === 0) return [];
      const lines = await book.marked(
        books,
        now,
        curvesFromMarketData(marketDataReader(deps.reader)),
      );
      const last = await projector.repo.lastTrades(deps.db);
      return bookPositionsOf(lines, new Map(last.map((t) => [t.instrumentId, t.price])));
    },
  };
}

export type PositionReader = ReturnType<typeof createPositionReader>;

/** Empties the position table and replays trading's outbox into it (`energyopti positions rebuild`). */
export async function rebuildPositions(db: Db): Promise<number> {
  return createProjector({ db }).rebuild();
}
