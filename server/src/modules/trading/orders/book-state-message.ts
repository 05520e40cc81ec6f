import type { Side } from '../domain/index.js';
import type { BookState } from './book-writer.js';

/** An account's open orders in one book, grouped by side and price: `[side, priceTicks, remainingLots]`. */
export type OpenOrderLine = [side: Side, priceTicks: number | null, remainingLots: number];

/**
 * What the owner of a book tells the other instances after each commit, beyond the
 * public depth: its halts, and each account's open orders (for their pre-trade credit
 * checks, which add an account's orders up across every book). Never sent to clients.
 */
export interface BookStateMessage {
  instrumentId: string;
  halted: boolean;
  killSwitch: boolean;
  openByAccount: Record<string, OpenOrderLine[]>;
}

export const BOOK_STATE_TOPIC = 'trading.book_state';

export function bookStateMessage(instrumentId: string, state: BookState): BookStateMessage {
  const lines = new Map<string, Map<string, OpenOrderLine>>();
  for (const o of state.open.values()) {
    const byPrice = lines.get(o.account) ?? new Map<string, OpenOrderLine>();
    lines.set(o.account, byPrice);
    const key = `${o.side}:${o.priceTicks ?? ''}`;
    const line = byPrice.get(key) ?? [o.side, o.priceTicks, 0];
    line[2] += o.quantityLots - o.filledLots;
    byPrice.set(key, line);
  }
  const openByAccount: Record<string, OpenOrderLine[]> = {};
  for (const [account, byPrice] of lines) openByAccount[account] = [...byPrice.values()];
  const { ctx } = state.book;
  return { instrumentId, halted: ctx.halted, killSwitch: ctx.killSwitch, openByAccount };
}
