import { formatFigure } from '../../components/format';
import type { PnlSummary } from './pnl';

const rowHeight = 26;
const labelWidth = 210;
const width = 640;

/** Total P&L per instrument and delivery period as bars either side of zero: gains right in green, losses left in red. */
export function PnlChart({ summary }: { summary: PnlSummary }) {
  if (summary.bars.length === 0) return null;
  const plot = width - labelWidth;
  const zero = labelWidth + plot / 2;
  const half = plot / 2 - 4;
  const height = summary.bars.length * rowHeight + 8;
  return (
    <figure data-testid="pnl-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="w-full"
        style={{ maxHeight: `${height * 1.5}px` }}
        role="img"
        aria-label="Profit and loss per instrument and delivery period"
      >
        <line x1={zero} x2={zero} y1={0} y2={height} className="stroke-slate-600" />
        {summary.bars.map((bar, index) => {
          const length = summary.extent > 0 ? (Math.abs(bar.total) / summary.extent) * half : 0;
          const y = 4 + index * rowHeight;
          const gain = bar.total >= 0;
          return (
            <g key={bar.label} data-testid="pnl-bar" data-label={bar.label}>
              <text x={0} y={y + rowHeight / 2 + 4} className="fill-slate-300 text-[11px]">
                {bar.label}
              </text>
              <rect
                x={gain ? zero : zero - length}
                y={y + 3}
                width={Math.max(length, 1)}
                height={rowHeight - 8}
                rx={2}
                className={gain ? 'fill-emerald-500/80' : 'fill-rose-500/80'}
              >
                <title>{`${bar.label}: realised ${formatFigure(bar.realised)}, unrealised ${formatFigure(bar.unrealised)}`}</title>
              </rect>
              <text
                x={gain ? zero + length + 4 : zero - length - 4}
                y={y + rowHeight / 2 + 4}
                textAnchor={gain ? 'start' : 'end'}
                className="fill-slate-400 font-mono text-[10px]"
              >
                {formatFigure(bar.total)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
