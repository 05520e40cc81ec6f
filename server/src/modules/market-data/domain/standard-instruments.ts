import type {
  Currency,
  DeliveryPeriodType,
  GateClosure,
  Instrument,
  LoadShape,
  Venue,
} from './instrument.js';

/**
 * The instrument catalogue, kept in code so that every process agrees on identifiers
 * and contract terms without a database round trip. Tick and lot sizes follow the
 * venues' published contract specifications, rounded to what a desk would quote.
 */

interface PowerZone {
  code: string;
  label: string;
  spotVenue: Venue;
  futuresVenue: Venue;
  currency: Currency;
  timeZone: string;
  gateClosure: GateClosure;
  quarterHourly: boolean;
}

const CET_NOON: GateClosure = { daysBefore: 1, localTime: '12:00' };

const POWER_ZONES: PowerZone[] = [
  {
    code: 'DE-LU',
    label: 'Germany-Luxembourg',
    spotVenue: 'EPEX SPOT',
    futuresVenue: 'EEX',
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    gateClosure: CET_NOON,
    quarterHourly: true,
  },
  {
    code: 'FR',
    label: 'France',
    spotVenue: 'EPEX SPOT',
    futuresVenue: 'EEX',
    currency: 'EUR',
    timeZone: 'Europe/Paris',
    gateClosure: CET_NOON,
    quarterHourly: true,
  },
  {
    code: 'NL',
    label: 'Netherlands',
    spotVenue: 'EPEX SPOT',
    futuresVenue: 'EEX',
    currency: 'EUR',
    timeZone: 'Europe/Amsterdam',
    gateClosure: CET_NOON,
    quarterHourly: true,
  },
  // N2EX's GB day-ahead auction closes at 09:50 UK time, ahead of the continental one.
  {
    code: 'GB',
    label: 'Great Britain',
    spotVenue: 'N2EX',
    futuresVenue: 'ICE',
    currency: 'GBP',
    timeZone: 'Europe/London',
    gateClosure: { daysBefore: 1, localTime: '09:50' },
    quarterHourly: false,
  },
  {
    code: 'NORDIC',
    label: 'Nordic system',
    spotVenue: 'Nord Pool',
    futuresVenue: 'EEX',
    currency: 'EUR',
    timeZone: 'Europe/Oslo',
    gateClosure: CET_NOON,
    quarterHourly: false,
  },
  {
    code: 'PJM-WEST',
    label: 'PJM Western Hub',
    spotVenue: 'PJM',
    futuresVenue: 'ICE',
    currency: 'USD',
    timeZone: 'America/New_York',
    gateClosure: { daysBefore: 1, localTime: '10:30' },
    quarterHourly: false,
  },
  {
    code: 'ERCOT-NORTH',
    label: 'ERCOT North Hub',
    spotVenue: 'ERCOT',
    futuresVenue: 'ICE',
    currency: 'USD',
    timeZone: 'America/Chicago',
    gateClosure: { daysBefore: 1, localTime: '10:00' },
    quarterHourly: false,
  },
];

const TERM_CODES: Record<'month' | 'quarter' | 'year', string> = {
  month: 'M',
  quarter: 'Q',
  year: 'Y',
};
const SHAPE_CODES: Record<LoadShape, string> = { base: 'BASE', peak: 'PEAK' };

function powerInstruments(zone: PowerZone): Instrument[] {
  const common = {
    commodity: 'power' as const,
    area: zone.code,
    unit: 'MWh' as const,
    currency: zone.currency,
    tickSize: '0.01',
    timeZone: zone.timeZone,
    dayStartHour: 0,
  };
  const spot = (
    id: string,
    name: string,
    deliveryPeriod: DeliveryPeriodType,
    loadShape: LoadShape,
  ): Instrument => ({
    ...common,
    id: `PWR-${zone.code}-${id}`,
    name: `${zone.label} ${name}`,
    venue: zone.spotVenue,
    lotSize: '0.1',
    deliveryPeriod,
    loadShape,
    gateClosure: zone.gateClosure,
  });
  const instruments = [
    spot('DA-H', 'day-ahead hourly', 'hour', 'base'),
    spot('DA-BASE', 'day-ahead base block', 'base-block', 'base'),
    spot('DA-PEAK', 'day-ahead peak block', 'peak-block', 'peak'),
  ];
  if (zone.quarterHourly)
    instruments.push(spot('DA-QH', 'day-ahead quarter-hourly', 'quarter-hour', 'base'));
  for (const term of ['month', 'quarter', 'year'] as const) {
    for (const shape of ['base', 'peak'] as const) {
      instruments.push({
        ...common,
        id: `PWR-${zone.code}-FUT-${TERM_CODES[term]}-${SHAPE_CODES[shape]}`,
        name: `${zone.label} ${shape} ${term} future`,
        venue: zone.futuresVenue,
        lotSize: '1',
        deliveryPeriod: term,
        loadShape: shape,
      });
    }
  }
  return instruments;
}

function gasInstruments(): Instrument[] {
  const ttf = {
    commodity: 'gas' as const,
    area: 'TTF',
    venue: 'ICE Endex' as const,
    unit: 'MWh' as const,
    currency: 'EUR' as const,
    timeZone: 'Europe/Amsterdam',
    dayStartHour: 6,
    loadShape: 'base' as const,
  };
  const nbp = {
    commodity: 'gas' as const,
    area: 'NBP',
    venue: 'ICE' as const,
    unit: 'therm' as const,
    currency: 'GBP' as const,
    timeZone: 'Europe/London',
    dayStartHour: 5,
    loadShape: 'base' as const,
  };
  // Henry Hub's NAESB gas day starts at 09:00 Central time.
  const henryHub = {
    commodity: 'gas' as const,
    area: 'HENRY-HUB',
    venue: 'NYMEX' as const,
    unit: 'MMBtu' as const,
    currency: 'USD' as const,
    timeZone: 'America/Chicago',
    dayStartHour: 9,
    loadShape: 'base' as const,
  };
  type GasHub = typeof ttf | typeof nbp | typeof henryHub;
  const contract = (
    hub: GasHub,
    [id, name, tickSize, lotSize, deliveryPeriod]: [
      string,
      string,
      string,
      string,
      DeliveryPeriodType,
    ],
  ): Instrument => ({ ...hub, id, name, tickSize, lotSize, deliveryPeriod });
  return [
    contract(ttf, ['GAS-TTF-DA', 'TTF day-ahead', '0.001', '1', 'gas-day']),
    contract(ttf, ['GAS-TTF-FUT-M', 'TTF month future', '0.005', '720', 'month']),
    contract(ttf, ['GAS-TTF-FUT-Q', 'TTF quarter future', '0.005', '720', 'quarter']),
    contract(ttf, ['GAS-TTF-FUT-Y', 'TTF calendar future', '0.005', '720', 'year']),
    contract(nbp, ['GAS-NBP-DA', 'NBP day-ahead', '0.0001', '1000', 'gas-day']),
    contract(nbp, ['GAS-NBP-FUT-M', 'NBP month future', '0.0001', '1000', 'month']),
    contract(henryHub, ['GAS-HH-FUT-M', 'Henry Hub month future', '0.001', '10000', 'month']),
  ];
}

function oilAndCarbonInstruments(): Instrument[] {
  const crude = {
    commodity: 'crude' as const,
    unit: 'bbl' as const,
    currency: 'USD' as const,
    tickSize: '0.01',
    lotSize: '1000',
    deliveryPeriod: 'month' as const,
    loadShape: 'base' as const,
    dayStartHour: 0,
  };
  const carbon = {
    commodity: 'emissions' as const,
    unit: 'tCO2' as const,
    tickSize: '0.01',
    lotSize: '1000',
    deliveryPeriod: 'year' as const,
    loadShape: 'base' as const,
    dayStartHour: 0,
  };
  return [
    {
      ...crude,
      id: 'OIL-BRENT-FUT-M',
      name: 'Brent crude month future',
      area: 'BRENT',
      venue: 'ICE',
      timeZone: 'Europe/London',
    },
    {
      ...crude,
      id: 'OIL-WTI-FUT-M',
      name: 'WTI crude month future',
      area: 'WTI',
      venue: 'NYMEX',
      timeZone: 'America/New_York',
    },
    {
      ...crude,
      id: 'OIL-MURBAN-FUT-M',
      name: 'Murban crude month future',
      area: 'MURBAN',
      venue: 'IFAD',
      timeZone: 'Asia/Dubai',
    },
    // Carbon futures settle in December each year, so a December contract is a yearly product.
    {
      ...carbon,
      id: 'EUA-FUT-DEC',
      name: 'EU allowance December future',
      area: 'EU-ETS',
      venue: 'EEX',
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
    },
    {
      ...carbon,
      id: 'UKA-FUT-DEC',
      name: 'UK allowance December future',
      area: 'UK-ETS',
      venue: 'ICE',
      currency: 'GBP',
      timeZone: 'Europe/London',
    },
  ];
}

/**
 * FX rates as the desk converts with them: each is the price of one euro (the unit) in
 * the quote currency, so EUR/USD 1.0850 is 1.0850 USD per EUR. Every other pair crosses
 * through the euro. A print belongs to the hour it was observed in, like an hourly fixing.
 */
function fxInstruments(): Instrument[] {
  const pair = (quote: 'USD' | 'GBP', name: string): Instrument => ({
    id: `FX-EUR${quote}`,
    name,
    commodity: 'fx',
    area: `EUR${quote}`,
    venue: 'OTC',
    unit: 'EUR',
    currency: quote,
    tickSize: '0.0001',
    lotSize: '1000000',
    timeZone: 'Europe/London',
    deliveryPeriod: 'hour',
    loadShape: 'base',
    dayStartHour: 0,
  });
  return [pair('USD', 'Euro in US dollars'), pair('GBP', 'Euro in pounds sterling')];
}

export const STANDARD_INSTRUMENTS: readonly Instrument[] = [
  ...POWER_ZONES.flatMap(powerInstruments),
  ...gasInstruments(),
  ...oilAndCarbonInstruments(),
  ...fxInstruments(),
];
