import { useMemo } from 'react';
import { panelClass } from '../../components/styles';
import { chartColours } from './deskChart';
import { EmptyState } from '../../components/EmptyState';
import { LineChart, type LineSpec } from './LineChart';
import { useLoadQuery } from './marketsApi';
import type { TimeWindow } from './ranges';
import { Spinner } from '../../components/Spinner';

/** Actual system load of the bidding zone, the demand side of the price. */
export function LoadPanel({
  area,
  timeZone,
  window,
}: {
  area: string;
  timeZone: string;
  window: TimeWindow;
}) {
  const load = useLoadQuery({ area, ...window });
  const items = load.currentData?.items;
  const lines = useMemo((): LineSpec[] => {
    if (!items || items.length === 0) return [];
    return [
      {
        id: 'load',
        label: 'Load MW',
        colour: chartColours.line,
        points: items.map((i) => ({ time: Date.parse(i.time), value: i.load })),
      },
    ];
  }, [items]);

  return (
    <section className={panelClass} aria-label="Load">
      <h2 className="mb-3 text-sm font-semibold text-slate-200">
        Load <span className="font-normal text-slate-500">({area}, MW)</span>
      </h2>
      {load.isFetching && !items ? <Spinner label="Loading load…" /> : null}
      {items && lines.length === 0 ? (
        <EmptyState testId="load-empty">No load data for {area} yet.</EmptyState>
      ) : null}
      {lines.length > 0 ? (
        <LineChart lines={lines} timeZone={timeZone} decimals={0} testId="load-chart" />
      ) : null}
    </section>
  );
}
