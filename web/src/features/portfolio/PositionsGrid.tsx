import { tableClass, tdClass, thClass } from '../../components/styles';
import { formatFigure, signTone } from '../trading/format';
import { direction } from './pnl';
import type { Position } from './types';

const num = `${tdClass} text-right font-mono tabular-nums`;

/** One row per instrument held: size, entry, mark and the two kinds of P&L, coloured by sign. */
export function PositionsGrid({ positions }: { positions: readonly Position[] }) {
  return (
    <div className="relative overflow-x-auto">
      <table className={tableClass} data-testid="positions-grid">
        <thead>
          <tr>
            <th className={thClass}>Instrument</th>
            <th className={`${thClass} text-right`}>Net qty</th>
            <th className={`${thClass} text-right`}>Avg price</th>
            <th className={`${thClass} text-right`}>Mark</th>
            <th className={`${thClass} text-right`}>Realised</th>
            <th className={`${thClass} text-right`}>Unrealised</th>
          </tr>
        </thead>
        <tbody>
          {positions.map((p) => (
            <tr
              key={p.instrumentId}
              data-testid="position-row"
              data-instrument={p.instrumentId}
              data-net={p.netQuantity}
            >
              <td className={`${tdClass} whitespace-nowrap`}>
                {p.instrumentId}
                <span className="ml-2 text-xs uppercase text-slate-500">
                  {direction(p.netQuantity)}
                </span>
              </td>
              <td className={`${num} ${signTone(p.netQuantity)}`}>
                {formatFigure(p.netQuantity, 1)}
              </td>
              <td className={num}>{formatFigure(p.averagePrice)}</td>
              <td className={num}>{formatFigure(p.markPrice)}</td>
              <td className={`${num} ${signTone(p.realisedPnl)}`}>{formatFigure(p.realisedPnl)}</td>
              <td className={`${num} ${signTone(p.unrealisedPnl)}`}>
                {formatFigure(p.unrealisedPnl)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
