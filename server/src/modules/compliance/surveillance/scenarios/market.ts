import type { Side, SurveillanceEvent } from '../events.js';
import type { SeededRandom } from './seeded-random.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** A push on an instrument's price: log-price rises by `size` from `from` to `to`, then fades. */
interface Impact {
  from: number;
  to: number;
  size: number;
  /** Fraction of the push still there `fadeMs` after `to` (1: permanent). */
  keep: number;
  fadeMs: number;
}

export interface InstrumentSpec {
  id: string;
  price: number;
}

export const SCENARIO_INSTRUMENTS: readonly InstrumentSpec[] = [
  { id: 'PWR-DE-LU-FUT-M-BASE', price: 82 },
  { id: 'GAS-TTF-FUT-M', price: 36 },
];

/**
 * A synthetic market: a price path per instrument (a random walk plus the pushes that
 * patterns and honest flows make), and the event log written against it. Events are
 * written in any order and sorted by time at the end, ties in the order written.
 */
export class SyntheticMarket {
  readonly start: number;
  readonly end: number;
  private readonly walk = new Map<string, Float64Array>();
  private readonly impacts = new Map<string, Impact[]>();
  private readonly written: { event: SurveillanceEvent; seq: number }[] = [];
  private counter = 0;
  private readonly owners = new Map<string, string>();

  constructor(
    readonly rng: SeededRandom,
    readonly prefix: string,
    readonly instruments: readonly InstrumentSpec[],
    start: number,
    durationMs: number,
    /** Standard deviation of the log-price per second. */
    volatility = 0.00008,
  ) {
    this.start = start;
    this.end = start + durationMs;
    const seconds = Math.ceil(durationMs / SECOND) + 1;
    for (const i of instruments) {
      const path = new Float64Array(seconds);
      let x = Math.log(i.price);
      for (let s = 0; s < seconds; s++) {
        path[s] = x;
        x += volatility * rng.normal();
      }
      this.walk.set(i.id, path);
      this.impacts.set(i.id, []);
    }
  }

  /** The accounts of one beneficial owner (by default each account owns itself). */
  own(owner: string, accounts: readonly string[]): void {
    for (const a of accounts) this.owners.set(a, owner);
  }

  ownerOf(account: string): string {
    return this.owners.get(account) ?? `owner-${account}`;
  }

  push(instrumentId: string, impact: Impact): void {
    this.impacts.get(instrumentId)!.push(impact);
  }

  /** The fair price of an instrument at an instant, in EUR to the cent. */
  mid(instrumentId: string, at: number): number {
    const path = this.walk.get(instrumentId)!;
    const s = Math.max(0, Math.min(path.length - 1, Math.floor((at - this.start) / SECOND)));
    let x = path[s]!;
    for (const im of this.impacts.get(instrumentId)!) {
      if (at <= im.from) continue;
      if (at < im.to) x += (im.size * (at - im.from)) / (im.to - im.from);
      else {
        const faded = Math.min(1, (at - im.to) / im.fadeMs);
        x += im.size * (1 - (1 - im.keep) * faded);
      }
    }
    return cents(Math.exp(x));
  }

  nextId(kind: string): string {
    this.counter += 1;
    return `${this.prefix}-${kind}-${this.counter}`;
  }

  write(event: SurveillanceEvent): void {
    this.written.push({ event, seq: this.written.length });
  }

  place(
    at: number,
    instrumentId: string,
    account: string,
    side: Side,
    quantity: number,
    price: number | null,
  ): string {
    const orderId = this.nextId('o');
    this.write({
      kind: 'order_placed',
      id: this.nextId('ev'),
      at: Math.round(at),
      instrumentId,
      orderId,
      account,
      beneficialOwner: this.ownerOf(account),
      side,
      price,
      quantity,
    });
    return orderId;
  }

  modify(
    at: number,
    instrumentId: string,
    account: string,
    orderId: string,
    price: number,
    remaining: number,
  ): void {
    this.write({
      kind: 'order_modified',
      id: this.nextId('ev'),
      at: Math.round(at),
      instrumentId,
      orderId,
      account,
      price,
      remaining,
    });
  }

  cancel(
    at: number,
    instrumentId: string,
    account: string,
    orderId: string,
    quantity: number,
  ): void {
    this.write({
      kind: 'order_cancelled',
      id: this.nextId('ev'),
      at: Math.round(at),
      instrumentId,
      orderId,
      account,
      quantity,
    });
  }

  /** A trade; `buyOrder`/`sellOrder` are the resting or incoming orders when known. */
  fill(
    at: number,
    instrumentId: string,
    trade: {
      buyer: string;
      seller: string;
      quantity: number;
      price: number;
      aggressor: Side;
      buyOrder?: string;
      sellOrder?: string;
    },
  ): void {
    const id = this.nextId('t');
    this.write({
      kind: 'fill',
      id: `fill:${id}`,
      at: Math.round(at),
      instrumentId,
      tradeId: id,
      price: trade.price,
      quantity: trade.quantity,
      buyer: {
        account: trade.buyer,
        beneficialOwner: this.ownerOf(trade.buyer),
        orderId: trade.buyOrder ?? null,
      },
      seller: {
        account: trade.seller,
        beneficialOwner: this.ownerOf(trade.seller),
        orderId: trade.sellOrder ?? null,
      },
      aggressor: trade.aggressor,
    });
  }

  /** An aggressive trade by `taker` against `maker` at the current price plus the spread. */
  take(
    at: number,
    instrumentId: string,
    taker: string,
    maker: string,
    side: Side,
    quantity: number,
    makerOrder?: string,
  ): void {
    const takerOrder = this.place(at, instrumentId, taker, side, quantity, null);
    const mid = this.mid(instrumentId, at);
    const half = Math.max(0.01, cents(mid * 0.0004));
    const price = cents(side === 'buy' ? mid + half : mid - half);
    this.fill(at + 1, instrumentId, {
      buyer: side === 'buy' ? taker : maker,
      seller: side === 'buy' ? maker : taker,
      quantity,
      price,
      aggressor: side,
      ...(side === 'buy'
        ? { buyOrder: takerOrder, sellOrder: makerOrder }
        : { sellOrder: takerOrder, buyOrder: makerOrder }),
    });
  }

  events(): SurveillanceEvent[] {
    return this.written
      .sort((a, b) => a.event.at - b.event.at || a.seq - b.seq)
      .map((w) => w.event);
  }
}

export const cents = (x: number): number => Math.round(x * 100) / 100;

export { SECOND, MINUTE };
