import { formatFigure } from '../../components/format';
import { histogramRange, scale } from './charts';
import type { HistogramBin } from './types';

const WIDTH = 600;
const HEIGHT = 180;

/** Scenario P&L as a histogram, losses to the left, with the VaR drawn where the tail starts. */
export function PnlHistogram({
  bins,
  valueAtRisk,
  currency,
}: {
  bins: readonly HistogramBin[];
  valueAtRisk: number;
  currency: string;
}) {
  if (bins.length === 0) return <p className="text-sm text-slate-400">No scenarios to show yet.</p>;
  const { min, max } = histogramRange(bins, valueAtRisk);
  const tallest = Math.max(1, ...bins.map((b) => b.count));
  const varX = scale(-valueAtRisk, min, max, WIDTH);
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT + 20}`}
      className="w-full"
      role="img"
      aria-label={`P&L distribution with VaR at ${formatFigure(valueAtRisk)} ${currency}`}
      data-testid="pnl-histogram"
    >
      {bins.map((b, i) => {
        const x = scale(b.from, min, max, WIDTH);
        const w = Math.max(1, scale(b.to, min, max, WIDTH) - x - 1);
        const h = (b.count / tallest) * HEIGHT;
        return (
          <rect
            key={i}
            x={x}
            y={HEIGHT - h}
            width={w}
            height={h}
            className={b.to <= -valueAtRisk ? 'fill-rose-500' : 'fill-sky-600'}
          />
        );
      })}
      <line
        x1={varX}
        x2={varX}
        y1={0}
        y2={HEIGHT}
        className="stroke-amber-400"
        strokeWidth={2}
        strokeDasharray="4 3"
      />
      <text x={Math.min(varX + 4, WIDTH - 120)} y={12} className="fill-amber-300 text-[11px]">
        VaR {formatFigure(valueAtRisk)} {currency}
      </text>
      <text x={0} y={HEIGHT + 16} className="fill-slate-400 text-[11px]">
        {formatFigure(min, 0)}
      </text>
      <text x={WIDTH} y={HEIGHT + 16} textAnchor="end" className="fill-slate-400 text-[11px]">
        {formatFigure(max, 0)}
      </text>
    </svg>
  );
}
