/**
 * Positions from fills by the average-cost method: buying into a long (or
 * selling into a short) moves the average price; trading against the position
 * realises P&L at the difference to the average; crossing through flat opens
 * the remainder at the fill price. Unrealised P&L marks the rest to a price.
 */
/** The running state of one position while its fills are folded in, oldest first. */
export interface RunningPosition {
  net: number;
  average: number;
  realised: number;
}

/** Rounds away float dust from sums of decimal prices and quantities. */
export const tidy = (x: number): number => Math.round(x * 1e8) / 1e8;

export const flatPosition = (): RunningPosition => ({ net: 0, average: 0, realised: 0 });

/** Folds one fill into a running position by the average-cost method (mutates `p`). */
export function applyFill(
  p: RunningPosition,
  side: 'buy' | 'sell',
  price: number,
  quantity: number,
): void {
  const signed = side === 'buy' ? quantity : -quantity;
  if (p.net === 0 || Math.sign(p.net) === Math.sign(signed)) {
    p.average = (p.average * Math.abs(p.net) + price * quantity) / (Math.abs(p.net) + quantity);
    p.net = tidy(p.net + signed);
  } else {
    const closed = Math.min(Math.abs(p.net), quantity);
    p.realised += closed * (price - p.average) * Math.sign(p.net);
    const net = tidy(p.net + signed);
    if (net === 0) p.average = 0;
    else if (Math.sign(net) !== Math.sign(p.net)) p.average = price;
    p.net = net;
  }
}

/** Open quantity valued at a mark against its average price; zero when flat, null when unmarked. */
export function unrealisedAt(p: RunningPosition, mark: number | null): number | null {
  if (p.net === 0) return 0;
  return mark === null ? null : tidy((mark - p.average) * p.net);
}
