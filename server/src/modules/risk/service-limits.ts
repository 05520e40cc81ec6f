import type { Selectable } from 'kysely';
import type { Bus } from '../../platform/bus/bus.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/database.js';
import { invalid, notFound } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { standardCatalogue } from '../market-data/index.js';
import type { PreTradeCheck } from '../trading/index.js';
import { seesEveryBook, visibleBooks, type BookPosition } from '../portfolio/index.js';
import {
  booksOfLimit,
  bookMeasure,
  describeLimit,
  isMoneyLimit,
  statusOf,
  type LimitStatus,
  type ReportingRate,
  type RiskLimit,
} from './limit-measures.js';
import { hardLimitRefusal } from './pre-trade-limits.js';
import type { FxConverter, PriceHistory } from './price-history.js';
import type { LimitsRepo } from './repo-limits.js';
import type { RiskLimitsRow } from './tables.js';

export const ALERT_TOPIC = 'risk.alert';
/** Tells every instance to reload its copy of the hard limits. */
export const LIMITS_CHANGED_TOPIC = 'risk.limits-changed';

export interface LimitInput {
  name: string;
  kind: RiskLimit['kind'];
  scope: RiskLimit['scope'];
  book?: string | undefined;
  instrumentId?: string | undefined;
  threshold: number;
  severity: RiskLimit['severity'];
}

export interface LimitDeps {
  db: Db;
  reader: Db;
  repo: LimitsRepo;
  bus: Bus;
  clock: Clock;
  deskBooks(): Promise<string[]>;
  /** The books' positions per instrument (exchange fills and OTC deals), from portfolio. */
  positionsOf(books: readonly string[], now: number): Promise<BookPosition[]>;
  /** Currency of VaR, notional and stop-loss limits and of their measures. */
  reportingCurrency: string;
  /** FX rates as of a time, to bring each instrument's money into the reporting currency. */
  fxRates(at: Date): Promise<FxConverter>;
  /** The 99% one-day historical VaR of some books (all of them together). */
  varOf(books: readonly string[], prices: PriceHistory): Promise<number>;
  onError(error: unknown): void;
}

const limitOf = (r: Selectable<RiskLimitsRow>): RiskLimit => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  scope: r.scope,
  book: r.book,
  instrumentId: r.instrument_id,
  threshold: Number(r.threshold),
  severity: r.severity,
});

const alertView = (r: Awaited<ReturnType<LimitsRepo['insertAlert']>>) => ({
  id: r.id,
  at: new Date(r.created_at).toISOString(),
  limitId: r.limit_id,
  limitName: r.limit_name,
  kind: r.kind,
  severity: r.severity,
  book: r.book,
  value: r.value,
  threshold: r.threshold,
  message: r.message,
});

export interface Utilisation {
  book: string | null;
  value: number;
  utilisation: number;
  status: LimitStatus;
  /** Instruments left out of a money measure for want of an FX rate. */
  unconverted: string[];
}

/**
 * How long the pre-trade check reuses FX rates before reading them again: orders arrive
 * thousands a second, FX prints move far slower, and one read a second costs nothing.
 */
const PRE_TRADE_FX_TTL_MS = 1_000;

/**
 * Limits, their utilisation and the alerts their breaches raise. Measuring is on demand
 * (listing limits or alerts) and after every trade; an alert is raised when a limit goes
 * from inside to breached and again when it clears, not at every look. Hard position and
 * notional limits are also held in memory for the trading module's pre-trade check.
 */
export function createLimitService(deps: LimitDeps) {
  let active: RiskLimit[] = [];
  let hard: RiskLimit[] = [];
  let chain: Promise<unknown> = Promise.resolve();
  const pending = new Set<Promise<unknown>>();
  const now = () => new Date(deps.clock.now());
  const currency = deps.reportingCurrency;
  const unitOf = (limit: RiskLimit) => (isMoneyLimit(limit) ? currency : '');
  const rateFrom =
    (fx: FxConverter): ReportingRate =>
    (from) =>
      from === currency ? 1 : fx.rate(from, currency);
  let preTradeFx: { readAt: number; rateOf: ReportingRate } | undefined;
  /** Rates for the order path: reused for a second, read again at once if the order's currency had none. */
  const preTradeRates = async (orderCurrency: string): Promise<ReportingRate> => {
    const stale =
      preTradeFx === undefined || performance.now() - preTradeFx.readAt > PRE_TRADE_FX_TTL_MS;
    if (stale || preTradeFx!.rateOf(orderCurrency) === null) {
      preTradeFx = { readAt: performance.now(), rateOf: rateFrom(await deps.fxRates(now())) };
    }
    return preTradeFx!.rateOf;
  };

  /** Evaluations run one at a time, so two looks at once cannot both raise the same alert. */
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work, work);
    chain = next.catch(() => undefined);
    return next;
  };
  const track = (p: Promise<unknown>) => {
    const tracked = p
      .catch((error: unknown) => deps.onError(error))
      .finally(() => pending.delete(tracked));
    pending.add(tracked);
  };

  async function reload(): Promise<void> {
    active = (await deps.repo.activeLimits(deps.db)).map(limitOf);
    hard = active.filter(
      (l) => l.severity === 'hard' && (l.kind === 'position' || l.kind === 'notional'),
    );
  }

  async function raise(
    limit: RiskLimit,
    book: string | null,
    value: number,
    kind: 'breach' | 'cleared' | 'refused',
    message: string,
  ) {
    const row = await deps.repo.insertAlert(deps.db, {
      limitId: limit.id,
      limitName: limit.name,
      kind,
      severity: limit.severity,
      book,
      value,
      threshold: limit.threshold,
      message,
      at: now(),
    });
    const view = alertView(row);
    await deps.bus.publish(ALERT_TOPIC, view);
    return view;
  }

  /** Measures limits on books, records changes of state as alerts, returns the utilisations. */
  async function measure(
    limits: readonly RiskLimit[],
    books: readonly string[] | null,
    prices: PriceHistory | null,
  ) {
    const desk = await deps.deskBooks();
    const cache = new Map<string, BookPosition[]>();
    const positionsOf = async (book: string) => {
      if (!cache.has(book)) cache.set(book, await deps.positionsOf([book], now().getTime()));
      return cache.get(book)!;
    };
    const out = new Map<string, Utilisation[]>();
    const rateOf = limits.some((l) => l.kind === 'notional' || l.kind === 'stop_loss')
      ? rateFrom(await deps.fxRates(now()))
      : () => 1;
    for (const limit of limits) {
      const lines: Utilisation[] = [];
      if (limit.kind === 'var') {
        if (!prices) continue;
        const measured = booksOfLimit(limit, desk);
        const value = await deps.varOf(measured, prices);
        lines.push({
          book: limit.scope === 'book' ? limit.book : null,
          value,
          utilisation: value / limit.threshold,
          status: statusOf(value, limit.threshold),
          unconverted: [],
        });
      } else {
        for (const book of booksOfLimit(limit, desk).filter(
          (b) => books === null || books.includes(b),
        )) {
          const { value, unconverted } = bookMeasure(limit, await positionsOf(book), rateOf);
          lines.push({
            book,
            value,
            utilisation: value / limit.threshold,
            status: statusOf(value, limit.threshold),
            unconverted,
          });
        }
      }
      for (const line of lines) {
        const last = await deps.repo.lastState(deps.db, limit.id, line.book);
        const who = line.book ? `book ${line.book}` : 'the desk';
        if (line.status === 'breach' && last !== 'breach') {
          const unit = unitOf(limit);
          await raise(
            limit,
            line.book,
            line.value,
            'breach',
            `${describeLimit(limit, unit)} breached by ${who}: ${round(line.value)}${unit ? ` ${unit}` : ''} against ${limit.threshold}`,
          );
        } else if (line.status !== 'breach' && last === 'breach') {
          const unit = unitOf(limit);
          await raise(
            limit,
            line.book,
            line.value,
            'cleared',
            `${describeLimit(limit, unit)} back inside for ${who}: ${round(line.value)}${unit ? ` ${unit}` : ''}`,
          );
        }
      }
      out.set(limit.id, lines);
    }
    return out;
  }

  const visible = (principal: Principal, limit: RiskLimit) =>
    seesEveryBook(principal) || limit.scope === 'desk' || limit.book === principal.username;

  return {
    start: reload,
    reload,
    /** Waits for alerts still being written (refusals are recorded after the order is answered). */
    async drain(): Promise<void> {
      await Promise.all([...pending]);
      await chain;
    },

    async create(principal: Principal, input: LimitInput) {
      if (input.scope === 'book' && !input.book)
        throw invalid('book', 'required', 'a book limit names its book');
      if (input.scope === 'desk' && input.book)
        throw invalid('book', 'not_allowed', 'a desk limit applies to every book; leave book out');
      if (input.instrumentId !== undefined && !standardCatalogue.find(input.instrumentId)) {
        throw invalid(
          'instrumentId',
          'known_instrument',
          `instrument ${input.instrumentId} is not in the catalogue`,
        );
      }
      if (input.kind === 'var' && input.instrumentId)
        throw invalid(
          'instrumentId',
          'not_allowed',
          'a VaR limit applies to a whole book or the desk',
        );
      const row = await deps.repo.insertLimit(deps.db, {
        name: input.name,
        kind: input.kind,
        scope: input.scope,
        book: input.book ?? null,
        instrumentId: input.instrumentId ?? null,
        threshold: input.threshold,
        severity: input.severity,
        createdBy: principal.username,
        at: now(),
      });
      await reload();
      await deps.bus.publish(LIMITS_CHANGED_TOPIC, { id: row.id });
      return limitOf(row);
    },

    async remove(id: string): Promise<void> {
      if (!(await deps.repo.deactivate(deps.db, id)))
        throw notFound(`limit ${id}`, 'limit_not_found');
      await reload();
      await deps.bus.publish(LIMITS_CHANGED_TOPIC, { id });
    },

    /** Limits the caller may see, each with its utilisation per book. */
    async list(principal: Principal, prices: PriceHistory) {
      const limits = (await deps.repo.activeLimits(deps.reader))
        .map(limitOf)
        .filter((l) => visible(principal, l));
      const measured = await serially(() =>
        measure(limits, seesEveryBook(principal) ? null : [principal.username], prices),
      );
      return {
        items: limits.map((l) => ({
          ...l,
          unit: unitOf(l) || positionUnit(l),
          utilisation: measured.get(l.id) ?? [],
        })),
      };
    },

    /** After a trade: measure the books that traded against every limit but VaR (that needs prices). */
    afterTrade(books: readonly string[]): void {
      // Most trades touch no limit; they cost the desk nothing here.
      const limits = active.filter(
        (l) => l.kind !== 'var' && (l.scope === 'desk' || books.includes(l.book!)),
      );
      if (limits.length === 0) return;
      track(serially(() => measure(limits, books, null)));
    },

    async alerts(principal: Principal, query: { book?: string | undefined; limit: number }) {
      const books =
        seesEveryBook(principal) && query.book === undefined
          ? undefined
          : visibleBooks(principal, query.book, await deps.deskBooks());
      const rows = await deps.repo.alerts(deps.reader, { books, limit: query.limit });
      return { items: rows.map(alertView) };
    },

    /** The trading module's hook: refuses an order that could breach a hard limit, and records why. */
    preTradeCheck: (async (order, ctx) => {
      if (hard.length === 0) return undefined;
      const orderCurrency = standardCatalogue.find(order.instrumentId)?.currency ?? currency;
      const rateOf = hard.some((l) => l.kind === 'notional')
        ? await preTradeRates(orderCurrency)
        : () => 1;
      const refusal = hardLimitRefusal(hard, order, ctx, { currency, rateOf });
      if (!refusal) return undefined;
      track(
        serially(() =>
          raise(
            refusal.limit,
            order.account,
            refusal.value,
            'refused',
            `order refused: ${refusal.reason}`,
          ),
        ),
      );
      return refusal.reason;
    }) satisfies PreTradeCheck,
  };
}

const round = (x: number) => Math.round(x * 100) / 100;

/** A position limit on one instrument counts its energy unit; a limit across instruments has none. */
const positionUnit = (limit: RiskLimit): string =>
  limit.instrumentId ? (standardCatalogue.find(limit.instrumentId)?.unit ?? '') : '';

export type LimitService = ReturnType<typeof createLimitService>;
