import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DealVersionEvent, FillEvent, TradingEvent } from '../../trading/index.js';
import { markKey, periodPositions, type BookTrade } from './period-positions.js';
import { tidy } from './positions.js';
import {
  applyEvents,
  positionKey,
  type PeriodRules,
  type PositionTrade,
  type ProjectedPosition,
  type ProjectionChanges,
} from './position-projection.js';

const DAY = 86_400_000;
const month = (at: number) => {
  const d = new Date(at);
  const label = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  return { label, firstDay: `${label}-01`, lastDay: `${label}-28` };
};
/** Fills are for the month they trade in, deals for the month they start delivering. */
const rules: PeriodRules = {
  fill: (id, at) => (id === 'UNKNOWN' ? null : month(at)),
  deal: (id, start) => (id === 'UNKNOWN' ? null : month(start)),
};

/** The tables the projection keeps, in memory, written as the repository writes them. */
class Tables {
  positions = new Map<string, ProjectedPosition>();
  trades = new Map<string, PositionTrade>();
  watermark = 0;

  private tradesAt(key: string): PositionTrade[] {
    return [...this.trades.values()].filter(
      (t) => positionKey(t.book, t.instrumentId, t.period.label) === key,
    );
  }

  /** One batch, as the projector applies it: ask, load what is asked for, ask again. */
  apply(events: readonly TradingEvent[]): void {
    const positions = new Map<string, ProjectedPosition | null>();
    const trades = new Map<string, PositionTrade[]>();
    const deals = new Map<string, PositionTrade | null>();
    for (;;) {
      const outcome = applyEvents({ positions, trades, deals }, events, rules, this.watermark);
      if (outcome.kind === 'done') return this.write(outcome.changes);
      for (const k of [...outcome.needs.positions, ...outcome.needs.trades])
        if (!positions.has(k)) positions.set(k, this.positions.get(k) ?? null);
      for (const k of outcome.needs.trades) if (!trades.has(k)) trades.set(k, this.tradesAt(k));
      for (const d of outcome.needs.deals)
        if (!deals.has(d)) deals.set(d, this.trades.get(`otc\n${d}`) ?? null);
    }
  }

  private write(c: ProjectionChanges): void {
    for (const d of c.removedDeals) this.trades.delete(`otc\n${d}`);
    for (const t of c.addedTrades)
      this.trades.set(t.source === 'otc' ? `otc\n${t.ref}` : `${t.book}\n${t.ref}`, t);
    for (const k of c.removedPositions) this.positions.delete(k);
    for (const p of c.positions)
      this.positions.set(positionKey(p.book, p.instrumentId, p.period.label), p);
    this.watermark = c.watermark;
  }

  snapshot() {
    return [...this.positions.entries()].sort(([a], [b]) => a.localeCompare(b));
  }
}

type Step =
  | {
      kind: 'fill';
      buyer: number;
      seller: number;
      instrument: number;
      price: number;
      quantity: number;
      at: number;
    }
  | {
      kind: 'deal';
      trader: number;
      instrument: number;
      price: number;
      quantity: number;
      at: number;
      side: boolean;
    }
  | {
      kind: 'amend';
      deal: number;
      price: number;
      quantity: number;
      startMonth: number;
      side: boolean;
    }
  | { kind: 'void'; deal: number };

const BOOKS = ['alice', 'bob', 'carol'];
const INSTRUMENTS = ['PWR', 'GAS', 'UNKNOWN'];
const T0 = Date.UTC(2026, 0, 1);

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('fill' as const),
    buyer: fc.nat(2),
    seller: fc.nat(2),
    instrument: fc.nat(2),
    price: fc.integer({ min: 1, max: 20_000 }).map((p) => p / 100),
    quantity: fc.integer({ min: 1, max: 50 }),
    // Mostly forward in time, sometimes stamped before what was already applied.
    at: fc.integer({ min: -3, max: 40 }),
  }),
  fc.record({
    kind: fc.constant('deal' as const),
    trader: fc.nat(2),
    instrument: fc.nat(2),
    price: fc.integer({ min: 1, max: 20_000 }).map((p) => p / 100),
    quantity: fc.integer({ min: 1, max: 744 }),
    at: fc.integer({ min: -3, max: 40 }),
    side: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('amend' as const),
    deal: fc.nat(20),
    price: fc.integer({ min: 1, max: 20_000 }).map((p) => p / 100),
    quantity: fc.integer({ min: 1, max: 744 }),
    startMonth: fc.nat(3),
    side: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('void' as const), deal: fc.nat(20) }),
);

/** The outbox a stream of desk actions writes: fills, and each deal's versions. */
function outbox(steps: readonly Step[]): TradingEvent[] {
  const events: TradingEvent[] = [];
  const deals: DealVersionEvent[] = [];
  let clock = T0;
  let seq = 0;
  let trade = 0;
  for (const s of steps) {
    // Gaps in the numbers are what a rolled-back write leaves.
    seq += 1 + (seq % 7 === 3 ? 1 : 0);
    if (s.kind === 'fill') {
      clock += s.at * 3_600_000;
      const fill: FillEvent = {
        seq,
        kind: 'fill',
        tradeId: `T:${++trade}`,
        instrumentId: INSTRUMENTS[s.instrument]!,
        price: s.price,
        quantity: s.quantity,
        buyer: BOOKS[s.buyer]!,
        seller: BOOKS[s.seller]!,
        executedAt: clock,
      };
      events.push(fill);
    } else if (s.kind === 'deal') {
      clock += s.at * 3_600_000;
      const deal: DealVersionEvent = {
        seq,
        kind: 'deal_version',
        dealId: `D${deals.length}`,
        version: 1,
        trader: BOOKS[s.trader]!,
        counterparty: 'Nordic Utility',
        instrumentId: INSTRUMENTS[s.instrument]!,
        side: s.side ? 'buy' : 'sell',
        price: s.price,
        quantity: s.quantity,
        deliveryStart: T0 + 40 * DAY,
        deliveryEnd: T0 + 68 * DAY,
        status: 'unconfirmed',
        updatedAt: clock,
        capturedAt: clock,
      };
      deals.push(deal);
      events.push(deal);
    } else {
      const last = deals[s.deal % Math.max(deals.length, 1)];
      if (!last || last.status === 'cancelled') continue;
      const next: DealVersionEvent =
        s.kind === 'void'
          ? { ...last, seq, version: last.version + 1, status: 'cancelled' }
          : {
              ...last,
              seq,
              version: last.version + 1,
              price: s.price,
              quantity: s.quantity,
              side: s.side ? 'buy' : 'sell',
              deliveryStart: T0 + (31 + 30 * s.startMonth) * DAY,
              status: 'unconfirmed',
            };
      deals[deals.indexOf(last)] = next;
      events.push(next);
    }
  }
  return events;
}

/** Cuts the outbox into the batches a projector happened to read. */
function batches(events: readonly TradingEvent[], cuts: readonly number[]): TradingEvent[][] {
  const out: TradingEvent[][] = [];
  let from = 0;
  for (const c of cuts) {
    const to = Math.min(events.length, from + c);
    out.push(events.slice(from, to));
    from = to;
  }
  out.push(events.slice(from));
  return out;
}

/** The old way: every live trade folded afresh, oldest first. */
function recomputed(events: readonly TradingEvent[]) {
  const fills: BookTrade[] = [];
  const deals = new Map<string, DealVersionEvent>();
  for (const e of events) {
    if (e.kind === 'deal_version') {
      deals.set(e.dealId, e);
      continue;
    }
    if (e.instrumentId === 'UNKNOWN') continue;
    const base = {
      instrumentId: e.instrumentId,
      period: month(e.executedAt),
      price: e.price,
      quantity: e.quantity,
      at: e.executedAt,
      source: 'exchange' as const,
    };
    fills.push({ ...base, book: e.buyer, side: 'buy' });
    if (e.seller !== e.buyer) fills.push({ ...base, book: e.seller, side: 'sell' });
  }
  const live = [...deals.values()]
    .filter((d) => d.status !== 'cancelled' && d.instrumentId !== 'UNKNOWN')
    .sort((a, b) => a.capturedAt - b.capturedAt)
    .map((d): BookTrade => ({
      book: d.trader,
      instrumentId: d.instrumentId,
      period: month(d.deliveryStart),
      side: d.side,
      price: d.price,
      quantity: d.quantity,
      at: d.capturedAt,
      source: 'otc',
    }));
  return periodPositions([...fills, ...live], new Map(), () => ({ unit: 'MWh', currency: 'EUR' }));
}

describe('the position table kept from the outbox', () => {
  it('equals the table rebuilt in one pass, however the stream of fills, amendments and voids was batched', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { maxLength: 20 }),
        (steps, cuts) => {
          const events = outbox(steps);
          const kept = new Tables();
          for (const b of batches(events, cuts)) kept.apply(b);
          const rebuilt = new Tables();
          rebuilt.apply(events);
          expect(kept.snapshot()).toEqual(rebuilt.snapshot());
          expect(kept.watermark).toBe(events.at(-1)?.seq ?? 0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('holds the same positions as folding every live trade afresh', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const events = outbox(steps);
        const kept = new Tables();
        for (const b of batches(events, [1, 1, 2, 3, 5, 8])) kept.apply(b);
        const old = recomputed(events);
        const now = [...kept.positions.values()].map((p) => ({
          key: `${p.book}\n${markKey(p.instrumentId, p.period.label)}`,
          net: p.running.net,
          exchange: p.exchange,
          otc: p.otc,
        }));
        const then = old.map((p) => ({
          key: `${p.book}\n${markKey(p.instrumentId, p.period)}`,
          net: p.netQuantity,
          exchange: p.exchangeQuantity,
          otc: p.otcQuantity,
        }));
        const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
        expect(now.sort(byKey)).toEqual(then.sort(byKey));
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with the old fold on average price and realised P&L when no two trades share an instant', () => {
    const forward = (s: Step): Step =>
      s.kind === 'fill' || s.kind === 'deal' ? { ...s, at: Math.abs(s.at) + 1 } : s;
    fc.assert(
      fc.property(fc.array(step.map(forward), { maxLength: 60 }), (steps) => {
        const events = outbox(steps);
        const kept = new Tables();
        for (const b of batches(events, [2, 3, 5])) kept.apply(b);
        const figures = (
          book: string,
          instrumentId: string,
          period: string,
          net: number,
          average: number | null,
          realised: number,
        ) => `${book} ${instrumentId} ${period} ${net} ${average} ${realised}`;
        const now = [...kept.positions.values()].map((p) =>
          figures(
            p.book,
            p.instrumentId,
            p.period.label,
            p.running.net,
            p.running.net === 0 ? null : tidy(p.running.average),
            tidy(p.running.realised),
          ),
        );
        const then = recomputed(events).map((p) =>
          figures(p.book, p.instrumentId, p.period, p.netQuantity, p.averagePrice, p.realisedPnl),
        );
        expect(now.sort()).toEqual(then.sort());
      }),
      { numRuns: 200 },
    );
  });

  it('changes nothing when an event is applied twice', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), fc.nat(), (steps, pick) => {
        const events = outbox(steps);
        fc.pre(events.length > 0);
        const tables = new Tables();
        tables.apply(events);
        const before = tables.snapshot();
        const again = events[pick % events.length]!;
        tables.apply([again]);
        tables.apply(events);
        expect(tables.snapshot()).toEqual(before);
      }),
    );
  });

  it('moves an amended deal to its new delivery period and drops a voided one', () => {
    const events = outbox([
      { kind: 'deal', trader: 0, instrument: 0, price: 60, quantity: 744, at: 0, side: true },
      { kind: 'amend', deal: 0, price: 61, quantity: 700, startMonth: 2, side: true },
    ]);
    const tables = new Tables();
    tables.apply(events.slice(0, 1));
    expect([...tables.positions.values()].map((p) => [p.period.label, p.running.net])).toEqual([
      ['2026-02', 744],
    ]);
    tables.apply(events.slice(1));
    expect(
      [...tables.positions.values()].map((p) => [p.period.label, p.running.net, p.running.average]),
    ).toEqual([['2026-04', 700, 61]]);
    const voided = outbox([
      { kind: 'deal', trader: 0, instrument: 0, price: 60, quantity: 744, at: 0, side: true },
      { kind: 'void', deal: 0 },
    ]);
    const fresh = new Tables();
    fresh.apply(voided);
    expect(fresh.positions.size).toBe(0);
  });
});
