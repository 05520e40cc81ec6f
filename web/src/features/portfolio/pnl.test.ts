import { describe, expect, it } from 'vitest';
import { direction, summarisePnl } from './pnl';

const position = (
  instrumentId: string,
  realisedPnl: number,
  unrealisedPnl: number | null,
  netQuantity = 1,
) => ({
  instrumentId,
  netQuantity,
  averagePrice: 40,
  realisedPnl,
  unrealisedPnl,
  markPrice: unrealisedPnl === null ? null : 41,
});

describe('summarising profit and loss', () => {
  it('adds realised and unrealised per instrument and orders by total, gains first', () => {
    const summary = summarisePnl([
      position('A', -50, 10),
      position('B', 100, 20),
      position('C', 0, -5),
    ]);
    expect(summary.bars.map((b) => [b.label, b.total])).toEqual([
      ['B', 120],
      ['C', -5],
      ['A', -40],
    ]);
    expect(summary.realised).toBe(50);
    expect(summary.unrealised).toBe(25);
    expect(summary.total).toBe(75);
    expect(summary.extent).toBe(120);
  });

  it('counts an unmarked position as no unrealised P&L rather than failing', () => {
    const summary = summarisePnl([position('A', 30, null)]);
    expect(summary.bars[0]).toEqual({ label: 'A', realised: 30, unrealised: 0, total: 30 });
  });

  it('names a bar by instrument and delivery period, adding books that hold the same one', () => {
    const summary = summarisePnl([
      { ...position('A', 10, 5), period: '2026-02', book: 'alice' },
      { ...position('A', -4, 1), period: '2026-02', book: 'bob' },
      { ...position('A', 0, 7), period: '2026-03', book: 'alice' },
    ]);
    expect(summary.bars).toEqual([
      { label: 'A 2026-02', realised: 6, unrealised: 6, total: 12 },
      { label: 'A 2026-03', realised: 0, unrealised: 7, total: 7 },
    ]);
  });

  it('has nothing to scale against for an empty book', () => {
    expect(summarisePnl([])).toEqual({ bars: [], realised: 0, unrealised: 0, total: 0, extent: 0 });
  });

  it('names the direction of a position', () => {
    expect([direction(5), direction(-0.5), direction(0)]).toEqual(['long', 'short', 'flat']);
  });
});
