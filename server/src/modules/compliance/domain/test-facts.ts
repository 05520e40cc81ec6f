import type { RuleFacts, TradeSubject } from './subject.js';

/** Facts of an empty desk, to override per test. */
export function facts(over: Partial<RuleFacts> = {}): RuleFacts {
  return {
    book: null,
    restricted: () => undefined,
    sanctioned: () => undefined,
    embargo: () => undefined,
    reference: () => null,
    netLots: () => 0,
    openLots: () => 0,
    affiliateBest: () => null,
    ownEntity: () => false,
    ...over,
  };
}

export const AT = Date.UTC(2026, 5, 1, 9);

export function order(over: Partial<TradeSubject> = {}): TradeSubject {
  return {
    kind: 'order',
    account: 'trader',
    instrumentId: 'PWR-DE-LU-FUT-M-BASE',
    side: 'buy',
    price: 88,
    quantity: 5,
    quantityLots: 5,
    counterparty: null,
    at: AT,
    deliveryStart: null,
    ...over,
  };
}
