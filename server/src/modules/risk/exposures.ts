import { standardCatalogue } from '../market-data/index.js';
import type { BookPosition } from '../portfolio/index.js';
import { frontPeriodLabel, valueOptionPosition, type OptionOnFuture } from './domain/index.js';
import { stressCommodity } from './stress-mapping.js';
import type { ExposureLine } from './var-engine.js';

/** An option of the register as VaR sees it. */
export interface OptionHolding extends OptionOnFuture {
  id: string;
  book: string;
  underlying: string;
}

/** How VaR groups an instrument's exposure: its desk commodity and front delivery period. */
export function groupsOf(book: string, instrumentId: string, now: number): ExposureLine['groups'] {
  const instrument = standardCatalogue.find(instrumentId);
  if (!instrument) return { book, commodity: instrumentId, deliveryPeriod: 'unknown' };
  return {
    book,
    commodity: stressCommodity(instrument),
    deliveryPeriod: frontPeriodLabel(instrument, now),
  };
}

export const optionLabel = (
  o: Pick<OptionHolding, 'underlying' | 'type' | 'strike' | 'expiresAt'>,
): string =>
  `${o.underlying} ${o.type} ${o.strike} ${new Date(o.expiresAt).toISOString().slice(0, 10)}`;

/**
 * One exposure line per book and futures instrument, and one per option with its Black-76
 * delta and gamma at the underlying's last close; across several books the key names the book.
 * Options that have expired, or whose underlying has no price, are left out and said so.
 *
 * `lastClose` may be in the reporting currency, with `fxAtLastClose` the rate each was
 * converted at: an option is then valued at its underlying's own price (its strike is in
 * that currency), and its gamma rescaled to the converted price, while its delta carries over.
 */
export function exposureLines(
  futures: readonly BookPosition[],
  options: readonly OptionHolding[],
  lastClose: ReadonlyMap<string, number>,
  now: number,
  warnings: string[],
  fxAtLastClose: ReadonlyMap<string, number> = new Map(),
): ExposureLine[] {
  const manyBooks =
    new Set([...futures.map((p) => p.book), ...options.map((o) => o.book)]).size > 1;
  const label = (book: string, what: string) => (manyBooks ? `${book}/${what}` : what);
  const lines: ExposureLine[] = futures.map((p) => ({
    key: label(p.book, p.instrumentId),
    instrumentId: p.instrumentId,
    delta: p.quantity,
    groups: groupsOf(p.book, p.instrumentId, now),
  }));
  for (const o of options) {
    const rate = fxAtLastClose.get(o.underlying) ?? 1;
    const converted = lastClose.get(o.underlying);
    const forward = converted === undefined ? undefined : converted / rate;
    if (o.expiresAt <= now) {
      warnings.push(
        `option ${optionLabel(o)} of ${o.book} has expired; it is left out of VaR until it is settled and retired`,
      );
      continue;
    }
    if (forward === undefined) continue;
    if (!(forward > 0)) {
      warnings.push(
        `option ${optionLabel(o)} of ${o.book} is left out: Black-76 needs a positive futures price, ${o.underlying} is at ${forward}`,
      );
      continue;
    }
    const greeks = valueOptionPosition(o, forward, now);
    lines.push({
      key: label(o.book, optionLabel(o)),
      instrumentId: o.underlying,
      delta: greeks.delta,
      gamma: greeks.gamma / rate,
      groups: groupsOf(o.book, o.underlying, now),
    });
  }
  return lines;
}
