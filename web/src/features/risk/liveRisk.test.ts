import { describe, expect, it } from 'vitest';
import { progressPercent, runProgressLabel, withAlert } from './liveRisk';
import type { RiskAlert } from './types';

const alert = (id: string): RiskAlert => ({
  id,
  at: '',
  limitId: 'limit-1',
  limitName: 'cap',
  kind: 'breach',
  severity: 'soft',
  book: null,
  value: 1,
  threshold: 1,
  message: id,
});

describe('live risk updates', () => {
  it('puts a pushed alert on top once and keeps the list at its length', () => {
    const items = [alert('b'), alert('a')];
    expect(withAlert(items, alert('c')).map((a) => a.id)).toEqual(['c', 'b', 'a']);
    expect(withAlert(items, alert('b')).map((a) => a.id)).toEqual(['b', 'a']);
    expect(withAlert(items, alert('c'), 2).map((a) => a.id)).toEqual(['c', 'b']);
  });

  it('says what a run is doing', () => {
    expect(runProgressLabel(undefined)).toBe('Starting…');
    expect(runProgressLabel({ status: 'running', stage: 'prices', done: 2, total: 5 })).toBe(
      'Reading prices 2/5',
    );
    expect(
      runProgressLabel({ status: 'running', stage: 'simulation', done: 8000, total: 20000 }),
    ).toBe('Simulating 8,000 of 20,000 scenarios');
    expect(runProgressLabel({ status: 'done', stage: 'storing', done: 0, total: 1 })).toBe('Done');
  });

  it('keeps the bar within its track', () => {
    expect(progressPercent(0.456)).toBe(46);
    expect(progressPercent(1.2)).toBe(100);
    expect(progressPercent(Number.NaN)).toBe(0);
    expect(progressPercent(undefined)).toBe(0);
  });
});
