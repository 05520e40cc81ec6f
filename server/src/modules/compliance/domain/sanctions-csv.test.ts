import { describe, expect, it } from 'vitest';
import { parseSanctionsCsv } from './sanctions-csv.js';

describe('the sanctions CSV', () => {
  it('reads a list with quoted names and normalises the screening key', () => {
    const parsed = parseSanctionsCsv(
      'name,country,programme,listed_on\n"Volga  Trading, OOO",RU,EU 269/2014,2022-03-15\nNorth Star Shipping,,OFAC SDN,\n',
    );
    expect(parsed).toEqual({
      ok: true,
      parties: [
        {
          name: 'Volga  Trading, OOO',
          nameKey: 'VOLGA TRADING, OOO',
          country: 'RU',
          programme: 'EU 269/2014',
          listedOn: '2022-03-15',
        },
        {
          name: 'North Star Shipping',
          nameKey: 'NORTH STAR SHIPPING',
          country: null,
          programme: 'OFAC SDN',
          listedOn: null,
        },
      ],
    });
  });

  it('refuses every bad row with its line and field, and imports nothing', () => {
    const parsed = parseSanctionsCsv(
      'name,country,programme,listed_on\nGood Co,RU,EU,2022-01-01\n,RU,EU,\nBad Country,RUS,EU,\nBad Date,RU,EU,15/03/2022\nGood Co,RU,EU,\n"Open,RU,EU,\n',
    );
    expect(parsed).toEqual({
      ok: false,
      issues: [
        { line: 3, field: 'name', message: expect.any(String) },
        { line: 4, field: 'country', message: expect.any(String) },
        { line: 5, field: 'listed_on', message: expect.any(String) },
        { line: 6, field: 'name', message: expect.stringContaining('line 2') },
        { line: 7, field: 'row', message: expect.any(String) },
      ],
    });
  });

  it('refuses a header without the required columns or with unknown ones', () => {
    expect(parseSanctionsCsv('name,colour\nA,red\n')).toEqual({
      ok: false,
      issues: [
        { line: 1, field: 'colour', message: expect.any(String) },
        { line: 1, field: 'programme', message: expect.any(String) },
      ],
    });
    expect(parseSanctionsCsv('')).toMatchObject({
      ok: false,
      issues: [{ line: 1, field: 'header' }],
    });
  });
});
