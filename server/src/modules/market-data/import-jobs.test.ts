import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../config.js';
import { readFixture, recordedFetch } from './adapters/recorded-fetch.js';
import { standardCatalogue } from './domain/catalogue.js';
import type { LoadObservation, WeatherObservation } from './domain/tick.js';
import { marketImportJobs, type ImportConfig } from './import-jobs.js';
import type { IngestService, TickInput } from './service-ingest.js';
import type { SeriesWriter } from './service-series.js';

const TOKEN = 'entsoe-token-0123456789';
const noConfig: ImportConfig = {
  ENTSOE_API_TOKEN: undefined,
  EIA_API_KEY: undefined,
  OPENWEATHERMAP_API_KEY: undefined,
  MARKET_IMPORT_LOOKBACK_DAYS: 1,
  ENTSOE_ZONES: undefined,
  EIA_AREAS: undefined,
  OPENWEATHERMAP_LOCATIONS: undefined,
};

/** Storage that records what the jobs hand it. */
function recordingStorage() {
  const ticks: { rows: readonly TickInput[]; source: string; partial: boolean }[] = [];
  const weather: { rows: readonly WeatherObservation[]; kind: string; source: string }[] = [];
  const load: { rows: readonly LoadObservation[]; source: string }[] = [];
  const ingest = {
    ingest: async (rows: readonly TickInput[], opts: { partial: boolean; source: string }) => {
      ticks.push({ rows, ...opts });
      return { accepted: rows.length, stored: rows.length, rejected: [] };
    },
  } as unknown as IngestService;
  const series = {
    saveWeather: async (rows: readonly WeatherObservation[], kind: string, source: string) => {
      weather.push({ rows, kind, source });
    },
    saveLoad: async (rows: readonly LoadObservation[], source: string) => {
      load.push({ rows, source });
    },
  } as unknown as SeriesWriter;
  return { ingest, series, ticks, weather, load };
}

const jobsWith = (config: Partial<ImportConfig>, answer: Parameters<typeof recordedFetch>[0]) => {
  const storage = recordingStorage();
  const recorded = recordedFetch(answer);
  const jobs = marketImportJobs({
    config: { ...noConfig, ...config },
    catalogue: standardCatalogue,
    ingest: storage.ingest,
    series: storage.series,
    fetch: recorded.fetch,
  });
  return { jobs, recorded, ...storage };
};

const param = (url: string, name: string) => new URL(url).searchParams.get(name);

describe('market-data import jobs', () => {
  it('fetches the catalogue zones, areas and locations by default and cannot run without a key', () => {
    const { jobs } = jobsWith({ ENTSOE_API_TOKEN: '  ' }, () => ({ body: '' }));
    expect(jobs.map((job) => [job.source, job.targets, job.run === undefined])).toEqual([
      ['entsoe', ['DE-LU', 'FR', 'NL'], true],
      ['eia', ['PJM-WEST', 'ERCOT-NORTH'], true],
      ['openweathermap', ['DE-LU', 'FR', 'NL', 'GB', 'NORDIC', 'PJM-WEST', 'ERCOT-NORTH'], true],
    ]);
  });

  it('refuses a zone outside the catalogue, naming the variable and the zone', () => {
    expect(() => jobsWith({ ENTSOE_ZONES: ['DE-LU', 'ES'] }, () => ({ body: '' }))).toThrow(
      ConfigError,
    );
    expect(() => jobsWith({ EIA_AREAS: ['MISO'] }, () => ({ body: '' }))).toThrow(
      /EIA_AREAS: MISO is not an EIA-930 area/,
    );
  });

  it('stores ENTSO-E day-ahead prices through ingest and takes "no matching data" as no rows', async () => {
    const { jobs, recorded, ticks, load } = jobsWith(
      { ENTSOE_API_TOKEN: TOKEN, ENTSOE_ZONES: ['DE-LU'] },
      (url) =>
        param(url, 'documentType') === 'A44' && param(url, 'periodStart') === '202603282300'
          ? { body: readFixture('entsoe-a44-de-lu-2026-03-29.xml') }
          : { status: 400, body: readFixture('entsoe-acknowledgement-no-data.xml') },
    );
    const outcome = await jobs[0]?.run?.(Date.UTC(2026, 2, 29, 10));
    expect(outcome).toEqual({ stored: 23, rejected: 0, failures: [] });
    // Yesterday, today and tomorrow's prices; yesterday's and today's load.
    expect(
      recorded.requests.map((url) => [param(url, 'documentType'), param(url, 'periodStart')]),
    ).toEqual([
      ['A44', '202603272300'],
      ['A44', '202603282300'],
      ['A44', '202603292200'],
      ['A65', '202603272300'],
      ['A65', '202603282300'],
    ]);
    expect(ticks).toHaveLength(1);
    expect(ticks[0]).toMatchObject({ source: 'entsoe', partial: true });
    expect(ticks[0]?.rows[0]).toMatchObject({
      instrumentId: 'PWR-DE-LU-DA-H',
      time: Date.UTC(2026, 2, 28, 23),
    });
    expect(load.every((call) => call.rows.length === 0)).toBe(true);
  });

  it('notes a refused request and carries on with the rest of the run', async () => {
    const { jobs, recorded } = jobsWith(
      { EIA_API_KEY: 'eia-key-0123456789', EIA_AREAS: ['PJM-WEST'] },
      (url) =>
        param(url, 'start') === '2026-01-06T06'
          ? { body: readFixture('eia-region-data-pjm-d.json') }
          : { status: 403, body: '{"error":{"code":"API_KEY_INVALID"}}' },
    );
    const outcome = await jobs[1]?.run?.(Date.UTC(2026, 0, 7, 15));
    expect(recorded.requests).toHaveLength(2);
    expect(outcome?.stored).toBe(5);
    expect(outcome?.failures).toEqual([
      'PJM-WEST demand 2026-01-07: EIA answered 403: {"error":{"code":"API_KEY_INVALID"}}',
    ]);
  });

  it('keeps the current OpenWeatherMap reading as an observation and the rest as forecast', async () => {
    const { jobs, weather } = jobsWith(
      { OPENWEATHERMAP_API_KEY: 'owm-key-0123456789', OPENWEATHERMAP_LOCATIONS: ['DE-LU'] },
      (url) => ({
        body: readFixture(
          url.includes('/forecast?') ? 'owm-forecast-de-lu.json' : 'owm-current-de-lu.json',
        ),
      }),
    );
    const outcome = await jobs[2]?.run?.(Date.UTC(2026, 0, 6, 12));
    expect(outcome).toEqual({ stored: 9, rejected: 0, failures: [] });
    expect(weather.map((call) => [call.kind, call.rows.length, call.source])).toEqual([
      ['observation', 1, 'openweathermap'],
      ['forecast', 8, 'openweathermap'],
    ]);
  });
});
