import type { Tranche } from './step-curve.js';

/**
 * Splits `volume` lots among the in-the-money tranches of one side. Price
 * priority first: better-priced tranches are filled in full. The tranches at
 * the marginal price, where the volume runs out, share what is left in
 * proportion to their quantities, rounded down to whole lots; the lots lost
 * to rounding go one each to the largest fractional shares, ties to the
 * participant first in alphabetical order and then to the earlier tranche.
 * Returns the lots given to each tranche, by tranche index.
 */
export function allocateWithPriority(
  tranches: readonly Tranche[],
  volume: number,
  better: (a: number, b: number) => boolean,
): Map<number, number> {
  const byPrice = new Map<number, Tranche[]>();
  for (const t of tranches) {
    const group = byPrice.get(t.price);
    if (group === undefined) byPrice.set(t.price, [t]);
    else group.push(t);
  }
  const prices = [...byPrice.keys()].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  const given = new Map<number, number>();
  let left = volume;
  for (const price of prices) {
    const group = byPrice.get(price) as Tranche[];
    const groupQuantity = group.reduce((s, t) => s + t.quantity, 0);
    if (groupQuantity <= left) {
      for (const t of group) given.set(t.index, t.quantity);
      left -= groupQuantity;
    } else {
      for (const [index, lots] of shareProRata(group, left)) given.set(index, lots);
      left = 0;
    }
    if (left === 0) break;
  }
  for (const t of tranches) if (!given.has(t.index)) given.set(t.index, 0);
  return given;
}

/** Largest-remainder split of `lots` over `group`, in exact integer arithmetic. */
export function shareProRata(group: readonly Tranche[], lots: number): Map<number, number> {
  const total = BigInt(group.reduce((s, t) => s + t.quantity, 0));
  const shares = group.map((t) => {
    const exact = BigInt(lots) * BigInt(t.quantity);
    return { tranche: t, lots: Number(exact / total), remainder: exact % total };
  });
  let leftover = lots - shares.reduce((s, x) => s + x.lots, 0);
  const byRemainder = [...shares].sort(
    (a, b) =>
      (a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1) ||
      (a.tranche.participant < b.tranche.participant
        ? -1
        : a.tranche.participant > b.tranche.participant
          ? 1
          : 0) ||
      a.tranche.index - b.tranche.index,
  );
  for (const share of byRemainder) {
    if (leftover === 0) break;
    share.lots += 1;
    leftover -= 1;
  }
  return new Map(shares.map((s) => [s.tranche.index, s.lots]));
}
