import { describe, expect, it } from 'vitest';
import { standardCatalogue } from '../domain/catalogue.js';
import { validateTicks } from '../domain/validate-ticks.js';
import { createEntsoeAdapter } from './entsoe.js';
import { parseActualLoad, parseDayAheadPrices } from './entsoe-documents.js';
import { readFixture, recordedFetch } from './recorded-fetch.js';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('ENTSO-E day-ahead prices', () => {
  it('reads the 23 hours of the short Berlin day and repeats omitted A03 positions', () => {
    const [series] = parseDayAheadPrices(readFixture('entsoe-a44-de-lu-2026-03-29.xml'));
    expect(series?.domain).toBe('10Y1001A1001A82H');
    expect(series?.currency).toBe('EUR');
    const values = series?.values ?? [];
    expect(values).toHaveLength(23);
    expect(iso(values[0]?.start ?? 0)).toBe('2026-03-28T23:00:00.000Z');
    // Positions 4 and 5 are not in the file: they carry position 3's price.
    expect(values.slice(2, 6).map((v) => v.value)).toEqual([71.03, 71.03, 71.03, 72.9]);
    expect(values.some((v) => v.value < 0)).toBe(true);
  });

  it('fetches a delivery day through the adapter as ticks that pass validation', async () => {
    const recorded = recordedFetch(() => ({
      body: readFixture('entsoe-a44-de-lu-2026-03-29.xml'),
    }));
    const adapter = createEntsoeAdapter({
      fetch: recorded.fetch,
      securityToken: 'test-token',
      catalogue: standardCatalogue,
    });
    const rows = await adapter.fetchDayAheadPrices?.('DE-LU', { year: 2026, month: 3, day: 29 });
    const url = new URL(recorded.requests[0] ?? '');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      securityToken: 'test-token',
      documentType: 'A44',
      in_Domain: '10Y1001A1001A82H',
      periodStart: '202603282300',
      periodEnd: '202603292200',
    });
    expect(rows).toHaveLength(23);
    expect(rows?.[0]?.instrumentId).toBe('PWR-DE-LU-DA-H');
    expect(validateTicks(rows ?? [], standardCatalogue).rejected).toEqual([]);
  });

  it('maps 15-minute prices to the quarter-hour product, 100 of them on the long French day', async () => {
    const recorded = recordedFetch(() => ({ body: readFixture('entsoe-a44-fr-2026-10-25.xml') }));
    const adapter = createEntsoeAdapter({
      fetch: recorded.fetch,
      securityToken: 't',
      catalogue: standardCatalogue,
    });
    const rows =
      (await adapter.fetchDayAheadPrices?.('FR', { year: 2026, month: 10, day: 25 })) ?? [];
    expect(rows).toHaveLength(100);
    expect(rows.every((row) => row.instrumentId === 'PWR-FR-DA-QH')).toBe(true);
    expect(rows[99]?.price).toBe(rows[95]?.price);
    expect(validateTicks(rows, standardCatalogue).rejected).toEqual([]);
  });

  it('turns an acknowledgement into a clear "no data" error', async () => {
    const recorded = recordedFetch(() => ({
      status: 400,
      body: readFixture('entsoe-acknowledgement-no-data.xml'),
    }));
    const adapter = createEntsoeAdapter({
      fetch: recorded.fetch,
      securityToken: 't',
      catalogue: standardCatalogue,
    });
    await expect(
      adapter.fetchDayAheadPrices?.('NL', { year: 2026, month: 3, day: 29 }),
    ).rejects.toThrow(/ENTSO-E answered 400: 999 No matching data found/);
    expect(() => parseDayAheadPrices(readFixture('entsoe-acknowledgement-no-data.xml'))).toThrow(
      /no data: 999/,
    );
  });

  it('says what is wrong with a malformed document', () => {
    const fixture = readFixture('entsoe-a44-de-lu-2026-03-29.xml');
    expect(() => parseDayAheadPrices(fixture.replace('</Period>', ''))).toThrow(
      /ENTSO-E response is malformed: not well-formed XML/,
    );
    expect(() =>
      parseDayAheadPrices(
        fixture.replace('<resolution>PT60M</resolution>', '<resolution>P1W</resolution>'),
      ),
    ).toThrow(/unsupported resolution "P1W"/);
    expect(() =>
      parseDayAheadPrices(
        fixture.replace('<curveType>A03</curveType>', '<curveType>A01</curveType>'),
      ),
    ).toThrow(/TimeSeries 1 Period 1 is missing Point 4/);
    expect(() =>
      parseDayAheadPrices(
        fixture.replace('<price.amount>78.12</price.amount>', '<price.amount>n/a</price.amount>'),
      ),
    ).toThrow(/Point 1 has no numeric price.amount/);
    expect(() =>
      parseDayAheadPrices(fixture.replace('<position>2</position>', '<position>40</position>')),
    ).toThrow(/position "40" outside 1–23/);
  });

  it('refuses an area ENTSO-E does not publish without calling it', async () => {
    const recorded = recordedFetch(() => ({ body: '' }));
    const adapter = createEntsoeAdapter({
      fetch: recorded.fetch,
      securityToken: 't',
      catalogue: standardCatalogue,
    });
    await expect(
      adapter.fetchDayAheadPrices?.('ERCOT-NORTH', { year: 2026, month: 1, day: 1 }),
    ).rejects.toThrow(/no bidding zone for ERCOT-NORTH/);
    expect(recorded.requests).toEqual([]);
  });
});

describe('ENTSO-E actual load', () => {
  it('reads 96 quarter-hours of load in MW', async () => {
    const recorded = recordedFetch(() => ({
      body: readFixture('entsoe-a65-de-lu-2026-01-06.xml'),
    }));
    const adapter = createEntsoeAdapter({
      fetch: recorded.fetch,
      securityToken: 't',
      catalogue: standardCatalogue,
    });
    const load = (await adapter.fetchLoad?.('DE-LU', { year: 2026, month: 1, day: 6 })) ?? [];
    expect(new URL(recorded.requests[0] ?? '').searchParams.get('outBiddingZone_Domain')).toBe(
      '10Y1001A1001A82H',
    );
    expect(load).toHaveLength(96);
    expect(load[0]).toMatchObject({ area: 'DE-LU', minutes: 15, time: Date.UTC(2026, 0, 5, 23) });
    expect(load.every((l) => l.loadMw > 30_000 && l.loadMw < 80_000)).toBe(true);
  });

  it('rejects a load document in the wrong unit', () => {
    const fixture = readFixture('entsoe-a65-de-lu-2026-01-06.xml').replace('MAW', 'KWH');
    expect(() => parseActualLoad(fixture)).toThrow(/load is in KWH, expected MAW/);
  });
});
