import { tableClass, tdClass, thClass } from '../../components/styles';
import { formatFigure, signTone } from '../../components/format';
import { useOptionsQuery } from './riskApi';

/** Options on futures in the register, valued by Black-76 with the greeks VaR uses. */
export function OptionsTable() {
  const { data, isError } = useOptionsQuery();
  if (isError) return <p className="text-sm text-rose-400">Options could not be loaded.</p>;
  if (!data) return null;
  if (data.items.length === 0)
    return (
      <p className="text-sm text-slate-400" data-testid="options-empty">
        No options registered.
      </p>
    );
  return (
    <div className="overflow-x-auto">
      <table className={tableClass} data-testid="options-table">
        <thead>
          <tr>
            <th className={thClass}>Book</th>
            <th className={thClass}>Option</th>
            <th className={`${thClass} text-right`}>Quantity</th>
            <th className={`${thClass} text-right`}>Value</th>
            <th className={`${thClass} text-right`}>Delta</th>
            <th className={`${thClass} text-right`}>Gamma</th>
            <th className={`${thClass} text-right`}>Vega</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((o) => (
            <tr key={o.id}>
              <td className={tdClass}>{o.book}</td>
              <td className={tdClass}>
                {o.underlying} {o.type} {formatFigure(o.strike)} · {o.expiresAt.slice(0, 10)} ·{' '}
                {(o.volatility * 100).toFixed(0)}% vol
              </td>
              <td className={`${tdClass} text-right font-mono tabular-nums`}>
                {formatFigure(o.quantity, 0)}
              </td>
              <td
                className={`${tdClass} text-right font-mono tabular-nums ${signTone(o.valuation?.value)}`}
              >
                {formatFigure(o.valuation?.value)}
              </td>
              <td className={`${tdClass} text-right font-mono tabular-nums`}>
                {formatFigure(o.valuation?.delta)}
              </td>
              <td className={`${tdClass} text-right font-mono tabular-nums`}>
                {formatFigure(o.valuation?.gamma, 4)}
              </td>
              <td className={`${tdClass} text-right font-mono tabular-nums`}>
                {formatFigure(o.valuation?.vega)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
