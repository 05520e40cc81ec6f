import type { Db } from '../../platform/db/database.js';
import { DomainError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { standardCatalogue } from '../market-data/index.js';
import { positionsFrom } from '../portfolio/domain/positions.js';
import { accountFills, lastTradePrices } from '../trading/index.js';

/**
 * A book's open position in one instrument, as risk sees it. A book is a trading account for
 * now; quantity is in the instrument's price unit (MWh, bbl, tCO2), so a price move times the
 * quantity is the P&L in the instrument's currency.
 */
export interface BookPosition {
  book: string;
  instrumentId: string;
  quantity: number;
  averagePrice: number | null;
  /** Last trade price, or null when the instrument has not traded. */
  mark: number | null;
  realisedPnl: number;
  unrealisedPnl: number | null;
  currency: string;
}

/** Every position of the books, open or closed (closed ones still carry realised P&L). */
export async function bookPositions(reader: Db, books: readonly string[]): Promise<BookPosition[]> {
  const marks = await lastTradePrices(reader);
  const out: BookPosition[] = [];
  for (const book of books) {
    const fills = await accountFills(reader, book);
    for (const p of positionsFrom(fills, marks)) {
      out.push({
        book,
        instrumentId: p.instrumentId,
        quantity: p.netQuantity,
        averagePrice: p.averagePrice,
        mark: p.markPrice,
        realisedPnl: p.realisedPnl,
        unrealisedPnl: p.unrealisedPnl,
        currency: standardCatalogue.find(p.instrumentId)?.currency ?? 'EUR',
      });
    }
  }
  return out;
}

/**
 * Which books a caller may see: a risk manager (risk:write) any book and, without one named,
 * every book the desk has; anyone else only their own.
 */
export function booksFor(principal: Principal, requested: string | undefined, deskBooks: readonly string[]): string[] {
  const manager = principal.permissions.has('risk:write');
  if (requested !== undefined) {
    if (!manager && requested !== principal.username) {
      throw new DomainError('forbidden', 'book_forbidden', `book ${requested} is not yours; only a risk manager sees other books`);
    }
    return [requested];
  }
  return manager ? [...new Set([...deskBooks])].sort() : [principal.username];
}
