import { tableClass, tdClass, thClass } from '../../components/styles';
import { formatFigure, signTone } from '../../components/format';
import { gridRows, markSourceName, quantitiesText } from './grid';
import { direction } from './pnl';
import type { PeriodPosition, PositionGroup, PositionGrouping } from './types';

const num = `${tdClass} text-right font-mono tabular-nums`;
const quantity = (n: number) => formatFigure(n, 1);

function SubtotalRow({ group, by }: { group: PositionGroup; by: PositionGrouping }) {
  return (
    <tr className="bg-slate-800/40" data-testid="position-group" data-group={group.key}>
      <td className={`${tdClass} font-medium text-slate-100`} colSpan={2}>
        {by === 'book' ? 'Book ' : 'Delivery '}
        {group.key}
      </td>
      <td className={`${num} text-slate-200`}>{quantitiesText(group.quantities, quantity)}</td>
      <td className={tdClass} colSpan={2} />
      <td className={num}>
        {group.pnl.map((p) => (
          <span key={p.currency} className={`block ${signTone(p.realisedPnl)}`}>
            {formatFigure(p.realisedPnl)} {p.currency}
          </span>
        ))}
      </td>
      <td className={num}>
        {group.pnl.map((p) => (
          <span key={p.currency} className={`block ${signTone(p.unrealisedPnl)}`}>
            {formatFigure(p.unrealisedPnl)} {p.currency}
            {p.unmarked > 0 ? (
              <span className="text-slate-500"> ({p.unmarked} unmarked)</span>
            ) : null}
          </span>
        ))}
      </td>
    </tr>
  );
}

function PositionRow({ p, by }: { p: PeriodPosition; by: PositionGrouping }) {
  return (
    <tr
      data-testid="position-row"
      data-instrument={p.instrumentId}
      data-book={p.book}
      data-period={p.period}
      data-net={p.netQuantity}
    >
      <td className={`${tdClass} whitespace-nowrap pl-6`}>
        {p.instrumentId}
        <span className="ml-2 text-xs uppercase text-slate-500">{direction(p.netQuantity)}</span>
      </td>
      <td className={`${tdClass} whitespace-nowrap text-slate-300`}>
        {by === 'book' ? p.period : p.book}
      </td>
      <td className={`${num} ${signTone(p.netQuantity)}`}>
        {quantity(p.netQuantity)} <span className="text-xs text-slate-500">{p.unit}</span>
        {p.otcQuantity !== 0 ? (
          <span className="block text-xs text-slate-500">
            {quantity(p.exchangeQuantity)} exch · {quantity(p.otcQuantity)} OTC
          </span>
        ) : null}
      </td>
      <td className={num}>{formatFigure(p.averagePrice)}</td>
      <td className={num} title={markSourceName(p.markSource)}>
        {formatFigure(p.markPrice)}
        <span className="block text-xs text-slate-500">{markSourceName(p.markSource)}</span>
      </td>
      <td className={`${num} ${signTone(p.realisedPnl)}`}>{formatFigure(p.realisedPnl)}</td>
      <td className={`${num} ${signTone(p.unrealisedPnl)}`}>{formatFigure(p.unrealisedPnl)}</td>
    </tr>
  );
}

/**
 * Positions per book, instrument and delivery period, under subtotal rows for each book
 * or each delivery period: energy in its own units, P&L in the instrument's currency.
 */
export function PositionsGrid({
  items,
  groups,
  by,
}: {
  items: readonly PeriodPosition[];
  groups: readonly PositionGroup[];
  by: PositionGrouping;
}) {
  return (
    <div className="relative overflow-x-auto">
      <table className={tableClass} data-testid="positions-grid" data-grouping={by}>
        <thead>
          <tr>
            <th className={thClass}>Instrument</th>
            <th className={thClass}>{by === 'book' ? 'Delivery' : 'Book'}</th>
            <th className={`${thClass} text-right`}>Net qty</th>
            <th className={`${thClass} text-right`}>Avg price</th>
            <th className={`${thClass} text-right`}>Mark</th>
            <th className={`${thClass} text-right`}>Realised</th>
            <th className={`${thClass} text-right`}>Unrealised</th>
          </tr>
        </thead>
        <tbody>
          {gridRows(items, groups, by).map((row) =>
            row.kind === 'group' ? (
              <SubtotalRow key={`g:${row.group.key}`} group={row.group} by={by} />
            ) : (
              <PositionRow
                key={`${row.position.book}|${row.position.instrumentId}|${row.position.period}`}
                p={row.position}
                by={by}
              />
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}
