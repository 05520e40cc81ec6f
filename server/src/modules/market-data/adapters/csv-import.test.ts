import { describe, expect, it } from 'vitest';
import { standardCatalogue } from '../domain/catalogue.js';
import { validateTicks } from '../domain/validate-ticks.js';
import { parseCsvLine } from './csv.js';
import { parseTickCsv } from './csv-ticks.js';
import { parseEpftoolboxCsv } from './epftoolbox.js';
import { parseInstant } from './instant.js';
import { readFixture } from './recorded-fetch.js';

describe('CSV reading', () => {
  it('splits quoted cells with embedded commas and doubled quotes', () => {
    expect(parseCsvLine('a,"b,c","say ""hi""",')).toEqual(['a', 'b,c', 'say "hi"', '']);
  });

  it('requires an offset on a market time and rejects impossible dates', () => {
    expect(parseInstant('2026-03-29T03:00:00+02:00')).toBe(Date.UTC(2026, 2, 29, 1));
    expect(parseInstant('2026-03-29T03:00')).toBeNaN();
    expect(parseInstant('2026-02-30T00:00Z')).toBeNaN();
  });
});

describe('tick CSV import', () => {
  it('imports the documented columns and lets validation name each bad row', () => {
    const { rows, lines } = parseTickCsv(readFixture('ticks.csv'));
    expect(rows).toHaveLength(7);
    expect(rows[0]).toMatchObject({
      instrumentId: 'PWR-DE-LU-DA-H',
      time: Date.UTC(2026, 2, 29, 0),
      price: 84.1,
      volume: 1520.5,
    });
    expect(rows[3]?.volume).toBe(0);
    expect(rows[4]?.delivery).toEqual({
      start: Date.UTC(2026, 2, 31, 22),
      end: Date.UTC(2026, 3, 30, 22),
    });
    const report = validateTicks(rows, standardCatalogue);
    expect(report.accepted.map((tick) => tick.instrumentId)).toEqual([
      'PWR-DE-LU-DA-H',
      'PWR-DE-LU-DA-H',
      'PWR-DE-LU-DA-QH',
      'PWR-DE-LU-FUT-M-BASE',
    ]);
    expect(report.rejected.map(({ row, field, rule }) => [lines[row], field, rule])).toEqual([
      [4, 'time', 'valid_instant'],
      [7, 'price', 'finite'],
      [8, 'volume', 'non_negative'],
      [8, 'instrumentId', 'known_instrument'],
    ]);
  });

  it('names the missing columns of a file with the wrong header', () => {
    expect(() => parseTickCsv('instrument,timestamp,price\nX,2026-01-01T00:00Z,1')).toThrow(
      /tick CSV response is malformed: missing column time, volume/,
    );
  });
});

describe('epftoolbox import', () => {
  it('reads the Nord Pool layout as-is: hourly prices and two named exogenous series', () => {
    const imported = parseEpftoolboxCsv(
      readFixture('epftoolbox-np.csv'),
      'PWR-NORDIC-DA-H',
      'NORDIC',
    );
    expect(imported.seriesNames).toEqual(['Grid load forecast', 'Wind power forecast']);
    expect(imported.prices).toHaveLength(24);
    expect(imported.prices[0]).toEqual({
      instrumentId: 'PWR-NORDIC-DA-H',
      time: Date.UTC(2013, 0, 1, 0),
      price: 31.05,
      volume: 0,
    });
    expect(imported.prices[23]?.time).toBe(Date.UTC(2013, 0, 1, 23));
    expect(imported.exogenous.filter((x) => x.series === 'Wind power forecast')[0]).toMatchObject({
      time: Date.UTC(2013, 0, 1),
      value: 2798,
    });
    expect(validateTicks(imported.prices, standardCatalogue).rejected).toEqual([]);
  });

  it('accepts the Belgian header variant with "Prices" and other forecasts', () => {
    const imported = parseEpftoolboxCsv(readFixture('epftoolbox-be.csv'), 'PWR-BE-DA-H', 'BE');
    expect(imported.seriesNames).toEqual(['Generation forecast', 'System load forecast']);
    expect(imported.prices.map((p) => p.price)).toEqual([32.54, 21.55, 15.71]);
  });

  it('says which line and column are wrong in a malformed file', () => {
    expect(() =>
      parseEpftoolboxCsv('Time, Price, A, B\n2013-01-01 00:00:00,1,2,3', 'X', 'Y'),
    ).toThrow(/first column is "Time", expected "Date"/);
    expect(() => parseEpftoolboxCsv('Date, Price, A\n', 'X', 'Y')).toThrow(/expected 4 columns/);
    expect(() =>
      parseEpftoolboxCsv('Date, Price, A, B\n2013-01-01 00:00:00,1,2,3\nyesterday,1,2,3', 'X', 'Y'),
    ).toThrow(/line 3 has an unreadable date "yesterday"/);
  });
});
