import type { BookProfile } from './jurisdiction.js';
import type { SubjectKind } from './rule-pack.js';

/** An order or deal as the rules see it, in the instrument's own units. */
export interface TradeSubject {
  kind: SubjectKind;
  account: string;
  instrumentId: string;
  side: 'buy' | 'sell';
  /** Limit price, or the deal's price; null for market and stop orders. */
  price: number | null;
  /** In the product's quantity unit (MWh, therm, bbl, tCO2). */
  quantity: number;
  /** In contracts, for limits published in contracts. */
  quantityLots: number;
  counterparty: string | null;
  at: number;
  /** A deal's start of delivery; null for an exchange order. */
  deliveryStart: number | null;
}

/** What the rules read of the desk and the lists at the moment of the decision. */
export interface RuleFacts {
  book: BookProfile | null;
  restricted(instrumentId: string): { reason: string } | undefined;
  sanctioned(name: string): { name: string; programme: string } | undefined;
  /** The unpublished inside-information event that makes the account an insider in the product. */
  embargo(account: string, instrumentId: string): { eventId: string; title: string } | undefined;
  reference(instrumentId: string): { price: number; source: 'mid' | 'last_trade' } | null;
  netLots(account: string, instrumentId: string): number;
  /** Open lots of the account's orders on one side of a book. */
  openLots(account: string, instrumentId: string, side: 'buy' | 'sell'): number;
  /**
   * The best price among resting orders on a side from the account's affiliates (other
   * books of the same legal entity), null if none. The engine's self-trade prevention
   * already stops an account trading with itself; across books of one entity it cannot.
   */
  affiliateBest(account: string, instrumentId: string, side: 'buy' | 'sell'): number | null;
  /** Whether a name is one of the desk's own legal entities (a deal with it is a trade with oneself). */
  ownEntity(name: string): boolean;
}
