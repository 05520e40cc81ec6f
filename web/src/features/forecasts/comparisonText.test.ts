import { describe, expect, it } from 'vitest';
import { defaultPair, describeComparison, formatPValue } from './comparisonText';
import type { ModelComparison, ModelVersion } from './types';

const comparison = (over: Partial<ModelComparison>): ModelComparison => ({
  target: 'dataset:d1',
  loss: 'absolute',
  significance: 0.05,
  a: { modelId: 'a', version: 1, kind: 'naive', meanLoss: 3.2 },
  b: { modelId: 'b', version: 2, kind: 'lear', meanLoss: 2.1 },
  daysCompared: 10,
  hoursCompared: 240,
  from: '2013-04-21',
  to: '2013-04-30',
  statistic: 3.1,
  pValue: 0.0019,
  pValueABetter: 0.999,
  pValueBBetter: 0.00097,
  better: 'b',
  ...over,
});

const model = (id: string, version: number, over: Partial<ModelVersion> = {}): ModelVersion => ({
  id,
  target: 'dataset:d1',
  version,
  kind: 'lear',
  features: [],
  calibrationWindows: [56],
  trainingFrom: '2013-01-01',
  trainingTo: '2013-04-30',
  testDays: 10,
  metrics: null,
  intervalHalfWidths: null,
  status: 'ready',
  deployed: false,
  trainedBy: 'analyst',
  createdAt: '2026-01-01T00:00:00Z',
  ...over,
});

describe('model comparison text', () => {
  it('names the more accurate version and the evidence', () => {
    expect(describeComparison(comparison({}))).toBe(
      'v2 lear is more accurate than v1 naive at 5%: DM 3.10, p = 0.002 over 10 days (240 hours, 2013-04-21 to 2013-04-30), absolute errors.',
    );
    expect(describeComparison(comparison({ better: 'a', statistic: -2.5 }))).toMatch(
      /^v1 naive is more accurate than v2 lear/,
    );
  });

  it('says when the test cannot tell the versions apart', () => {
    expect(describeComparison(comparison({ better: null, statistic: 0.4, pValue: 0.69 }))).toMatch(
      /^No significant difference at 5% between v1 naive and v2 lear: DM 0.40, p = 0.690/,
    );
    expect(formatPValue(0.0001)).toBe('< 0.001');
    expect(formatPValue(null)).toBe('—');
  });

  it('pairs the deployed version with the newest other ready one, and needs two', () => {
    const models = [
      model('m3', 3, { status: 'training' }),
      model('m2', 2),
      model('m1', 1, { deployed: true }),
    ];
    expect(defaultPair(models)).toEqual(['m1', 'm2']);
    expect(defaultPair([model('m1', 1), model('m0', 0, { status: 'failed' })])).toBeNull();
  });
});
