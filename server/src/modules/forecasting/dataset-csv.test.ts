import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.js';
import { parseMarketHistoryCsv, toMarketDays } from './dataset-csv.js';

const header = 'Date, Price, Load forecast, Wind forecast';
const day = (date: string, base: number) =>
  Array.from(
    { length: 24 },
    (_, h) => `${date} ${String(h).padStart(2, '0')}:00:00,${base + h},${1000 + h},${50 + h}`,
  );

const issue = (text: string) => {
  try {
    parseMarketHistoryCsv(text);
  } catch (error) {
    return error instanceof DomainError ? error.fieldIssues[0] : undefined;
  }
  return undefined;
};

describe('epftoolbox CSV upload', () => {
  it('reads whole days of prices and two fundamentals series', () => {
    const history = parseMarketHistoryCsv(
      [header, ...day('2018-03-24', 30), ...day('2018-03-25', 40)].join('\n'),
    );
    expect(history).toMatchObject({
      firstDate: '2018-03-24',
      days: 2,
      columns: ['Date', 'Price', 'Load forecast', 'Wind forecast'],
    });
    expect(history.price[24 + 5]).toBe(45);
    expect(history.exogenous[1][23]).toBe(73);
  });

  it('numbers weekdays from Monday as the models expect', () => {
    // 2018-03-24 was a Saturday.
    const market = toMarketDays(
      parseMarketHistoryCsv(
        [header, ...day('2018-03-24', 30), ...day('2018-03-25', 40), ...day('2018-03-26', 40)].join(
          '\n',
        ),
      ),
    );
    expect([...market.weekday]).toEqual([5, 6, 0]);
  });

  it('names the line where a day skips ahead', () => {
    expect(
      issue([header, ...day('2018-03-24', 30), ...day('2018-03-26', 40)].join('\n')),
    ).toMatchObject({ field: 'csv', rule: 'consecutive_hours' });
  });

  it('refuses a file that is not whole days', () => {
    expect(issue([header, ...day('2018-03-24', 30).slice(1)].join('\n'))).toMatchObject({
      rule: 'whole_days',
    });
  });

  it('refuses a price that is not a number', () => {
    const rows = day('2018-03-24', 30);
    rows[3] = '2018-03-24 03:00:00,n/a,1000,50';
    expect(issue([header, ...rows].join('\n'))).toMatchObject({
      rule: 'number',
      message: expect.stringContaining('line 5'),
    });
  });
});
