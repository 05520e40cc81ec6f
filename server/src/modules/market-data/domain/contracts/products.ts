import type { ProductSpec } from './product.js';

/**
 * The listed products, as their venues specify them. Sources (read 2026):
 * - EEX power futures: https://www.eex.com/en/markets/power/power-futures (delivery
 *   rate 1 MW, tick EUR 0.01/MWh, trading 08:00–18:00 CET, maturities "day, weekend,
 *   current week and next 4 weeks, current month and next 9 months, next 11 quarters
 *   and next 6 years"); EEX Contract Specifications §1.1 (base every hour, peak
 *   08:00–20:00 Monday to Friday; month futures trade until the exchange day before
 *   delivery; quarter and year futures cascade on their last trading day, a year into
 *   three months and three quarters, which is Q1 to Q4 with Q1 cascading into its months).
 *   The page gives no count for day and weekend futures: the next seven days and the
 *   next two weekends are listed here.
 * - ICE Endex Dutch TTF Natural Gas Futures: https://www.theice.com/products/27996665
 *   (unit 1 MW, contract size 1 MW × the hours of each gas day 06:00–06:00 CET, tick
 *   EUR 0.005/MWh, trading 08:00–18:00 CET, trading ceases two UK business days before
 *   the first calendar day of the month, quarter, season or year; up to 71 months,
 *   11 quarters, 11 seasons and 5 years in the series this platform follows, 156 months
 *   today). Quarters, seasons and years are strips of months, so at expiry they become
 *   their months here.
 * - ICE Endex EUA Futures: https://www.ice.com/products/197/EUA-Futures (1,000 EUAs a lot,
 *   tick EUR 0.01/t, last Monday of the contract month or the penultimate one around a UK
 *   bank holiday, physical delivery, up to 7 Decembers, none beyond December 2030).
 * - ICE Brent Crude Futures: https://www.ice.com/products/219/ (1,000 barrels, tick
 *   USD 0.01/bbl, expiry on the last business day of the second month before the
 *   contract month, one day earlier before Christmas or New Year, cash settled against
 *   the ICE Brent Index, settlement period from 19:28 London, up to 96 months).
 */

const EEX_PEAK = { kind: 'peak', weekdays: [1, 2, 3, 4, 5], fromHour: 8, toHour: 20 } as const;

const eexPower = (
  code: string,
  name: string,
  area: string,
  timeZone: string,
  shape: 'base' | 'peak',
  curveInstrumentId: string,
): ProductSpec => ({
  code,
  name,
  commodity: 'power',
  area,
  venue: 'EEX',
  mic: 'XEEE',
  currency: 'EUR',
  priceUnit: 'MWh',
  tickSize: '0.01',
  lotSize: '1',
  quantityUnit: 'MW',
  timeZone,
  dayStartHour: 0,
  profile: shape === 'base' ? { kind: 'base' } : EEX_PEAK,
  // Peak has no weekend and is not listed by the day here, so a contract never delivers nothing.
  cycle:
    shape === 'base'
      ? { day: 7, weekend: 2, week: 5, month: 10, quarter: 11, year: 6 }
      : { week: 5, month: 10, quarter: 11, year: 6 },
  calendar: 'target',
  lastTrading: { kind: 'business-days-before-delivery', days: 1 },
  closeTime: '18:00',
  closeTimeZone: 'Europe/Berlin',
  settlement: 'cash',
  cascade: { year: 'quarter', quarter: 'month' },
  curveInstrumentId,
});

export const PRODUCTS: readonly ProductSpec[] = [
  eexPower(
    'PWR-DE-LU-BASE',
    'EEX German power base-load futures',
    'DE-LU',
    'Europe/Berlin',
    'base',
    'PWR-DE-LU-FUT-M-BASE',
  ),
  eexPower(
    'PWR-DE-LU-PEAK',
    'EEX German power peak-load futures',
    'DE-LU',
    'Europe/Berlin',
    'peak',
    'PWR-DE-LU-FUT-M-PEAK',
  ),
  eexPower(
    'PWR-FR-BASE',
    'EEX French power base-load futures',
    'FR',
    'Europe/Paris',
    'base',
    'PWR-FR-FUT-M-BASE',
  ),
  {
    code: 'GAS-TTF',
    name: 'ICE Endex Dutch TTF natural gas futures',
    commodity: 'gas',
    area: 'TTF',
    venue: 'ICE Endex',
    mic: 'NDEX',
    currency: 'EUR',
    priceUnit: 'MWh',
    tickSize: '0.005',
    lotSize: '1',
    quantityUnit: 'MW',
    timeZone: 'Europe/Amsterdam',
    dayStartHour: 6,
    profile: { kind: 'base' },
    cycle: { month: 71, quarter: 11, season: 11, year: 5 },
    calendar: 'uk',
    lastTrading: { kind: 'business-days-before-delivery', days: 2 },
    closeTime: '18:00',
    closeTimeZone: 'Europe/Amsterdam',
    settlement: 'physical',
    cascade: { quarter: 'month', season: 'month', year: 'month' },
    curveInstrumentId: 'GAS-TTF-FUT-M',
  },
  {
    code: 'EUA-DEC',
    name: 'ICE Endex EUA December futures',
    commodity: 'emissions',
    area: 'EU-ETS',
    venue: 'ICE Endex',
    mic: 'NDEX',
    currency: 'EUR',
    priceUnit: 'tCO2',
    tickSize: '0.01',
    lotSize: '1000',
    quantityUnit: 't',
    timeZone: 'Europe/London',
    dayStartHour: 0,
    profile: { kind: 'lot' },
    cycle: { december: 7 },
    lastListedYear: 2030,
    calendar: 'uk',
    lastTrading: { kind: 'last-monday-of-month' },
    closeTime: '17:00',
    closeTimeZone: 'Europe/London',
    settlement: 'physical',
    deliveryBusinessDaysAfterExpiry: 3,
    cascade: {},
    curveInstrumentId: 'EUA-FUT-DEC',
  },
  {
    code: 'BRENT',
    name: 'ICE Brent crude futures',
    commodity: 'crude',
    area: 'BRENT',
    venue: 'ICE',
    mic: 'IFEU',
    currency: 'USD',
    priceUnit: 'bbl',
    tickSize: '0.01',
    lotSize: '1000',
    quantityUnit: 'bbl',
    timeZone: 'Europe/London',
    dayStartHour: 0,
    profile: { kind: 'lot' },
    cycle: { month: 96 },
    calendar: 'uk',
    lastTrading: { kind: 'last-business-day-months-before', monthsBefore: 2 },
    closeTime: '19:30',
    closeTimeZone: 'Europe/London',
    settlement: 'cash',
    cascade: {},
    curveInstrumentId: 'OIL-BRENT-FUT-M',
  },
];

const byCode = new Map(PRODUCTS.map((p) => [p.code, p]));

export const findProduct = (code: string): ProductSpec | undefined => byCode.get(code);
