import { formatFigure } from '../../components/format';
import { explainChart, rowOf, type ExplainPart } from './explain';
import type { PnlDay } from './types';

const width = 640;
const plotHeight = 180;
const axisWidth = 64;
const dateRow = 18;
const FILL: Record<ExplainPart, string> = {
  priceMove: 'fill-sky-500/80',
  newTrades: 'fill-amber-400/80',
};
const NAME: Record<ExplainPart, string> = { priceMove: 'Price moves', newTrades: 'New trades' };

/**
 * Daily P&L as one bar per day, split into what the start-of-day position earned from
 * price moves and what today's trades earned against the close.
 */
export function PnlExplainChart({ days, currency }: { days: readonly PnlDay[]; currency: string }) {
  if (days.length === 0) return null;
  const { bars, min, max } = explainChart(days);
  const slot = (width - axisWidth) / bars.length;
  const barWidth = Math.max(2, Math.min(28, slot * 0.7));
  const y = (value: number) => 4 + rowOf(value, min, max, plotHeight);
  // Label about six dates, whatever the window's length.
  const every = Math.max(1, Math.ceil(bars.length / 6));
  return (
    <figure data-testid="pnl-explain-chart">
      <svg
        viewBox={`0 0 ${width} ${plotHeight + 8 + dateRow}`}
        className="w-full"
        role="img"
        aria-label={`Daily P&L in ${currency}, split into price moves and new trades`}
      >
        <text
          x={axisWidth - 6}
          y={y(max) + 4}
          textAnchor="end"
          className="fill-slate-400 font-mono text-[10px]"
        >
          {formatFigure(max, 0)}
        </text>
        <text
          x={axisWidth - 6}
          y={y(min)}
          textAnchor="end"
          className="fill-slate-400 font-mono text-[10px]"
        >
          {formatFigure(min, 0)}
        </text>
        <line x1={axisWidth} x2={width} y1={y(0)} y2={y(0)} className="stroke-slate-600" />
        {bars.map((bar, index) => {
          const x = axisWidth + index * slot + (slot - barWidth) / 2;
          return (
            <g
              key={bar.date}
              data-testid="pnl-explain-day"
              data-date={bar.date}
              data-total={bar.total}
            >
              {bar.segments.map((s) => (
                <rect
                  key={s.part}
                  x={x}
                  y={Math.min(y(s.from), y(s.to))}
                  width={barWidth}
                  height={Math.max(1, Math.abs(y(s.to) - y(s.from)))}
                  className={FILL[s.part]}
                >
                  <title>{`${bar.date} ${NAME[s.part]}: ${formatFigure(s.value)} ${currency}`}</title>
                </rect>
              ))}
              <rect x={x} y={4} width={barWidth} height={plotHeight} className="fill-transparent">
                <title>{`${bar.date}: ${formatFigure(bar.total)} ${currency}`}</title>
              </rect>
              {index % every === 0 ? (
                <text
                  x={x + barWidth / 2}
                  y={plotHeight + 8 + dateRow - 4}
                  textAnchor="middle"
                  className="fill-slate-400 text-[10px]"
                >
                  {bar.date.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 flex gap-4 text-xs text-slate-400">
        {(Object.keys(NAME) as ExplainPart[]).map((part) => (
          <span key={part} className="inline-flex items-center gap-1">
            <svg width="10" height="10" aria-hidden="true">
              <rect width="10" height="10" className={FILL[part]} />
            </svg>
            {NAME[part]}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
