import { clearingChart } from './clearingChart';
import { formatFigure } from '../../components/format';
import type { HourResult } from './types';

const width = 480;
const height = 160;

/** Clearing prices through the delivery day, one dot per cleared hour. */
export function ClearingPriceChart({ hours }: { hours: readonly HourResult[] }) {
  const chart = clearingChart(hours, width, height);
  if (chart.points.length === 0) return null;
  const path = chart.points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`)
    .join(' ');
  return (
    <figure className="space-y-1" data-testid="clearing-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-40 w-full"
        role="img"
        aria-label="Clearing price per hour"
      >
        {chart.zeroY !== null ? (
          <line
            x1={0}
            x2={width}
            y1={chart.zeroY}
            y2={chart.zeroY}
            className="stroke-slate-600"
            strokeDasharray="4 4"
          />
        ) : null}
        <path d={path} fill="none" className="stroke-sky-400" strokeWidth={2} />
        {chart.points.map((p) => (
          <circle key={p.hour} cx={p.x} cy={p.y} r={3} className="fill-sky-300">
            <title>{`Hour ${p.hour + 1}: ${formatFigure(p.price)}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="flex justify-between text-xs text-slate-500">
        <span>Low {formatFigure(chart.min)}</span>
        <span>Clearing price by hour</span>
        <span>High {formatFigure(chart.max)}</span>
      </figcaption>
    </figure>
  );
}
