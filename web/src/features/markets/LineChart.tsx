import {
  LineSeries,
  LineStyle,
  LineType,
  type IChartApi,
  type ISeriesApi,
  type LineData,
  type UTCTimestamp,
} from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import { createDeskChart } from './deskChart';

export interface LinePoint {
  /** UTC milliseconds. */
  time: number;
  value: number;
}

export interface LineSpec {
  id: string;
  label: string;
  colour: string;
  points: readonly LinePoint[];
  dashed?: boolean;
}

interface LineChartProps {
  lines: readonly LineSpec[];
  timeZone: string;
  height?: number;
  /** Forward curves hold a price over each delivery period, so they are drawn as steps. */
  steps?: boolean;
  decimals?: number;
  testId: string;
}

/** The chart library wants one point per second, in order. */
function lineData(points: readonly LinePoint[]): LineData[] {
  const bySecond = new Map<number, number>();
  for (const point of points) {
    if (Number.isFinite(point.value) && Number.isFinite(point.time))
      bySecond.set(Math.floor(point.time / 1000), point.value);
  }
  return [...bySecond.entries()]
    .sort(([a], [b]) => a - b)
    .map(([time, value]) => ({ time: time as UTCTimestamp, value }));
}

/** One or more lines over time, with a legend; used for curves, weather and load. */
export function LineChart({
  lines,
  timeZone,
  height = 240,
  steps = false,
  decimals = 2,
  testId,
}: LineChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const series = useRef<ISeriesApi<'Line'>[]>([]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const desk = createDeskChart(element, { timeZone, height });
    chart.current = desk.chart;
    return () => {
      chart.current = null;
      series.current = [];
      desk.dispose();
    };
  }, [timeZone, height]);

  useEffect(() => {
    const current = chart.current;
    if (!current) return;
    for (const old of series.current) current.removeSeries(old);
    series.current = lines.map((line) => {
      const added = current.addSeries(LineSeries, {
        color: line.colour,
        lineWidth: 2,
        lineType: steps ? LineType.WithSteps : LineType.Simple,
        lineStyle: line.dashed ? LineStyle.Dashed : LineStyle.Solid,
        priceFormat: { type: 'price', precision: decimals, minMove: 10 ** -decimals },
        title: line.label,
      });
      added.setData(lineData(line.points));
      return added;
    });
    current.timeScale().fitContent();
  }, [lines, steps, decimals, timeZone, height]);

  return (
    <div className="min-w-0">
      <div ref={container} className="w-full min-w-0" style={{ height }} data-testid={testId} />
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-400">
        {lines.map((line) => (
          <li key={line.id} className="inline-flex items-center gap-1.5">
            <span
              aria-hidden="true"
              className="inline-block h-0.5 w-4"
              style={{
                background: line.dashed ? 'transparent' : line.colour,
                borderTop: line.dashed ? `2px dashed ${line.colour}` : undefined,
              }}
            />
            {line.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
