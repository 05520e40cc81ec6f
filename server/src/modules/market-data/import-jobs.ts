import { ConfigError, type Config } from '../../config.js';
import { DomainError } from '../../platform/errors.js';
import type { FetchLike } from './adapters/adapter.js';
import { createEiaAdapter, EIA_RESPONDENTS } from './adapters/eia.js';
import { createEntsoeAdapter, ENTSOE_BIDDING_ZONES } from './adapters/entsoe.js';
import { ENTSOE } from './adapters/entsoe-documents.js';
import { createOpenWeatherMapAdapter } from './adapters/openweathermap.js';
import type { Catalogue } from './domain/catalogue.js';
import { importDays } from './domain/import-schedule.js';
import { POWER_MARKETS } from './domain/simulator/markets.js';
import { formatLocalDate } from './domain/time-zone.js';
import type { IngestRow } from './domain/validate-ticks.js';
import type { IngestService, TickInput } from './service-ingest.js';
import type { ImportJob, ImportOutcome } from './service-imports.js';
import type { SeriesWriter } from './service-series.js';

export type ImportConfig = Pick<
  Config,
  | 'ENTSOE_API_TOKEN'
  | 'EIA_API_KEY'
  | 'OPENWEATHERMAP_API_KEY'
  | 'MARKET_IMPORT_LOOKBACK_DAYS'
  | 'ENTSOE_ZONES'
  | 'EIA_AREAS'
  | 'OPENWEATHERMAP_LOCATIONS'
>;

export interface ImportJobDeps {
  config: ImportConfig;
  catalogue: Catalogue;
  ingest: IngestService;
  series: SeriesWriter;
  fetch: FetchLike;
}

const REQUEST_TIMEOUT_MS = 30_000;

/** The platform's fetch with a deadline, so a hung source cannot hold its schedule forever. */
export const fetchWithTimeout: FetchLike = (url, init) =>
  fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });

/** ENTSO-E says "no matching data" with reason 999, e.g. for tomorrow before the auction clears. */
const entsoeHasNoData = (error: unknown): boolean =>
  error instanceof DomainError && error.extra.source === ENTSOE && /(^|: )999 /.test(error.message);
const neverEmpty = (): boolean => false;

const keyOf = (value: string | undefined): string | undefined => value?.trim() || undefined;
const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** The three public sources, each with its zones, areas or locations; unconfigured ones cannot run. */
export function marketImportJobs(deps: ImportJobDeps): ImportJob[] {
  return [entsoeJob(deps), eiaJob(deps), openWeatherMapJob(deps)];
}

/** The configured list, or the default; an entry outside `known` is a configuration error naming it. */
function targets(
  variable: string,
  configured: string[] | undefined,
  known: string[],
  what: string,
): string[] {
  if (!configured || configured.length === 0) return known;
  const unknown = configured.filter((t) => !known.includes(t));
  if (unknown.length > 0) {
    throw new ConfigError(
      `Invalid configuration:\n  ${variable}: ${unknown.join(', ')} is not ${what} (known: ${known.join(', ')})`,
    );
  }
  return [...new Set(configured)];
}

const hasHourlyPower = (catalogue: Catalogue, area: string): boolean =>
  catalogue.find(`PWR-${area}-DA-H`) !== undefined;

function entsoeJob({ config, catalogue, ingest, series, fetch }: ImportJobDeps): ImportJob {
  const zones = targets(
    'ENTSOE_ZONES',
    config.ENTSOE_ZONES,
    Object.keys(ENTSOE_BIDDING_ZONES).filter((zone) => hasHourlyPower(catalogue, zone)),
    'an ENTSO-E bidding zone of the catalogue',
  );
  const key = keyOf(config.ENTSOE_API_TOKEN);
  const job: ImportJob = {
    source: 'entsoe',
    name: 'ENTSO-E Transparency Platform',
    keyVariable: 'ENTSOE_API_TOKEN',
    targets: zones,
    secrets: key ? [key] : [],
  };
  if (!key) return job;
  const adapter = createEntsoeAdapter({ fetch, securityToken: key, catalogue });
  const lookback = config.MARKET_IMPORT_LOOKBACK_DAYS;
  job.run = async (now) => {
    const outcome: ImportOutcome = { stored: 0, rejected: 0, failures: [] };
    for (const zone of zones) {
      const timeZone = catalogue.get(`PWR-${zone}-DA-H`).timeZone;
      for (const day of importDays(timeZone, now, lookback, 1)) {
        const what = `${zone} day-ahead prices ${formatLocalDate(day)}`;
        const rows = await attempt(
          what,
          outcome,
          () => adapter.fetchDayAheadPrices?.(zone, day),
          entsoeHasNoData,
        );
        if (rows.length === 0) continue;
        const report = await ingest.ingest(rows.map(tickInput), {
          partial: true,
          source: 'entsoe',
        });
        outcome.stored += report.stored;
        outcome.rejected += new Set(report.rejected.map((r) => r.row)).size;
      }
      for (const day of importDays(timeZone, now, lookback, 0)) {
        const what = `${zone} actual load ${formatLocalDate(day)}`;
        const load = await attempt(
          what,
          outcome,
          () => adapter.fetchLoad?.(zone, day),
          entsoeHasNoData,
        );
        await series.saveLoad(load, 'entsoe');
        outcome.stored += load.length;
      }
    }
    return outcome;
  };
  return job;
}

function eiaJob({ config, catalogue, series, fetch }: ImportJobDeps): ImportJob {
  const areas = targets(
    'EIA_AREAS',
    config.EIA_AREAS,
    Object.keys(EIA_RESPONDENTS).filter((area) => hasHourlyPower(catalogue, area)),
    'an EIA-930 area of the catalogue',
  );
  const key = keyOf(config.EIA_API_KEY);
  const job: ImportJob = {
    source: 'eia',
    name: 'EIA Open Data (EIA-930)',
    keyVariable: 'EIA_API_KEY',
    targets: areas,
    secrets: key ? [key] : [],
  };
  if (!key) return job;
  const adapter = createEiaAdapter({ fetch, apiKey: key, catalogue });
  job.run = async (now) => {
    const outcome: ImportOutcome = { stored: 0, rejected: 0, failures: [] };
    for (const area of areas) {
      const timeZone = catalogue.get(`PWR-${area}-DA-H`).timeZone;
      for (const day of importDays(timeZone, now, config.MARKET_IMPORT_LOOKBACK_DAYS, 0)) {
        const what = `${area} demand ${formatLocalDate(day)}`;
        const load = await attempt(what, outcome, () => adapter.fetchLoad?.(area, day));
        await series.saveLoad(load, 'eia');
        outcome.stored += load.length;
      }
    }
    return outcome;
  };
  return job;
}

function openWeatherMapJob({ config, series, fetch }: ImportJobDeps): ImportJob {
  const locations = targets(
    'OPENWEATHERMAP_LOCATIONS',
    config.OPENWEATHERMAP_LOCATIONS,
    POWER_MARKETS.map((market) => market.area),
    'a market with a weather reference location',
  );
  const key = keyOf(config.OPENWEATHERMAP_API_KEY);
  const job: ImportJob = {
    source: 'openweathermap',
    name: 'OpenWeatherMap',
    keyVariable: 'OPENWEATHERMAP_API_KEY',
    targets: locations,
    secrets: key ? [key] : [],
  };
  if (!key) return job;
  const adapter = createOpenWeatherMapAdapter({ fetch, apiKey: key });
  job.run = async () => {
    const outcome: ImportOutcome = { stored: 0, rejected: 0, failures: [] };
    for (const location of locations) {
      const weather = await attempt(`${location} weather`, outcome, () =>
        adapter.fetchWeather?.(location),
      );
      // The first entry is the current observation, the rest the 3-hourly forecast.
      const [current, ...forecast] = weather;
      if (current) await series.saveWeather([current], 'observation', 'openweathermap');
      await series.saveWeather(forecast, 'forecast', 'openweathermap');
      outcome.stored += weather.length;
    }
    return outcome;
  };
  return job;
}

/** One request of a run: a failure is noted and the run carries on with the next target. */
async function attempt<T>(
  what: string,
  outcome: ImportOutcome,
  fetchRows: () => Promise<T[]> | undefined,
  isNoData: (error: unknown) => boolean = neverEmpty,
): Promise<T[]> {
  try {
    return (await fetchRows()) ?? [];
  } catch (error) {
    if (!isNoData(error)) outcome.failures.push(`${what}: ${messageOf(error)}`);
    return [];
  }
}

const tickInput = (row: IngestRow): TickInput => ({
  instrumentId: row.instrumentId,
  time: row.time,
  price: row.price,
  volume: row.volume,
  deliveryStart: row.delivery?.start,
  deliveryEnd: row.delivery?.end,
});
