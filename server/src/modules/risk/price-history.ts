import type { FastifyInstance } from 'fastify';

export interface HourlyClose {
  /** Start of the hour, epoch milliseconds. */
  time: number;
  close: number;
}

/** Where VaR reads its price history from: hourly closes of an instrument over a window. */
export interface PriceHistory {
  hourlyCloses(instrumentId: string, from: Date, to: Date): Promise<HourlyClose[]>;
}

/**
 * Price history through the market-data module's public bars API, called in-process with
 * the caller's own credentials, so the caller's market-data permission still applies.
 * Interim: market-data's index.ts exports no query function yet, and a module must not
 * read another's tables; once it exports one this adapter is replaced by a direct call.
 */
export function marketDataOverHttp(app: FastifyInstance, credentials: Record<string, string>): PriceHistory {
  return {
    async hourlyCloses(instrumentId, from, to) {
      const query = new URLSearchParams({
        instrument: instrumentId,
        from: from.toISOString(),
        to: to.toISOString(),
        interval: '1h',
      });
      const res = await app.inject({ method: 'GET', url: `/api/v1/market-data/bars?${query.toString()}`, headers: credentials });
      if (res.statusCode !== 200) return [];
      const body = res.json<{ items: { time: string; close: number }[] }>();
      return body.items.map((b) => ({ time: Date.parse(b.time), close: b.close }));
    },
  };
}

/** The request headers that carry a caller's credentials, to pass on to the bars API. */
export function credentialsOf(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['authorization', 'x-api-key']) {
    const value = headers[name];
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}
