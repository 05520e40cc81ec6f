import type { Alert, Detector } from './alerts.js';
import type { SpikeFinder } from './detectors/price-anomalies.js';
import type { Side, SurveillanceEvent } from './events.js';

/** Builds small hand-written logs for detector tests: one instrument, ids in order. */
export class LogBuilder {
  readonly events: SurveillanceEvent[] = [];
  private n = 0;
  constructor(
    readonly instrumentId = 'PWR-DE-LU-FUT-M-BASE',
    readonly owners: Record<string, string> = {},
  ) {}

  private id(prefix: string): string {
    this.n += 1;
    return `${prefix}${this.n}`;
  }

  owner(account: string): string {
    return this.owners[account] ?? account;
  }

  place(at: number, account: string, side: Side, quantity: number, price: number | null): string {
    const orderId = this.id('o');
    this.events.push({
      kind: 'order_placed',
      id: this.id('e'),
      at,
      instrumentId: this.instrumentId,
      orderId,
      account,
      beneficialOwner: this.owner(account),
      side,
      price,
      quantity,
    });
    return orderId;
  }

  cancel(at: number, account: string, orderId: string, quantity: number): void {
    this.events.push({
      kind: 'order_cancelled',
      id: this.id('e'),
      at,
      instrumentId: this.instrumentId,
      orderId,
      account,
      quantity,
    });
  }

  fill(
    at: number,
    buyer: string,
    seller: string,
    quantity: number,
    price: number,
    aggressor: Side | null = null,
    orders: { buy?: string; sell?: string } = {},
  ): string {
    const id = this.id('f');
    this.events.push({
      kind: 'fill',
      id,
      at,
      instrumentId: this.instrumentId,
      tradeId: id,
      price,
      quantity,
      buyer: { account: buyer, beneficialOwner: this.owner(buyer), orderId: orders.buy ?? null },
      seller: {
        account: seller,
        beneficialOwner: this.owner(seller),
        orderId: orders.sell ?? null,
      },
      aggressor,
    });
    return id;
  }

  settlement(opensAt: number, closesAt: number): string {
    const id = this.id('w');
    this.events.push({
      kind: 'settlement_window',
      id,
      at: closesAt,
      instrumentId: this.instrumentId,
      opensAt,
      closesAt,
      settlementPrice: null,
    });
    return id;
  }

  insideInformation(
    at: number,
    registeredAt: number,
    publishedAt: number,
    insiders: string[],
  ): string {
    const id = this.id('i');
    this.events.push({
      kind: 'inside_information',
      id,
      at,
      instrumentIds: [this.instrumentId],
      registeredAt,
      publishedAt,
      insiders,
    });
    return id;
  }

  price(at: number, price: number): string {
    const id = this.id('p');
    this.events.push({
      kind: 'market_price',
      id,
      at,
      instrumentId: this.instrumentId,
      source: 'broker',
      price,
    });
    return id;
  }

  /** The log in time order, ties in the order written. */
  sorted(): SurveillanceEvent[] {
    return this.events
      .map((e, i) => ({ e, i }))
      .sort((a, b) => a.e.at - b.e.at || a.i - b.i)
      .map((x) => x.e);
  }
}

/** Runs a detector over a log as a batch. */
export function runDetector(detector: Detector, events: readonly SurveillanceEvent[]): Alert[] {
  const out: Alert[] = [];
  for (const e of events) out.push(...detector.observe(e));
  out.push(...detector.finish());
  return out;
}

/** A plain median-and-MAD spike screen standing in for forecasting's in unit tests. */
export const medianSpikes: SpikeFinder = (prices, window, threshold) => {
  const out: { index: number; score: number }[] = [];
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  };
  for (let i = window; i < prices.length; i++) {
    const past = Array.from({ length: window }, (_, k) => prices[i - window + k]!);
    const med = median(past);
    const mad = Math.max(1e-4, 1.4826 * median(past.map((x) => Math.abs(x - med))));
    const z = (prices[i]! - med) / mad;
    if (Math.abs(z) > threshold) out.push({ index: i, score: z });
  }
  return out;
};

export const SEC = 1000;
export const MIN = 60_000;
