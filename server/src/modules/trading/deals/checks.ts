/** A deal as it would stand once captured or amended, put to the checks before it is written. */
export interface ProposedDeal {
  /** The deal being amended; null for a new capture. */
  id: string | null;
  trader: string;
  counterparty: string;
  instrumentId: string;
  side: 'buy' | 'sell';
  price: number;
  quantity: number;
  deliveryStart: Date;
  deliveryEnd: Date;
  /** When the deal is put to the checks (the service's clock). */
  at: Date;
}

/** Why a deal must not be booked, in the desk's words: a stable code and a sentence naming the limit. */
export interface DealRefusal {
  code: string;
  message: string;
  /** More for the 422's body (compliance's rule id and citation). */
  details?: Record<string, unknown>;
}

/**
 * A check an OTC deal must pass before capture or amendment; other modules fill it in
 * (the portfolio module's counterparty credit limits), as risk fills in order entry's.
 */
export type DealCheck = (deal: ProposedDeal) => Promise<DealRefusal | undefined>;
