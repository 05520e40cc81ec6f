import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../platform/clock.js';
import type { Db } from '../../../platform/db/database.js';
import { DomainError, invalid, notFound } from '../../../platform/errors.js';
import type { OrdersRow } from '../tables.js';
import type { Instrument } from '../../market-data/index.js';
import type { JobOutcome } from './book-writer.js';
import { commandNotStorable, type Desk } from '../desk.js';
import type { OrderRequest, OrderType, SelfTradeMode, Side, TimeInForce } from '../domain/index.js';
import { contractNotListed, toLots, toTicks, tradableInstrument } from '../instruments.js';
import {
  isOpen,
  orderFromRow,
  orderView,
  tradeFromRow,
  tradeView,
  type OrderRecord,
  type OrderView,
  type TradeView,
} from '../order-record.js';
import type { PreTradeCheck, PreTradeRefusal } from './pre-trade.js';
import {
  isDuplicateKey,
  isUnstorableData,
  orderById,
  orderByClientOrderId,
  tradesTakenBy,
} from './repo.js';
import { tradingDb } from '../tables.js';

export interface PlaceOrderInput {
  clientOrderId: string;
  instrumentId: string;
  side: Side;
  type: OrderType;
  price?: number | undefined;
  stopPrice?: number | undefined;
  quantity: number;
  timeInForce: TimeInForce;
  expiresAt?: string | undefined;
  postOnly?: boolean | undefined;
  displayQuantity?: number | undefined;
  selfTradePrevention?: SelfTradeMode | undefined;
}

export interface PlacedOrder {
  /** `created` for a new order, `replayed` for a retried client order id. */
  outcome: 'created' | 'replayed';
  order: OrderView;
  trades: TradeView[];
}

export interface OrderServiceDeps {
  db: Db;
  desk: Desk;
  clock: Clock;
  checks: PreTradeCheck[];
}

/** An order the engine or a pre-trade check refused: answered 422 with the stored order. */
export const orderRejected = (order: OrderView, explained?: PreTradeRefusal): DomainError =>
  new DomainError(
    'unprocessable',
    explained?.code ?? 'order_rejected',
    explained
      ? `order refused: ${explained.message}`
      : `order refused: ${order.rejectReason ?? 'rejected'}`,
    [],
    {
      ...explained?.details,
      reason: order.rejectReason,
      order,
    },
  );

const notRecorded = (): DomainError =>
  new DomainError(
    'unavailable',
    'order_not_recorded',
    'the order could not be recorded; retry with the same clientOrderId',
  );

/** Stripe's rule for idempotency keys: the same key with other terms is a mistake to report, not a retry. */
const clientOrderIdReused = (clientOrderId: string, orderId: string): DomainError =>
  new DomainError(
    'conflict',
    'client_order_id_reused',
    `clientOrderId ${clientOrderId} was already used for order ${orderId} with other terms`,
    [],
    { orderId },
  );

/** The terms that make two submissions the same order, in ticks and lots so that 85.5 and 85.50 agree. */
function orderTerms(instrument: Instrument, request: OrderRequest, input: PlaceOrderInput): string {
  return JSON.stringify([
    instrument.id,
    request.side,
    request.type,
    request.price ?? null,
    request.stopPrice ?? null,
    request.quantity,
    request.timeInForce,
    request.expireAt ?? null,
    request.postOnly === true,
    request.peak ?? null,
    input.selfTradePrevention ?? null,
  ]);
}

/** A refusal the desk explained passes through; anything else was an outage of the log. */
const notRecordedUnless = (error: unknown): DomainError =>
  error instanceof DomainError ? error : notRecorded();

/**
 * Order entry: converts units, runs the pre-trade checks in the book's writer and
 * answers only after the order and its fills are durable. A client order id is
 * an idempotency key per account: a retry returns the stored outcome.
 */
export function createOrderService(deps: OrderServiceDeps) {
  const { desk, clock } = deps;
  const db = tradingDb(deps.db);
  /**
   * Placements still running, per account and client order id, so that a concurrent
   * duplicate waits for the first and then finds it stored. Emptied as each one ends:
   * the database's unique index, not memory, remembers every client order id.
   */
  const inFlight = new Map<string, Promise<void>>();
  const keyOf = (account: string, clientOrderId: string) => `${account}\n${clientOrderId}`;

  /** The stored outcome of an earlier placement, if the retry asks for the same order. */
  async function replayOf(row: OrdersRow, caller: string, terms: string): Promise<PlacedOrder> {
    if (row.submitted_terms !== null && row.submitted_terms !== terms)
      throw clientOrderIdReused(row.client_order_id, row.id);
    const instrument = desk.instrument(row.instrument_id);
    const trades = await tradesTakenBy(db, row);
    const order = orderView(orderFromRow(row, instrument), instrument);
    if (order.status === 'rejected') throw orderRejected(order);
    return {
      outcome: 'replayed',
      order,
      trades: trades.map((t) => tradeView(tradeFromRow(t, instrument), instrument, caller)),
    };
  }

  function buildOrder(
    account: string,
    input: PlaceOrderInput,
    instrument: Instrument,
  ): { record: OrderRecord; request: OrderRequest } {
    const needsPrice = input.type === 'limit' || input.type === 'stop_limit';
    const needsStop = input.type === 'stop' || input.type === 'stop_limit';
    if (needsPrice && input.price === undefined)
      throw invalid('price', 'required', `a ${input.type} order needs a price`);
    if (!needsPrice && input.price !== undefined)
      throw invalid('price', 'not_allowed', `a ${input.type} order has no limit price`);
    if (needsStop && input.stopPrice === undefined)
      throw invalid('stopPrice', 'required', `a ${input.type} order needs a stop price`);
    if (input.timeInForce === 'GTD' && input.expiresAt === undefined)
      throw invalid('expiresAt', 'required', 'a GTD order needs expiresAt');
    const priceTicks = input.price === undefined ? null : toTicks(instrument, input.price);
    const stopTicks =
      input.stopPrice === undefined ? null : toTicks(instrument, input.stopPrice, 'stopPrice');
    const lots = toLots(instrument, input.quantity);
    const peak =
      input.displayQuantity === undefined
        ? null
        : toLots(instrument, input.displayQuantity, 'displayQuantity');
    const expiresAt = input.expiresAt === undefined ? null : Date.parse(input.expiresAt);
    const now = clock.now();
    const id = randomUUID();
    const request: OrderRequest = {
      orderId: id,
      account,
      side: input.side,
      type: input.type,
      quantity: lots,
      timeInForce: input.timeInForce,
      at: now,
      ...(priceTicks !== null ? { price: priceTicks } : {}),
      ...(stopTicks !== null ? { stopPrice: stopTicks } : {}),
      ...(expiresAt !== null ? { expireAt: expiresAt } : {}),
      ...(input.postOnly === true ? { postOnly: true } : {}),
      ...(peak !== null ? { peak } : {}),
      ...(input.selfTradePrevention ? { selfTrade: input.selfTradePrevention } : {}),
    };
    const record: OrderRecord = {
      id,
      clientOrderId: input.clientOrderId,
      account,
      instrumentId: instrument.id,
      side: input.side,
      type: input.type,
      priceTicks,
      stopPriceTicks: stopTicks,
      quantityLots: lots,
      displayLots: peak,
      filledLots: 0,
      filledNotional: 0,
      timeInForce: input.timeInForce,
      expiresAt,
      postOnly: input.postOnly === true,
      status: 'new',
      rejectReason: null,
      createdAt: now,
      updatedAt: now,
      submittedTerms: orderTerms(instrument, request, input),
    };
    return { record, request };
  }

  /** The checks as the writer runs them; a refusal that explains itself is kept for the 422. */
  function preTradeCheck(
    record: OrderRecord,
    instrument: Instrument,
    explained: { refusal?: PreTradeRefusal },
  ): () => Promise<string | undefined> {
    return async () => {
      const tickSize = Number(instrument.tickSize);
      const lotSize = Number(instrument.lotSize);
      const order = {
        orderId: record.id,
        clientOrderId: record.clientOrderId,
        account: record.account,
        instrumentId: record.instrumentId,
        side: record.side,
        type: record.type,
        priceTicks: record.priceTicks,
        quantityLots: record.quantityLots,
        tickValue: tickSize * lotSize,
        tickSize,
        lotSize,
        at: record.createdAt,
      };
      for (const check of deps.checks) {
        const reason = await check(order, desk.preTrade);
        if (reason === undefined) continue;
        if (typeof reason === 'string') return reason;
        explained.refusal = reason;
        return reason.reason;
      }
      return undefined;
    };
  }

  async function openOrderOf(account: string, orderId: string): Promise<OrderRecord> {
    const row = await orderById(db, orderId);
    if (!row || row.account !== account) throw notFound(`order ${orderId}`, 'order_not_found');
    const live = desk.ownedWriter(row.instrument_id)?.state.open.get(orderId);
    if (!live || !isOpen(live.status))
      throw new DomainError('conflict', 'order_not_open', `order ${orderId} is ${row.status}`);
    return live;
  }

  function refusal(outcome: JobOutcome, orderId: string): void {
    const reason = outcome.refused;
    if (reason === null) return;
    if (reason === 'unknown_order')
      throw new DomainError('conflict', 'order_not_open', `order ${orderId} is no longer open`);
    if (reason === 'not_modifiable')
      throw new DomainError(
        'conflict',
        'order_not_modifiable',
        'a stop order waiting for its trigger cannot be modified',
      );
    if (reason === 'no_change')
      throw invalid('price', 'no_change', 'the order already has this price and quantity');
    throw new DomainError('unprocessable', 'modify_rejected', `change refused: ${reason}`, [], {
      reason,
    });
  }

  /** One placement: a client order id already stored is answered from the database, a new one goes to the book. */
  async function placeOnce(
    account: string,
    input: PlaceOrderInput,
    requestId: string | undefined,
  ): Promise<PlacedOrder> {
    const instrument = tradableInstrument(input.instrumentId);
    const { record, request } = buildOrder(account, input, instrument);
    const terms = record.submittedTerms!;
    const stored = await orderByClientOrderId(db, account, input.clientOrderId).catch(
      (error: unknown) => {
        throw isUnstorableData(error) ? commandNotStorable() : error;
      },
    );
    if (stored) return replayOf(stored, account, terms);
    const writer = desk.ownedWriter(instrument.id);
    if (!writer)
      throw instrument.contract
        ? contractNotListed(instrument)
        : notFound(`book ${instrument.id}`, 'book_not_found');
    let outcome: JobOutcome;
    const explained: { refusal?: PreTradeRefusal } = {};
    try {
      outcome = await writer.run({
        kind: 'submit',
        record,
        request,
        check: preTradeCheck(record, instrument, explained),
        requestId,
      });
    } catch (error) {
      // Another process placed the same client order id first: its order is the answer.
      if (isDuplicateKey(error)) {
        const winner = await orderByClientOrderId(db, account, input.clientOrderId);
        if (winner) return replayOf(winner, account, terms);
      }
      throw notRecordedUnless(error);
    }
    const order = orderView(outcome.order as OrderRecord, instrument);
    if (order.status === 'rejected') throw orderRejected(order, explained.refusal);
    return {
      outcome: 'created',
      order,
      trades: outcome.trades.map((t) => tradeView(t, instrument, account)),
    };
  }

  return {
    async place(account: string, input: PlaceOrderInput, requestId?: string): Promise<PlacedOrder> {
      const key = keyOf(account, input.clientOrderId);
      const earlier = inFlight.get(key) ?? Promise.resolve();
      const attempt = earlier.then(() => placeOnce(account, input, requestId));
      const settled = attempt.then(
        () => undefined,
        () => undefined,
      );
      inFlight.set(key, settled);
      try {
        return await attempt;
      } finally {
        if (inFlight.get(key) === settled) inFlight.delete(key);
      }
    },

    async modify(
      account: string,
      orderId: string,
      change: { price?: number | undefined; quantity?: number | undefined },
      requestId?: string,
    ): Promise<OrderView> {
      const live = await openOrderOf(account, orderId);
      const instrument = desk.instrument(live.instrumentId);
      const engineChange: { price?: number; quantity?: number } = {};
      if (change.price !== undefined) engineChange.price = toTicks(instrument, change.price);
      if (change.quantity !== undefined) {
        // The trader states the order's new total; the engine works on what is still open.
        const remaining = toLots(instrument, change.quantity) - live.filledLots;
        if (remaining <= 0)
          throw invalid('quantity', 'above_filled', 'quantity must exceed what is already filled');
        engineChange.quantity = remaining;
      }
      const writer = desk.writer(instrument.id)!;
      const outcome = await writer
        .run({ kind: 'modify', orderId, change: engineChange, at: clock.now(), requestId })
        .catch((error: unknown) => {
          throw notRecordedUnless(error);
        });
      refusal(outcome, orderId);
      return orderView(outcome.order ?? live, instrument);
    },

    async cancel(account: string, orderId: string, requestId?: string): Promise<OrderView> {
      const live = await openOrderOf(account, orderId);
      const instrument = desk.instrument(live.instrumentId);
      const writer = desk.writer(instrument.id)!;
      const outcome = await writer
        .run({ kind: 'cancel', orderId, at: clock.now(), requestId })
        .catch((error: unknown) => {
          throw notRecordedUnless(error);
        });
      refusal(outcome, orderId);
      return orderView(outcome.order ?? live, instrument);
    },

    /** Expires good-till-date orders whose time has come and every order of a book past its gate. */
    async sweep(): Promise<number> {
      const now = clock.now();
      let swept = 0;
      for (const [, writer] of desk.ownedWriters()) {
        const { book, open } = writer.state;
        const gatePassed = now >= book.ctx.gateClosureAt && open.size > 0;
        let due = gatePassed;
        if (!due)
          for (const o of open.values())
            if (o.expiresAt !== null && o.timeInForce === 'GTD' && o.expiresAt <= now) {
              due = true;
              break;
            }
        if (!due) continue;
        await writer.run({ kind: 'expire', at: now });
        swept++;
      }
      return swept;
    },
  };
}

export type OrderService = ReturnType<typeof createOrderService>;
