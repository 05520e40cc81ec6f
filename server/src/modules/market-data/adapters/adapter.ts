import { DomainError } from '../../../platform/errors.js';
import type { LocalDate } from '../domain/time-zone.js';
import type { LoadObservation, WeatherObservation } from '../domain/tick.js';
import type { IngestRow } from '../domain/validate-ticks.js';

/**
 * The one shape every market-data source takes. A source implements the fetches
 * it can serve; rows come back normalised (UTC instants, catalogue instrument ids)
 * and still unvalidated, so the caller runs `validateTicks` before storing them.
 */
export interface MarketDataAdapter {
  readonly name: string;
  fetchDayAheadPrices?(area: string, day: LocalDate): Promise<IngestRow[]>;
  fetchLoad?(area: string, day: LocalDate): Promise<LoadObservation[]>;
  fetchWeather?(area: string): Promise<WeatherObservation[]>;
}

/** The slice of the WHATWG fetch API the adapters use, so tests can pass recorded responses. */
export interface FetchResponse {
  ok: boolean;
  status: number;
  text(): Promise<string>;
}

export type FetchLike = (
  url: string,
  init?: { headers?: Record<string, string> },
) => Promise<FetchResponse>;

/** A source answered with something we cannot read; names the source and what is wrong. */
export function malformedResponse(source: string, problem: string): DomainError {
  return new DomainError(
    'unavailable',
    'malformed_market_data',
    `${source} response is malformed: ${problem}`,
    [],
    { source },
  );
}

/** The source refused or failed the request (bad key, no data, outage). */
export function sourceRefused(source: string, status: number, detail: string): DomainError {
  return new DomainError(
    'unavailable',
    'market_data_source_failed',
    `${source} answered ${status}: ${detail}`,
    [],
    { source, status },
  );
}

export async function fetchText(
  fetch: FetchLike,
  source: string,
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; ok: boolean }> {
  let response: FetchResponse;
  try {
    response = await fetch(url, { headers });
  } catch (error) {
    throw sourceRefused(source, 0, error instanceof Error ? error.message : 'request failed');
  }
  return { status: response.status, ok: response.ok, body: await response.text() };
}

/** A JSON object field, or a malformed-response error that names its path. */
export function field(source: string, value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !(key in current)) {
      throw malformedResponse(source, `missing ${path}`);
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function numberField(source: string, value: unknown, path: string): number {
  const raw = field(source, value, path);
  const parsed = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof parsed !== 'number' || !Number.isFinite(parsed)) {
    throw malformedResponse(source, `${path} is not a number (${JSON.stringify(raw)})`);
  }
  return parsed;
}

export function parseJson(source: string, body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw malformedResponse(source, 'body is not JSON');
  }
}
