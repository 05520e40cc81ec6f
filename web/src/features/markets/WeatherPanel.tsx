import { useMemo, useState } from 'react';
import { panelClass } from '../../components/styles';
import { chartColours } from './deskChart';
import { EmptyState } from '../../components/EmptyState';
import { LineChart, type LineSpec } from './LineChart';
import { useWeatherQuery } from './marketsApi';
import type { TimeWindow } from './ranges';
import { SegmentedControl } from '../../components/SegmentedControl';
import { Spinner } from '../../components/Spinner';
import type { WeatherReading } from './types';

type Measure = 'temperature' | 'windSpeed' | 'irradiance';
const measures: readonly Measure[] = ['temperature', 'windSpeed', 'irradiance'];
const measureNames: Record<Measure, string> = {
  temperature: 'Temperature °C',
  windSpeed: 'Wind m/s',
  irradiance: 'Irradiance W/m²',
};

function pointsOf(
  items: readonly WeatherReading[],
  kind: WeatherReading['kind'],
  measure: Measure,
) {
  return items.flatMap((reading) => {
    const value = reading[measure];
    return reading.kind === kind && value !== null
      ? [{ time: Date.parse(reading.time), value }]
      : [];
  });
}

/** The weather that drives the area's load and renewables: what was observed, and the forecast ahead. */
export function WeatherPanel({
  area,
  timeZone,
  window,
}: {
  area: string;
  timeZone: string;
  window: TimeWindow;
}) {
  const [measure, setMeasure] = useState<Measure>('temperature');
  const weather = useWeatherQuery({ location: area, ...window });
  const items = weather.currentData?.items;
  const lines = useMemo(() => {
    if (!items) return [];
    const drawn: LineSpec[] = [
      {
        id: 'observation',
        label: 'Observed',
        colour: chartColours.third,
        points: pointsOf(items, 'observation', measure),
      },
      {
        id: 'forecast',
        label: 'Forecast',
        colour: chartColours.second,
        points: pointsOf(items, 'forecast', measure),
        dashed: true,
      },
    ];
    return drawn.filter((line) => line.points.length > 0);
  }, [items, measure]);

  return (
    <section className={panelClass} aria-label="Weather">
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h2 className="mr-auto text-sm font-semibold text-slate-200">
          Weather <span className="font-normal text-slate-500">({area})</span>
        </h2>
        <SegmentedControl
          label="Weather measure"
          options={measures}
          value={measure}
          onChange={setMeasure}
          names={measureNames}
        />
      </div>
      {weather.isFetching && !items ? <Spinner label="Loading weather…" /> : null}
      {items && lines.length === 0 ? (
        <EmptyState testId="weather-empty">No weather data for {area} yet.</EmptyState>
      ) : null}
      {lines.length > 0 ? (
        <LineChart lines={lines} timeZone={timeZone} decimals={1} testId="weather-chart" />
      ) : null}
    </section>
  );
}
