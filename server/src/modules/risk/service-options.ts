import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { invalid, notFound } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { standardCatalogue } from '../market-data/index.js';
import { visibleBooks } from '../portfolio/index.js';
import { isSpotPeriodType, valueOptionPosition } from './domain/index.js';
import type { OptionHolding } from './exposures.js';
import { historyOf } from './factor-prices.js';
import type { PriceHistory } from './price-history.js';
import type { OptionRow, OptionsRepo } from './repo-options.js';
import type { RunsRepo } from './repo-runs.js';

export interface OptionInput {
  book: string;
  underlying: string;
  type: 'call' | 'put';
  strike: number;
  expiresAt: string;
  quantity: number;
  volatility: number;
  rate?: number | undefined;
}

export interface OptionDeps {
  db: Db;
  reader: Db;
  repo: OptionsRepo;
  runs: RunsRepo;
  clock: Clock;
  deskBooks(): Promise<string[]>;
}

const holdingOf = (r: OptionRow): OptionHolding => ({
  id: r.id,
  book: r.book,
  underlying: r.underlying,
  type: r.option_type,
  strike: Number(r.strike),
  expiresAt: new Date(r.expires_at).getTime(),
  quantity: Number(r.quantity),
  volatility: r.volatility,
  rate: r.rate,
});

const viewOf = (h: OptionHolding, r: OptionRow) => ({
  id: h.id,
  book: h.book,
  underlying: h.underlying,
  type: h.type,
  strike: h.strike,
  expiresAt: new Date(h.expiresAt).toISOString(),
  quantity: h.quantity,
  volatility: h.volatility,
  rate: h.rate,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
});

/**
 * The register of options on futures: the order books trade futures only, so the desk's
 * options (bought or sold over the counter) are recorded here by a risk manager, valued with
 * Black-76 at the underlying's last close, and fed to VaR through their delta and gamma.
 */
export function createOptionService(deps: OptionDeps) {
  return {
    async add(principal: Principal, input: OptionInput) {
      const underlying = standardCatalogue.find(input.underlying);
      if (!underlying)
        throw invalid(
          'underlying',
          'known_instrument',
          `instrument ${input.underlying} is not in the catalogue`,
        );
      if (isSpotPeriodType(underlying.deliveryPeriod)) {
        throw invalid(
          'underlying',
          'futures_contract',
          `${input.underlying} is a spot product; options are written on month, quarter or year contracts`,
        );
      }
      if (input.quantity === 0)
        throw invalid('quantity', 'non_zero', 'a position of zero options holds nothing');
      const expiresAt = Date.parse(input.expiresAt);
      if (!(expiresAt > deps.clock.now()))
        throw invalid('expiresAt', 'future', 'an option is registered before it expires');
      const row = await deps.db.transaction().execute(async (trx) => {
        await deps.runs.rememberBooks(trx, [input.book]);
        return deps.repo.insert(trx, {
          book: input.book,
          underlying: input.underlying,
          type: input.type,
          strike: input.strike,
          expiresAt: new Date(expiresAt),
          quantity: input.quantity,
          volatility: input.volatility,
          rate: input.rate ?? 0,
          createdBy: principal.username,
          at: new Date(deps.clock.now()),
        });
      });
      return viewOf(holdingOf(row), row);
    },

    /** The caller's options (a risk manager's: every book's, or one), each valued now. */
    async list(principal: Principal, query: { book?: string | undefined }, prices: PriceHistory) {
      const books = visibleBooks(principal, query.book, await deps.deskBooks());
      const rows = await deps.repo.ofBooks(deps.reader, books);
      const now = deps.clock.now();
      const history = await historyOf(
        prices,
        [...new Set(rows.map((r) => r.underlying))].sort(),
        now,
      );
      return {
        items: rows.map((r) => {
          const h = holdingOf(r);
          const forward = history.lastClose.get(h.underlying);
          const valuation =
            forward !== undefined && forward > 0
              ? { forward, ...valueOptionPosition(h, forward, now) }
              : null;
          return { ...viewOf(h, r), valuation };
        }),
      };
    },

    async remove(id: string): Promise<void> {
      if (!(await deps.repo.deactivate(deps.db, id)))
        throw notFound(`option position ${id}`, 'option_not_found');
    },

    async holdings(books: readonly string[]): Promise<OptionHolding[]> {
      return (await deps.repo.ofBooks(deps.reader, books)).map(holdingOf);
    },
  };
}

export type OptionService = ReturnType<typeof createOptionService>;
