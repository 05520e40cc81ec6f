import { describe, expect, it } from 'vitest';
import { datasetIdOf, defaultKind, defaultWindowsText, groupTargets } from './targetOptions';
import type { ForecastTarget } from './types';

const price = ['naive', 'lear', 'mlp', 'ensemble'] as const;
const target = (
  t: Partial<ForecastTarget> & Pick<ForecastTarget, 'target' | 'source'>,
): ForecastTarget => ({
  label: t.target,
  series: t.source === 'dataset' || t.source === 'instrument' ? 'price' : 'load',
  market: 'NP',
  kinds: t.source === 'dataset' || t.source === 'instrument' ? [...price] : ['naive', 'seasonal'],
  ...t,
});

const targets = [
  target({ target: 'load:FR', source: 'load' }),
  target({ target: 'instrument:PWR-FR-DA-H', source: 'instrument' }),
  target({ target: 'dataset-load:d1', source: 'dataset-load' }),
  target({ target: 'dataset:d1', source: 'dataset' }),
];

describe('forecast target picker', () => {
  it('puts uploaded data sets first, then auctions, then load, leaving out empty groups', () => {
    expect(groupTargets(targets).map((g) => [g.label, g.items.map((t) => t.target)])).toEqual([
      ['Uploaded data sets', ['dataset-load:d1', 'dataset:d1']],
      ['Day-ahead auctions (market data)', ['instrument:PWR-FR-DA-H']],
      ['System load (market data)', ['load:FR']],
    ]);
    expect(groupTargets(targets.slice(0, 2)).map((g) => g.label)).not.toContain(
      'Uploaded data sets',
    );
  });

  it('finds the data set behind a price or load target of an upload, and none behind market data', () => {
    expect(datasetIdOf('dataset:d1')).toBe('d1');
    expect(datasetIdOf('dataset-load:d1')).toBe('d1');
    expect(datasetIdOf('instrument:PWR-FR-DA-H')).toBeNull();
  });

  it('suggests LEAR for prices and the seasonal model for load, with windows to match', () => {
    expect(defaultKind(targets[1]!)).toBe('lear');
    expect(defaultKind(targets[0]!)).toBe('seasonal');
    expect(defaultKind(target({ target: 'load:X', source: 'load', kinds: ['naive'] }))).toBe(
      'naive',
    );
    expect(defaultWindowsText('seasonal')).toBe('364');
    expect(defaultWindowsText('naive')).toBe('');
  });
});
