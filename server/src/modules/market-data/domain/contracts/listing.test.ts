import { describe, expect, it } from 'vitest';
import { parseLocalDate } from '../time-zone.js';
import { cascadeChildren, listedContracts, listedContractsAt, parseContractId } from './listing.js';
import { findProduct } from './products.js';

const day = (text: string) => parseLocalDate(text)!;
const product = (code: string) => findProduct(code)!;
const contract = (id: string) => parseContractId(id)!.contract;
const ids = (code: string, on: string, tenor: string) =>
  listedContracts(product(code), day(on))
    .filter((c) => c.tenor === tenor)
    .map((c) => c.period);

describe('listing calendar, checked against a hand-worked calendar', () => {
  it('lists EEX base months as the next ten still trading', () => {
    // On 2026-12-03 the December month has stopped trading (30 November), January trades to 31 December.
    expect(ids('PWR-DE-LU-BASE', '2026-12-03', 'month')).toEqual([
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
      '2027-09',
      '2027-10',
    ]);
  });

  it('lists eleven quarters and six years, and days, weekends and weeks', () => {
    const on = '2026-12-03';
    expect(ids('PWR-DE-LU-BASE', on, 'quarter')).toHaveLength(11);
    expect(ids('PWR-DE-LU-BASE', on, 'quarter')[0]).toBe('2027-Q1');
    expect(ids('PWR-DE-LU-BASE', on, 'quarter')[10]).toBe('2029-Q3');
    expect(ids('PWR-DE-LU-BASE', on, 'year')).toEqual(
      ['CAL-2027', 'CAL-2028', 'CAL-2029', 'CAL-2030', 'CAL-2031', 'CAL-2032'].slice(0, 6),
    );
    // Thursday 3 December: tomorrow's day contract is the first; the weekend of the 5th trades until Friday.
    expect(ids('PWR-DE-LU-BASE', on, 'day')[0]).toBe('2026-12-04');
    expect(ids('PWR-DE-LU-BASE', on, 'weekend')).toEqual(['WE-2026-12-05', 'WE-2026-12-12']);
    // 2026 has an ISO week 53 (1 January 2026 was a Thursday).
    expect(ids('PWR-DE-LU-BASE', on, 'week')).toEqual([
      '2026-W50',
      '2026-W51',
      '2026-W52',
      '2026-W53',
      '2027-W01',
    ]);
  });

  it('lists TTF months, quarters, seasons and years as ICE Endex does', () => {
    const on = '2027-03-15';
    const months = ids('GAS-TTF', on, 'month');
    expect(months).toHaveLength(71);
    expect(months[0]).toBe('2027-04');
    expect(ids('GAS-TTF', on, 'season').slice(0, 3)).toEqual(['SUM-2027', 'WIN-2027', 'SUM-2028']);
    expect(ids('GAS-TTF', on, 'year')).toEqual([
      'CAL-2028',
      'CAL-2029',
      'CAL-2030',
      'CAL-2031',
      'CAL-2032',
    ]);
  });

  it('lists EUA Decembers up to 2030 only', () => {
    expect(ids('EUA-DEC', '2026-12-03', 'december')).toEqual([
      '2026',
      '2027',
      '2028',
      '2029',
      '2030',
    ]);
    expect(ids('EUA-DEC', '2026-12-22', 'december')[0]).toBe('2027');
  });

  it('drops a contract on its last trading day after the close', () => {
    const base = product('PWR-DE-LU-BASE');
    // 2027-02 stops trading on Friday 29 January 2027 at 18:00 Berlin (17:00 UTC).
    const before = listedContractsAt(base, Date.UTC(2027, 0, 29, 16, 59));
    const after = listedContractsAt(base, Date.UTC(2027, 0, 29, 17, 0));
    expect(before.map((c) => c.id)).toContain('PWR-DE-LU-BASE-2027-02');
    expect(after.map((c) => c.id)).not.toContain('PWR-DE-LU-BASE-2027-02');
    expect(after.map((c) => c.id)).toContain('PWR-DE-LU-BASE-2027-03');
  });
});

describe('last trading days', () => {
  it.each([
    // EEX: the exchange day before delivery (TARGET holidays skipped).
    ['PWR-DE-LU-BASE-2027-01', '2026-12-31'],
    ['PWR-DE-LU-BASE-2027-03', '2027-02-26'],
    ['PWR-DE-LU-BASE-2027-04', '2027-03-31'],
    ['PWR-DE-LU-BASE-2028-05', '2028-04-28'], // 1 May 2028 is a Monday and a holiday: the 28th (Friday) closes
    ['PWR-DE-LU-BASE-2028-Q4', '2028-09-29'],
    ['PWR-DE-LU-BASE-WE-2027-03-27', '2027-03-25'], // Good Friday 26 March 2027
    // ICE Endex TTF: two UK business days before the first delivery day.
    ['GAS-TTF-2027-01', '2026-12-30'],
    ['GAS-TTF-2027-06', '2027-05-27'], // 31 May 2027 is the spring bank holiday
    ['GAS-TTF-WIN-2027', '2027-09-29'],
    // ICE EUA: last Monday, or the penultimate around a UK bank holiday.
    ['EUA-DEC-2026', '2026-12-21'], // 28 December 2026 is Boxing Day's substitute
    ['EUA-DEC-2027', '2027-12-20'],
    ['EUA-DEC-2029', '2029-12-24'], // 1 January 2030 falls in the four days after the 31st
    // ICE Brent: last business day two months before; not the day before New Year's Day.
    ['BRENT-2027-03', '2027-01-29'],
    ['BRENT-2027-02', '2026-12-30'],
    ['BRENT-2027-07', '2027-05-28'],
  ])('%s stops trading on %s', (id, expected) => {
    expect(contract(id).lastTradingDay).toBe(expected);
  });

  it('ends trading at the venue close in its own zone, across a clock change', () => {
    // 2027-04 expires Wednesday 31 March 2027, after the clock change: 18:00 CEST is 16:00 UTC.
    expect(contract('PWR-DE-LU-BASE-2027-04').tradingEndsAt).toBe(Date.UTC(2027, 2, 31, 16));
    expect(contract('PWR-DE-LU-BASE-2027-03').tradingEndsAt).toBe(Date.UTC(2027, 1, 26, 17));
  });
});

describe('cascades', () => {
  it('cascades an EEX year into its quarters and a quarter into its months', () => {
    expect(contract('PWR-DE-LU-BASE-CAL-2028').cascadesInto).toEqual([
      'PWR-DE-LU-BASE-2028-Q1',
      'PWR-DE-LU-BASE-2028-Q2',
      'PWR-DE-LU-BASE-2028-Q3',
      'PWR-DE-LU-BASE-2028-Q4',
    ]);
    const q1 = parseContractId('PWR-DE-LU-BASE-2028-Q1')!;
    expect(cascadeChildren(q1.product, q1.contract).map((c) => c.period)).toEqual([
      '2028-01',
      '2028-02',
      '2028-03',
    ]);
    // A year and its first quarter and month stop trading on the same day, so the cascade lands in a tradable month.
    expect(contract('PWR-DE-LU-BASE-CAL-2028').lastTradingDay).toBe(
      contract('PWR-DE-LU-BASE-2028-01').lastTradingDay,
    );
  });

  it('turns a TTF season into its six months, and sends months, EUAs and Brent to delivery', () => {
    expect(contract('GAS-TTF-WIN-2027').cascadesInto).toEqual([
      'GAS-TTF-2027-10',
      'GAS-TTF-2027-11',
      'GAS-TTF-2027-12',
      'GAS-TTF-2028-01',
      'GAS-TTF-2028-02',
      'GAS-TTF-2028-03',
    ]);
    expect(contract('GAS-TTF-2027-10').cascadesInto).toEqual([]);
    expect(contract('EUA-DEC-2027').cascadesInto).toEqual([]);
    expect(contract('BRENT-2027-03').cascadesInto).toEqual([]);
  });
});

describe('contract ids', () => {
  it('names delivery windows in the market zone from the day start hour', () => {
    const jan = contract('PWR-DE-LU-BASE-2027-01');
    expect(jan.deliveryStart).toBe(Date.UTC(2026, 11, 31, 23));
    expect(jan.deliveryEnd).toBe(Date.UTC(2027, 0, 31, 23));
    const gas = contract('GAS-TTF-2027-01');
    expect(gas.deliveryStart).toBe(Date.UTC(2027, 0, 1, 5)); // 06:00 CET
    expect(gas.firstDeliveryDay).toBe('2027-01-01');
    expect(gas.lastDeliveryDay).toBe('2027-01-31');
  });

  it.each([
    'PWR-DE-LU-BASE-2027-13',
    'PWR-DE-LU-BASE-2027-Q5',
    'PWR-DE-LU-BASE-SUM-2027', // EEX power lists no seasons
    'PWR-DE-LU-PEAK-2027-01-15', // nor peak days
    'PWR-DE-LU-BASE-WE-2027-01-15', // a Friday starts no weekend
    'PWR-DE-LU-BASE-2027-W53', // 2027 has 52 ISO weeks
    'PWR-DE-LU-BASE-2027-1',
    'BRENT-CAL-2027',
    'EUA-DEC-2027-12',
    'NOPE-2027-01',
    'PWR-DE-LU-BASE',
  ])('does not recognise %s', (id) => {
    expect(parseContractId(id)).toBeUndefined();
  });
});

describe('EUA delivery', () => {
  it('delivers allowances in the three UK business days after the last trading day', () => {
    const dec = parseContractId('EUA-DEC-2027')!.contract;
    expect(dec.lastTradingDay).toBe('2027-12-20');
    expect(dec.firstDeliveryDay).toBe('2027-12-21');
    expect(dec.lastDeliveryDay).toBe('2027-12-23');
  });
});
