import { AreaSeries, LineSeries, LineStyle, type UTCTimestamp } from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import { chartColours, createDeskChart } from '../markets';
import { forecastBands, type BandPoint } from './forecastBands';
import type { ForecastPoint } from './types';

// The band is drawn as the area under its upper edge with the area under its lower edge
// painted over in the panel's colour, which the chart library has no single series for.
const PANEL = '#0d1526';
const BAND = 'rgba(56, 189, 248, 0.18)';

const asData = (points: readonly BandPoint[]) =>
  points.map((p) => ({ time: p.time as UTCTimestamp, value: p.value }));

/** Forecast against the price that cleared, with the model's 90% interval as a band. */
export function ForecastChart({
  points,
  height = 300,
}: {
  points: readonly ForecastPoint[];
  height?: number;
}) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    // Data set hours are normalised 24-hour days, so they are shown as stamped, in UTC.
    const desk = createDeskChart(element, { timeZone: 'UTC', height });
    const bands = forecastBands(points);
    const price = { type: 'price' as const, precision: 2, minMove: 0.01 };
    const quiet = {
      priceLineVisible: false,
      lastValueVisible: false,
      crosshairMarkerVisible: false,
    };
    desk.chart
      .addSeries(AreaSeries, {
        ...quiet,
        lineVisible: false,
        topColor: BAND,
        bottomColor: BAND,
        lineColor: 'transparent',
        priceFormat: price,
      })
      .setData(asData(bands.upper));
    desk.chart
      .addSeries(AreaSeries, {
        ...quiet,
        lineVisible: false,
        topColor: PANEL,
        bottomColor: PANEL,
        lineColor: 'transparent',
        priceFormat: price,
      })
      .setData(asData(bands.lower));
    desk.chart
      .addSeries(LineSeries, {
        color: chartColours.second,
        lineWidth: 2,
        priceFormat: price,
        title: 'actual',
      })
      .setData(asData(bands.actual));
    desk.chart
      .addSeries(LineSeries, {
        color: chartColours.line,
        lineWidth: 2,
        lineStyle: LineStyle.Dashed,
        priceFormat: price,
        title: 'forecast',
      })
      .setData(asData(bands.forecast));
    desk.chart.timeScale().fitContent();
    return () => desk.dispose();
  }, [points, height]);

  return (
    <div className="min-w-0">
      <div
        ref={container}
        className="w-full min-w-0"
        style={{ height, background: PANEL }}
        data-testid="forecast-chart"
      />
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-400">
        <li className="inline-flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="inline-block h-0.5 w-4"
            style={{ background: chartColours.second }}
          />
          actual price
        </li>
        <li className="inline-flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="inline-block w-4"
            style={{ borderTop: `2px dashed ${chartColours.line}` }}
          />
          forecast
        </li>
        <li className="inline-flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-2 w-4" style={{ background: BAND }} />
          90% interval
        </li>
      </ul>
    </div>
  );
}
