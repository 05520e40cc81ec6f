import type { Instrument } from './types';

export interface CommodityGroup {
  commodity: string;
  label: string;
  instruments: Instrument[];
}

const commodityOrder = ['power', 'gas', 'crude', 'emissions', 'fx'];
const commodityLabels: Record<string, string> = {
  power: 'Power',
  gas: 'Natural gas',
  crude: 'Crude oil',
  emissions: 'Emissions',
  fx: 'FX rates',
};

function rank(commodity: string): number {
  const index = commodityOrder.indexOf(commodity);
  return index < 0 ? commodityOrder.length : index;
}

function matches(instrument: Instrument, words: string[]): boolean {
  const text = [
    instrument.id,
    instrument.name,
    instrument.area,
    instrument.venue,
    instrument.commodity,
  ]
    .join(' ')
    .toLowerCase();
  return words.every((word) => text.includes(word));
}

/** The catalogue as a trader scans it: power first, then gas, crude, emissions and FX; every search word must match. */
export function groupInstruments(
  instruments: readonly Instrument[],
  search: string,
): CommodityGroup[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const groups = new Map<string, Instrument[]>();
  for (const instrument of instruments) {
    if (!matches(instrument, words)) continue;
    const group = groups.get(instrument.commodity) ?? [];
    group.push(instrument);
    groups.set(instrument.commodity, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([commodity, members]) => ({
      commodity,
      label: commodityLabels[commodity] ?? commodity,
      instruments: members,
    }));
}

/** Where the page opens: the first power day-ahead product, since that is what the simulator moves most. */
export function defaultInstrument(instruments: readonly Instrument[]): Instrument | undefined {
  return (
    instruments.find((i) => i.commodity === 'power' && i.id.includes('-DA-')) ??
    instruments.find((i) => i.commodity === 'power') ??
    instruments[0]
  );
}

/** Decimal places a price is quoted to, read from the tick size (`0.01` gives 2). */
export function priceDecimals(tickSize: string): number {
  const fraction = tickSize.split('.')[1] ?? '';
  const decimals = fraction.replace(/0+$/, '').length;
  return Math.min(Math.max(decimals, 0), 6);
}
