import { invalid } from '../../../platform/errors.js';
import type { Catalogue } from '../domain/catalogue.js';
import { deliveryDay } from '../domain/delivery-period.js';
import type { LoadObservation } from '../domain/tick.js';
import type { LocalDate } from '../domain/time-zone.js';
import type { FetchLike, MarketDataAdapter } from './adapter.js';
import { fetchText, field, malformedResponse, parseJson, sourceRefused } from './adapter.js';
import { parseNaiveUtc } from './instant.js';

/**
 * EIA Open Data API v2, electricity/rto/region-data (Form EIA-930): hourly demand
 * (`type` D), day-ahead demand forecast (DF), net generation (NG) and interchange
 * (TI) by balancing authority. With `frequency=hourly` a period such as
 * `2026-01-06T06` is a UTC hour ending, i.e. the hour 05:00–06:00 UTC.
 */
const EIA = 'EIA';
const HOUR_MS = 3_600_000;

/** EIA-930 respondents for our areas: PJM and ERCOT report as whole balancing authorities. */
export const EIA_RESPONDENTS: Readonly<Record<string, string>> = {
  'PJM-WEST': 'PJM',
  'ERCOT-NORTH': 'ERCO',
};

export interface EiaRegionRow {
  /** Start of the hour, UTC ms. */
  time: number;
  respondent: string;
  type: string;
  /** MWh in the hour, i.e. average MW; null where EIA has no figure yet. */
  value: number | null;
}

export function parseEiaRegionData(body: string): EiaRegionRow[] {
  const document = parseJson(EIA, body);
  if (document !== null && typeof document === 'object' && 'error' in document) {
    throw malformedResponse(EIA, `error ${JSON.stringify(document.error)}`);
  }
  const data = field(EIA, document, 'response.data');
  if (!Array.isArray(data)) throw malformedResponse(EIA, 'response.data is not an array');
  return data.map((row: unknown, i) => {
    const period = field(EIA, row, 'period');
    const hourEnding = typeof period === 'string' ? parseNaiveUtc(period.replace('T', ' ')) : NaN;
    if (!Number.isFinite(hourEnding))
      throw malformedResponse(
        EIA,
        `response.data[${i}].period ${JSON.stringify(period)} is not an hourly UTC period`,
      );
    const raw = field(EIA, row, 'value');
    const value = raw === null ? null : Number(raw);
    if (value !== null && (typeof raw === 'boolean' || raw === '' || !Number.isFinite(value))) {
      throw malformedResponse(
        EIA,
        `response.data[${i}].value ${JSON.stringify(raw)} is not a number`,
      );
    }
    return {
      time: hourEnding - HOUR_MS,
      respondent: String(field(EIA, row, 'respondent')),
      type: String(field(EIA, row, 'type')),
      value,
    };
  });
}

export interface EiaConfig {
  fetch: FetchLike;
  apiKey: string;
  catalogue: Catalogue;
  baseUrl?: string;
}

const hourLabel = (ms: number): string => new Date(ms).toISOString().slice(0, 13);

export function createEiaAdapter(config: EiaConfig): MarketDataAdapter {
  const baseUrl = config.baseUrl ?? 'https://api.eia.gov/v2/electricity/rto/region-data/data/';
  return {
    name: 'eia',
    async fetchLoad(area: string, day: LocalDate): Promise<LoadObservation[]> {
      const respondent = EIA_RESPONDENTS[area];
      const hourly = config.catalogue.find(`PWR-${area}-DA-H`);
      if (!respondent || !hourly)
        throw invalid('area', 'eia_respondent', `EIA-930 has no respondent for ${area}`);
      const bounds = deliveryDay(hourly.timeZone, day);
      const query = new URLSearchParams({
        api_key: config.apiKey,
        frequency: 'hourly',
        'data[0]': 'value',
        'facets[respondent][]': respondent,
        'facets[type][]': 'D',
        start: hourLabel(bounds.start + HOUR_MS),
        end: hourLabel(bounds.end),
        'sort[0][column]': 'period',
        'sort[0][direction]': 'asc',
      });
      const { ok, status, body } = await fetchText(
        config.fetch,
        EIA,
        `${baseUrl}?${query.toString()}`,
      );
      if (!ok) throw sourceRefused(EIA, status, body.slice(0, 200));
      return parseEiaRegionData(body)
        .filter((row) => row.type === 'D' && row.respondent === respondent && row.value !== null)
        .filter((row) => row.time >= bounds.start && row.time < bounds.end)
        .map((row) => ({ area, time: row.time, minutes: 60, loadMw: row.value ?? 0 }));
    },
  };
}
