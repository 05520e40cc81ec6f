import type { DetectorName } from '../alerts.js';
import type { Side } from '../events.js';
import { MARKET_MAKERS, TRADERS } from './honest-trading.js';
import { cents, MINUTE, SECOND, type SyntheticMarket } from './market.js';

/** What a scenario really contains: an abuse by these accounts in this instrument and time. */
export interface Label {
  detector: DetectorName;
  accounts: string[];
  instrumentId: string;
  from: number;
  to: number;
}

const counterparty = (m: SyntheticMarket) =>
  m.rng.pick<string>(m.rng.chance(0.5) ? MARKET_MAKERS : TRADERS);
const flip = (side: Side): Side => (side === 'buy' ? 'sell' : 'buy');
const randomSide = (m: SyntheticMarket): Side => (m.rng.chance(0.5) ? 'buy' : 'sell');
const signOf = (side: Side) => (side === 'buy' ? 1 : -1);

/** Two accounts of one owner trading with each other, or two owners trading round trips. */
export function washTrades(m: SyntheticMarket, instrumentId: string): Label {
  const { rng } = m;
  const from = m.start + rng.between(15 * MINUTE, m.end - m.start - 30 * MINUTE);
  let t = from;
  if (rng.chance(0.5)) {
    const [a, b] = ['x-desk-1', 'x-desk-2'];
    m.own('owner-x', [a, b]);
    const n = rng.int(1, 6);
    for (let i = 0; i < n; i++) {
      const [buyer, seller] = rng.chance(0.5) ? [a, b] : [b, a];
      m.fill(t, instrumentId, {
        buyer,
        seller,
        quantity: rng.size(10, 0.8, 40),
        price: m.mid(instrumentId, t),
        aggressor: randomSide(m),
      });
      t += rng.between(10 * SECOND, 2 * MINUTE);
    }
    return { detector: 'wash_trade', accounts: [a, b], instrumentId, from, to: t };
  }
  const [a, b] = ['c-ring-1', 'c-ring-2'];
  const trips = rng.int(1, 4);
  for (let i = 0; i < trips; i++) {
    const q = rng.int(22, 60);
    const back = Math.round(q * rng.between(0.9, 1));
    const [first, second] = rng.chance(0.5) ? [a, b] : [b, a];
    m.fill(t, instrumentId, {
      buyer: first,
      seller: second,
      quantity: q,
      price: m.mid(instrumentId, t),
      aggressor: randomSide(m),
    });
    t += rng.between(20 * SECOND, 3 * MINUTE);
    m.fill(t, instrumentId, {
      buyer: second,
      seller: first,
      quantity: back,
      price: m.mid(instrumentId, t),
      aggressor: randomSide(m),
    });
    t += rng.between(20 * SECOND, 2 * MINUTE);
  }
  return { detector: 'wash_trade', accounts: [a, b], instrumentId, from, to: t };
}

/** A small genuine order on one side, large orders (layers) near the touch on the other, cancelled once the genuine one fills. */
export function spoofing(m: SyntheticMarket, instrumentId: string): Label {
  const { rng } = m;
  const account = 's-spoof';
  const episodes = rng.int(1, 3);
  const from = m.start + rng.between(15 * MINUTE, 60 * MINUTE);
  let t = from;
  for (let e = 0; e < episodes; e++) {
    const genuineSide = randomSide(m);
    const spoofSide = flip(genuineSide);
    const mid = m.mid(instrumentId, t);
    const genuineQty = rng.int(2, 10);
    const genuinePrice = cents(mid * (1 + signOf(genuineSide) * 0.0008));
    const genuine = m.place(t, instrumentId, account, genuineSide, genuineQty, genuinePrice);
    const layers = rng.int(1, 4);
    const spoofs: { id: string; qty: number }[] = [];
    for (let l = 0; l < layers; l++) {
      const qty = rng.int(30, 100);
      const price = cents(mid * (1 - signOf(spoofSide) * (0.0004 + 0.0004 * l)));
      spoofs.push({
        id: m.place(
          t + 200 + l * rng.between(300, 1500),
          instrumentId,
          account,
          spoofSide,
          qty,
          price,
        ),
        qty,
      });
    }
    // The fake interest lifts (or presses) the price toward the genuine order.
    const fillAt = t + rng.between(5 * SECOND, 40 * SECOND);
    m.push(instrumentId, {
      from: t,
      to: fillAt,
      size: signOf(spoofSide) * rng.between(0.001, 0.003),
      keep: 0.2,
      fadeMs: 2 * MINUTE,
    });
    if (rng.chance(0.3)) {
      const s = spoofs[0]!;
      m.modify(
        t + rng.between(2 * SECOND, 4 * SECOND),
        instrumentId,
        account,
        s.id,
        cents(mid * (1 - signOf(spoofSide) * 0.0003)),
        s.qty,
      );
    }
    const taker = counterparty(m);
    m.place(fillAt, instrumentId, taker, spoofSide, genuineQty, null);
    m.fill(fillAt + 1, instrumentId, {
      buyer: genuineSide === 'buy' ? account : taker,
      seller: genuineSide === 'buy' ? taker : account,
      quantity: genuineQty,
      price: genuinePrice,
      aggressor: spoofSide,
      ...(genuineSide === 'buy' ? { buyOrder: genuine } : { sellOrder: genuine }),
    });
    let c = fillAt + rng.between(500, 8 * SECOND);
    for (const s of spoofs) {
      m.cancel(c, instrumentId, account, s.id, s.qty);
      c += rng.between(50, 3 * SECOND);
    }
    t = c + rng.between(3 * MINUTE, 10 * MINUTE);
  }
  return { detector: 'spoofing', accounts: [account], instrumentId, from, to: t };
}

/** Aggressive one-way trading in the settlement window that pushes the settlement price. */
export function markingTheClose(m: SyntheticMarket, instrumentId: string): Label {
  const { rng } = m;
  const account = 'k-closer';
  const side = randomSide(m);
  const opensAt = m.end - 5 * MINUTE;
  m.push(instrumentId, {
    from: opensAt,
    to: m.end,
    size: signOf(side) * rng.between(0.008, 0.025),
    keep: 1,
    fadeMs: MINUTE,
  });
  for (let i = rng.int(0, 2); i > 0; i--)
    m.take(
      m.start + rng.between(10 * MINUTE, 60 * MINUTE),
      instrumentId,
      account,
      counterparty(m),
      randomSide(m),
      rng.int(2, 6),
    );
  const n = rng.int(6, 12);
  for (let i = 0; i < n; i++) {
    const at = opensAt + ((i + rng.between(0.1, 0.9)) * 5 * MINUTE) / n;
    m.take(at, instrumentId, account, counterparty(m), side, rng.int(6, 16));
  }
  return {
    detector: 'marking_the_close',
    accounts: [account],
    instrumentId,
    from: opensAt,
    to: m.end,
  };
}

/** A burst of aggressive trades that moves the price, then selling (or buying) back into the move. */
export function momentumIgnition(m: SyntheticMarket, instrumentId: string): Label {
  const { rng } = m;
  const account = 'i-igniter';
  const side = randomSide(m);
  const from = m.start + rng.between(15 * MINUTE, m.end - m.start - 25 * MINUTE);
  const burstMs = rng.between(15 * SECOND, 50 * SECOND);
  m.push(instrumentId, {
    from,
    to: from + burstMs,
    size: signOf(side) * rng.between(0.006, 0.018),
    keep: 0.4,
    fadeMs: 6 * MINUTE,
  });
  const n = rng.int(5, 10);
  let volume = 0;
  for (let i = 0; i < n; i++) {
    const quantity = rng.int(6, 20);
    volume += quantity;
    m.take(from + (i * burstMs) / n, instrumentId, account, counterparty(m), side, quantity);
  }
  let left = Math.round(volume * rng.between(0.7, 1.1));
  let t = from + burstMs + rng.between(20 * SECOND, 90 * SECOND);
  while (left > 0) {
    const quantity = Math.min(left, rng.int(10, 40));
    left -= quantity;
    // Mostly resting offers the move's followers take, sometimes hitting bids.
    const passive = rng.chance(0.7);
    const other = counterparty(m);
    m.fill(t, instrumentId, {
      buyer: side === 'buy' ? other : account,
      seller: side === 'buy' ? account : other,
      quantity,
      price: m.mid(instrumentId, t),
      aggressor: passive ? side : flip(side),
    });
    t += rng.between(5 * SECOND, 40 * SECOND);
  }
  return { detector: 'momentum_ignition', accounts: [account], instrumentId, from, to: t };
}

export interface InsideInformationPlan {
  instrumentId: string;
  registeredAt: number;
  publishedAt: number;
  side: Side;
  insiders: string[];
}

/** A registered, price-moving piece of inside information, published later. */
export function insideInformation(
  m: SyntheticMarket,
  instrumentId: string,
  insiders: string[],
): InsideInformationPlan {
  const { rng } = m;
  const registeredAt = m.start + rng.between(60 * MINUTE, 80 * MINUTE);
  const publishedAt = registeredAt + rng.between(10 * MINUTE, 30 * MINUTE);
  const side = randomSide(m);
  m.push(instrumentId, {
    from: publishedAt,
    to: publishedAt + 30 * SECOND,
    size: signOf(side) * rng.between(0.015, 0.04),
    keep: 1,
    fadeMs: MINUTE,
  });
  const plan = { instrumentId, registeredAt, publishedAt, side, insiders };
  writeInsideInformation(m, plan);
  return plan;
}

export function writeInsideInformation(m: SyntheticMarket, plan: InsideInformationPlan): void {
  m.write({
    kind: 'inside_information',
    id: m.nextId('info'),
    at: Math.round(plan.publishedAt),
    instrumentIds: [plan.instrumentId],
    registeredAt: Math.round(plan.registeredAt),
    publishedAt: Math.round(plan.publishedAt),
    insiders: [...plan.insiders].sort(),
  });
}

/** An account that builds a position before publication in the direction the news moves the price. */
export function insiderTrading(
  m: SyntheticMarket,
  plan: InsideInformationPlan,
  account: string,
): Label {
  const { rng } = m;
  for (let i = rng.int(0, 3); i > 0; i--)
    m.take(
      m.start + rng.between(5 * MINUTE, 50 * MINUTE),
      plan.instrumentId,
      account,
      counterparty(m),
      randomSide(m),
      rng.int(2, 6),
    );
  const n = rng.int(3, 8);
  const from = plan.registeredAt + rng.between(MINUTE, 3 * MINUTE);
  const span = plan.publishedAt - MINUTE - from;
  for (let i = 0; i < n; i++)
    m.take(
      from + ((i + rng.next()) * span) / n,
      plan.instrumentId,
      account,
      counterparty(m),
      plan.side,
      rng.int(5, 20),
    );
  return {
    detector: 'insider_trading',
    accounts: [account],
    instrumentId: plan.instrumentId,
    from,
    to: plan.publishedAt,
  };
}

/** Off-market prints on the broker feed: one or two bad prices, then the feed is right again. */
export function badPrints(m: SyntheticMarket, instrumentId: string): Label[] {
  const { rng } = m;
  const labels: Label[] = [];
  for (let k = rng.int(1, 3); k > 0; k--) {
    const at = m.start + rng.between(20 * MINUTE, m.end - m.start - 10 * MINUTE);
    const prints = rng.chance(0.7) ? 1 : 2;
    const dir = rng.chance(0.5) ? 1 : -1;
    for (let i = 0; i < prints; i++) {
      const t = at + i * rng.between(2 * SECOND, 8 * SECOND);
      m.write({
        kind: 'market_price',
        id: m.nextId('px'),
        at: Math.round(t),
        instrumentId,
        source: 'broker',
        price: cents(m.mid(instrumentId, t) * (1 + dir * rng.between(0.015, 0.08))),
      });
    }
    labels.push({
      detector: 'price_anomaly',
      accounts: [],
      instrumentId,
      from: Math.round(at),
      to: Math.round(at + 10 * SECOND),
    });
  }
  return labels;
}
