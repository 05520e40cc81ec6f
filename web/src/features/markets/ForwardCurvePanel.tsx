import { skipToken } from '@reduxjs/toolkit/query/react';
import { useMemo, useState } from 'react';
import { inputClass, panelClass } from '../../components/styles';
import { curveSteps, curvesFor, newestFirst, tenorRows } from './curveLines';
import { CurveTable } from './CurveTable';
import { chartColours } from './deskChart';
import { EmptyState } from '../../components/EmptyState';
import { priceDecimals } from './instrumentGroups';
import { LineChart, type LineSpec } from './LineChart';
import { useCurveQuery, useListCurvesQuery } from './marketsApi';
import { Spinner } from '../../components/Spinner';
import type { Instrument } from './types';

const labelClass = 'space-y-1 text-xs text-slate-400';

/** The forward curve of the instrument's market on one as-of date, optionally beside another date's. */
export function ForwardCurvePanel({ instrument }: { instrument: Instrument }) {
  const list = useListCurvesQuery();
  const curves = useMemo(
    () => curvesFor(list.data?.items ?? [], instrument),
    [list.data, instrument],
  );
  const [chosenCurve, setChosenCurve] = useState<string | null>(null);
  const [chosenAsOf, setChosenAsOf] = useState<string | null>(null);
  const [comparedAsOf, setComparedAsOf] = useState<string | null>(null);
  const curve = curves.find((c) => c.id === chosenCurve) ?? curves[0];
  const dates = useMemo(() => newestFirst(curve?.asOfDates ?? []), [curve]);
  const asOf = chosenAsOf && dates.includes(chosenAsOf) ? chosenAsOf : dates[0];
  const compared =
    comparedAsOf && comparedAsOf !== asOf && dates.includes(comparedAsOf) ? comparedAsOf : null;
  const main = useCurveQuery(curve && asOf ? { id: curve.id, asOf } : skipToken);
  const other = useCurveQuery(curve && compared ? { id: curve.id, asOf: compared } : skipToken);
  const decimals = priceDecimals(instrument.tickSize);

  const lines = useMemo(() => {
    const drawn: LineSpec[] = [];
    if (main.currentData)
      drawn.push({
        id: 'main',
        label: `As of ${main.currentData.asOf}`,
        colour: chartColours.line,
        points: curveSteps(main.currentData.points),
      });
    if (other.currentData)
      drawn.push({
        id: 'compared',
        label: `As of ${other.currentData.asOf}`,
        colour: chartColours.second,
        points: curveSteps(other.currentData.points),
        dashed: true,
      });
    return drawn;
  }, [main.currentData, other.currentData]);

  const rows = useMemo(
    () => tenorRows(main.currentData?.points ?? [], other.currentData?.points, instrument.timeZone),
    [main.currentData, other.currentData, instrument.timeZone],
  );

  return (
    <section className={panelClass} aria-label="Forward curve">
      <div className="mb-3 flex flex-wrap items-end gap-3">
        <h2 className="mr-auto text-sm font-semibold text-slate-200">
          Forward curve
          {main.currentData ? (
            <span className="font-normal text-slate-500">
              {' '}
              ({main.currentData.currency}/{main.currentData.unit})
            </span>
          ) : null}
        </h2>
        {curves.length > 1 ? (
          <label className={labelClass}>
            <span className="block">Curve</span>
            <select
              className={inputClass}
              value={curve?.id ?? ''}
              onChange={(e) => setChosenCurve(e.target.value)}
            >
              {curves.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.id}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {dates.length > 0 ? (
          <>
            <label className={labelClass}>
              <span className="block">As of</span>
              <select
                className={inputClass}
                value={asOf}
                onChange={(e) => setChosenAsOf(e.target.value)}
                data-testid="curve-as-of"
              >
                {dates.map((date) => (
                  <option key={date} value={date}>
                    {date}
                  </option>
                ))}
              </select>
            </label>
            <label className={labelClass}>
              <span className="block">Compare with</span>
              <select
                className={inputClass}
                value={compared ?? ''}
                onChange={(e) => setComparedAsOf(e.target.value || null)}
                data-testid="curve-compare"
              >
                <option value="">No comparison</option>
                {dates
                  .filter((date) => date !== asOf)
                  .map((date) => (
                    <option key={date} value={date}>
                      {date}
                    </option>
                  ))}
              </select>
            </label>
          </>
        ) : null}
      </div>
      {list.isLoading || (main.isFetching && !main.currentData) ? (
        <Spinner label="Loading the forward curve…" />
      ) : null}
      {list.data && !curve ? (
        <EmptyState testId="curve-empty">No forward curve for {instrument.area} yet.</EmptyState>
      ) : null}
      {curve && dates.length === 0 ? (
        <EmptyState testId="curve-empty">No curve has been marked for {curve.id} yet.</EmptyState>
      ) : null}
      {main.currentData && main.currentData.points.length === 0 ? (
        <EmptyState testId="curve-empty">
          This curve has no points on {main.currentData.asOf}.
        </EmptyState>
      ) : null}
      {lines.length > 0 && rows.length > 0 ? (
        <>
          <LineChart
            lines={lines}
            timeZone={instrument.timeZone}
            steps
            decimals={decimals}
            testId="curve-chart"
          />
          <CurveTable
            rows={rows}
            asOf={main.currentData?.asOf ?? ''}
            comparedAsOf={other.currentData?.asOf ?? null}
            decimals={decimals}
          />
        </>
      ) : null}
    </section>
  );
}
