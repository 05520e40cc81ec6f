import { tableClass, tdClass, thClass } from '../../components/styles';
import type { TenorRow } from './curveLines';

interface CurveTableProps {
  rows: readonly TenorRow[];
  asOf: string;
  comparedAsOf: string | null;
  decimals: number;
}

/** The curve's prices by tenor, and how each moved since the compared as-of date. */
export function CurveTable({ rows, asOf, comparedAsOf, decimals }: CurveTableProps) {
  return (
    <div className="mt-3 max-h-64 overflow-auto">
      <table
        className={tableClass.replace('min-w-[40rem]', 'min-w-[18rem]')}
        data-testid="curve-table"
      >
        <thead>
          <tr>
            <th className={thClass}>Delivery</th>
            <th className={`${thClass} text-right`}>{asOf}</th>
            {comparedAsOf ? (
              <>
                <th className={`${thClass} text-right`}>{comparedAsOf}</th>
                <th className={`${thClass} text-right`}>Change</th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const change = row.compared === null ? null : row.price - row.compared;
            return (
              <tr key={`${row.tenor}|${row.start}`}>
                <td className={tdClass}>
                  {row.delivery}
                  <span className="ml-2 text-xs text-slate-500">{row.tenor}</span>
                </td>
                <td className={`${tdClass} text-right tabular-nums`}>
                  {row.price.toFixed(decimals)}
                </td>
                {comparedAsOf ? (
                  <>
                    <td className={`${tdClass} text-right tabular-nums`}>
                      {row.compared === null ? '—' : row.compared.toFixed(decimals)}
                    </td>
                    <td
                      className={`${tdClass} text-right tabular-nums ${
                        change === null || change === 0
                          ? ''
                          : change > 0
                            ? 'text-emerald-400'
                            : 'text-rose-400'
                      }`}
                    >
                      {change === null
                        ? '—'
                        : `${change > 0 ? '+' : ''}${change.toFixed(decimals)}`}
                    </td>
                  </>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
