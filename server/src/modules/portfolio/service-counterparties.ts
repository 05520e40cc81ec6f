import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { standardCatalogue, type FxConverter } from '../market-data/index.js';
import { counterpartyExposures } from './domain/credit-exposure.js';
import {
  lastTradesAsOf,
  liveDeals,
  type DealRefusal,
  type ProposedDeal,
} from '../trading/index.js';
import { periodOfDeal } from './book-trades.js';
import {
  counterpartyCredit,
  creditRefusal,
  creditTradesOf,
  type CounterpartyCredit,
  type OpenDeal,
  type RegisteredCounterparty,
} from './domain/counterparty-credit.js';
import type { CurveSource } from './market-curves.js';
import { createMarker } from './marker.js';
import type { CounterpartyRepo, StoredCounterparty } from './repo-counterparties.js';
import type { MasterAgreement } from './tables.js';

export interface CounterpartyInput {
  name: string;
  creditLimit: number;
  currency?: 'EUR' | 'GBP' | 'USD' | undefined;
  masterAgreement?: MasterAgreement | undefined;
}

export type CounterpartyPatch = Partial<Omit<CounterpartyInput, 'name'>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const registered = (row: StoredCounterparty): RegisteredCounterparty => ({
  id: row.id,
  name: row.name,
  creditLimit: Number(row.credit_limit),
  currency: row.currency,
  masterAgreement: row.master_agreement,
});

const view = (row: StoredCounterparty) => ({
  id: row.id,
  name: row.name,
  creditLimit: Number(row.credit_limit),
  currency: row.currency,
  masterAgreement: row.master_agreement,
  updatedBy: row.updated_by,
  updatedAt: new Date(row.updated_at).toISOString(),
});

/** A deal whose exposure could not be put in its counterparty's currency. */
interface UnconvertedDeal {
  id: string;
  counterparty: string;
  from: string;
  to: string;
}

/**
 * The counterparty register and each counterparty's credit exposure: current exposure
 * (positive mark-to-market of open deals, netted per counterparty under a master
 * agreement) plus potential future exposure from the risk module's add-on maths,
 * against the register's limit, every deal converted into the limit's currency at
 * today's rate first. Deal capture does not need the register: a counterparty dealt
 * with but not registered shows with no limit, its exposure in the reporting currency.
 */
export function createCounterpartyService(deps: {
  db: Db;
  reader: Db;
  repo: CounterpartyRepo;
  clock: Clock;
  reportingCurrency: string;
  fxRates(at: Date): Promise<FxConverter>;
}) {
  /** What credit lines are measured from, read once: the register, live deals and marks. */
  async function snapshot(curves: CurveSource) {
    const now = deps.clock.now();
    const [rows, live, tape] = await Promise.all([
      deps.repo.list(deps.reader),
      liveDeals(deps.reader, { deliveringAfter: new Date(now) }),
      lastTradesAsOf(deps.reader, new Date(now)),
    ]);
    // Rates are read once, and only when some deal is in another currency than its limit.
    let fx: Promise<FxConverter> | undefined;
    const fxRates = () => (fx ??= deps.fxRates(new Date(now)));
    return { now, rows, live, marker: createMarker(tape, curves), fxRates };
  }

  /**
   * Every counterparty's credit line as of the snapshot; with `proposed`, as it would be
   * with that deal booked (replacing the deal of the same id when it is an amendment).
   */
  async function measure(desk: Awaited<ReturnType<typeof snapshot>>, proposed?: ProposedDeal) {
    const { now, rows, live, marker } = desk;
    const deals = live.filter((d) => d.id !== proposed?.id);
    if (proposed && proposed.deliveryEnd.getTime() > now) {
      deals.push({
        ...proposed,
        id: proposed.id ?? 'proposed',
        version: 0,
        deliveryStart: proposed.deliveryStart.getTime(),
        deliveryEnd: proposed.deliveryEnd.getTime(),
        status: 'captured',
        capturedAt: now,
      });
    }
    const register = rows.map(registered);
    const limitCurrency = new Map(register.map((r) => [r.name, r.currency]));
    const open: OpenDeal[] = [];
    const unconverted: UnconvertedDeal[] = [];
    const counts = new Map<string, number>();
    for (const deal of deals) {
      const instrument = standardCatalogue.find(deal.instrumentId);
      if (!instrument) continue;
      counts.set(deal.counterparty, (counts.get(deal.counterparty) ?? 0) + 1);
      const to = limitCurrency.get(deal.counterparty) ?? deps.reportingCurrency;
      const from = instrument.currency;
      let fxRate = 1;
      if (from !== to) {
        const rate = (await desk.fxRates()).rate(from, to);
        if (rate === null) {
          unconverted.push({ id: deal.id, counterparty: deal.counterparty, from, to });
          continue;
        }
        fxRate = rate;
      }
      const mark = await marker.markOf(instrument, periodOfDeal(instrument, deal), now);
      open.push({
        id: deal.id,
        counterparty: deal.counterparty,
        commodity: instrument.commodity,
        side: deal.side,
        price: deal.price,
        quantity: deal.quantity,
        deliveryEnd: deal.deliveryEnd,
        mark: mark?.price ?? null,
        fxRate,
      });
    }
    const agreements = new Map(register.map((r) => [r.name, r.masterAgreement]));
    // Netting needs a signed master agreement; an unregistered counterparty has none on file.
    const { trades, unmarked } = creditTradesOf(open, {
      now,
      nets: (name) => (agreements.get(name) ?? 'none') !== 'none',
    });
    const items = counterpartyCredit(register, counterpartyExposures(trades), counts, {
      unlimitedCurrency: deps.reportingCurrency,
    });
    return { now, items, unmarked, unconverted };
  }

  return {
    async list(curves: CurveSource) {
      const { now, items, unmarked, unconverted } = await measure(await snapshot(curves));
      const warnings = [
        ...unmarked.map(
          (id) => `deal ${id} has no trade or curve to mark it to; it adds no current exposure`,
        ),
        ...unconverted.map(
          (d) =>
            `deal ${d.id} with ${d.counterparty} is in ${d.from} and there is no ${d.from}/${d.to} FX rate; it is left out of the exposure`,
        ),
        ...items.filter((c) => c.overLimit).map((c) => `${c.name} is over its credit limit`),
      ];
      return { asOf: new Date(now).toISOString(), items, warnings };
    },

    /**
     * Trading's deal check: a deal with a registered counterparty is refused when it
     * would take that counterparty's exposure over its credit limit (a deal that lowers
     * an exposure already over the limit still goes through).
     */
    async checkDeal(curves: CurveSource, proposed: ProposedDeal): Promise<DealRefusal | undefined> {
      const desk = await snapshot(curves);
      if (!desk.rows.some((r) => r.name === proposed.counterparty)) return undefined;
      const line = (items: readonly CounterpartyCredit[]) =>
        items.find((c) => c.name === proposed.counterparty);
      // Both sides from one read of the desk, so the comparison is of the deal alone.
      const before = await measure(desk);
      const after = await measure(desk, proposed);
      // A deal whose exposure cannot be put in the limit's currency cannot be shown to fit it.
      const unmeasured = after.unconverted.find((d) => d.id === (proposed.id ?? 'proposed'));
      if (unmeasured) {
        return {
          code: 'counterparty_credit_unmeasured',
          message: `the deal is in ${unmeasured.from} and there is no ${unmeasured.from}/${unmeasured.to} FX rate to measure it against the credit limit of ${proposed.counterparty}`,
        };
      }
      return creditRefusal(line(before.items), line(after.items));
    },

    async create(principal: Principal, input: CounterpartyInput) {
      const name = input.name.trim();
      if (name.length === 0) throw invalid('name', 'not_blank', 'name must not be blank');
      const row = await deps.repo.insert(deps.db, {
        name,
        creditLimit: input.creditLimit,
        currency: input.currency ?? 'EUR',
        masterAgreement: input.masterAgreement ?? 'EFET',
        by: principal.username,
        at: new Date(deps.clock.now()),
      });
      if (!row) throw conflict('counterparty_exists', `counterparty ${name} is already registered`);
      return view(row);
    },

    async update(principal: Principal, id: string, patch: CounterpartyPatch) {
      if (
        patch.creditLimit === undefined &&
        patch.currency === undefined &&
        patch.masterAgreement === undefined
      ) {
        throw invalid(
          'body',
          'not_empty',
          'give creditLimit, currency or masterAgreement to change',
        );
      }
      const row = UUID.test(id)
        ? await deps.repo.update(deps.db, id, {
            ...patch,
            by: principal.username,
            at: new Date(deps.clock.now()),
          })
        : undefined;
      if (!row) throw notFound(`counterparty ${id}`, 'counterparty_not_found');
      return view(row);
    },
  };
}

export type CounterpartyService = ReturnType<typeof createCounterpartyService>;
