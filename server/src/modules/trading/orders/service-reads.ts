import { notFound } from '../../../platform/errors.js';
import type { Desk } from '../desk.js';
import { NO_GATE } from './desk-state.js';
import { knownInstrument } from '../instruments.js';
import { orderFromRow, orderView, tradeFromRow, tradeView } from '../order-record.js';
import { listOrders, listTrades } from './repo.js';
import type { TradingDb } from '../tables.js';

export interface OrderListQuery {
  status: 'open' | 'final' | 'all';
  instrumentId?: string | undefined;
  limit: number;
  offset: number;
}

export interface TradeListQuery {
  instrumentId?: string | undefined;
  mine?: 'true' | 'false' | undefined;
  limit: number;
}

/** What traders read of order entry: their orders, the trades, the books' depth and the tradable instruments. */
export function createOrderReads(deps: { desk: Desk; reader: TradingDb }) {
  const { desk, reader } = deps;
  return {
    async orders(account: string, query: OrderListQuery) {
      if (query.instrumentId !== undefined) knownInstrument(query.instrumentId);
      const { rows, total } = await listOrders(reader, { account, ...query });
      return {
        items: rows.map((row) => {
          const instrument = desk.instrument(row.instrument_id);
          return orderView(orderFromRow(row, instrument), instrument);
        }),
        total,
      };
    },

    async trades(caller: string, query: TradeListQuery) {
      if (query.instrumentId !== undefined) knownInstrument(query.instrumentId);
      const rows = await listTrades(reader, {
        instrumentId: query.instrumentId,
        party: query.mine === 'true' ? caller : undefined,
        limit: query.limit,
      });
      return {
        items: rows.map((row) => {
          const instrument = desk.instrument(row.instrument_id);
          return tradeView(tradeFromRow(row, instrument), instrument, caller);
        }),
      };
    },

    depth(instrumentId: string, levels: number) {
      knownInstrument(instrumentId);
      if (!desk.writer(instrumentId))
        throw notFound(`order book ${instrumentId}`, 'book_not_found');
      return desk.depth(instrumentId, levels);
    },

    instruments() {
      return {
        items: desk.instruments().map((i) => {
          const ctx = desk.writer(i.id)?.state.book.ctx;
          const gate = ctx?.gateClosureAt ?? NO_GATE;
          return {
            instrumentId: i.id,
            name: i.name,
            tickSize: Number(i.tickSize),
            lotSize: Number(i.lotSize),
            unit: i.unit,
            currency: i.currency,
            gateClosure: gate === NO_GATE ? null : new Date(gate).toISOString(),
            halted: ctx !== undefined && (ctx.halted || ctx.killSwitch),
          };
        }),
      };
    },
  };
}

export type OrderReads = ReturnType<typeof createOrderReads>;
