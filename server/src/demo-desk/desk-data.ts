/**
 * The demo desk as data: a utility's books, the counterparties they deal with, the
 * options the risk manager registers and the limits set on them. Delivery periods are
 * named relative to the day the desk is seeded (the nth listed contract of a tenor), so
 * the deals are always forward; prices and volumes sit at the demo market's levels
 * (DE-LU base ~70–100 EUR/MWh, TTF ~30–45, EUA ~60–90 EUR/t).
 */

/** A book is a demo trader account: its username is the book's name. */
export interface DemoBook {
  username: string;
  displayName: string;
}

export interface DemoCounterparty {
  name: string;
  creditLimit: number;
  masterAgreement: 'EFET' | 'ISDA' | 'none';
}

/** The contract a deal delivers: the `nth` (0 = front) listed contract of `tenor`. */
export interface DemoDelivery {
  product: 'PWR-DE-LU-BASE' | 'GAS-TTF' | 'EUA-DEC';
  tenor: 'month' | 'quarter' | 'year' | 'december';
  nth: number;
}

export interface DemoDeal {
  book: string;
  counterparty: string;
  instrumentId: string;
  delivery: DemoDelivery;
  side: 'buy' | 'sell';
  price: number;
  /** Power and gas in MW over every delivery hour; allowances in tonnes. */
  size: number;
}

export interface DemoOption {
  book: string;
  underlying: string;
  type: 'call' | 'put';
  strike: number;
  /** Expiry this many days after the desk is seeded. */
  expiresInDays: number;
  /** In the underlying's unit (MWh); positive bought, negative sold. */
  quantity: number;
  volatility: number;
}

export const DEMO_BOOKS: DemoBook[] = [
  { username: 'gen-hedge', displayName: 'Generation Hedge Book' },
  { username: 'gas-procurement', displayName: 'Gas Procurement Book' },
  { username: 'trading-book', displayName: 'Trading Book' },
  { username: 'options-book', displayName: 'Options Book' },
];

export const DEMO_COUNTERPARTIES: DemoCounterparty[] = [
  { name: 'Nordic Hydro AS', creditLimit: 25_000_000, masterAgreement: 'EFET' },
  { name: 'Rhein Energie Handel GmbH', creditLimit: 20_000_000, masterAgreement: 'EFET' },
  { name: 'Atlantic Gas Supply BV', creditLimit: 30_000_000, masterAgreement: 'EFET' },
  { name: 'Meridian Commodities Ltd', creditLimit: 15_000_000, masterAgreement: 'ISDA' },
  { name: 'Alpine Stadtwerke AG', creditLimit: 2_500_000, masterAgreement: 'EFET' },
];

const DE = 'PWR-DE-LU-BASE';
const month = (nth: number): DemoDelivery => ({ product: DE, tenor: 'month', nth });
const quarter = (nth: number): DemoDelivery => ({ product: DE, tenor: 'quarter', nth });
const gasMonth = (nth: number): DemoDelivery => ({ product: 'GAS-TTF', tenor: 'month', nth });

/**
 * The generation book sells its plant's output forward (and buys the gas and allowances
 * it burns); procurement buys gas for the winter; the trading book runs a spread; the
 * options book delta-hedges the options it wrote.
 */
export const DEMO_DEALS: DemoDeal[] = [
  // Generation hedge: sells baseload power forward, buys fuel and carbon.
  {
    book: 'gen-hedge',
    counterparty: 'Nordic Hydro AS',
    instrumentId: 'PWR-DE-LU-FUT-M-BASE',
    delivery: month(0),
    side: 'sell',
    price: 92,
    size: 50,
  },
  {
    book: 'gen-hedge',
    counterparty: 'Rhein Energie Handel GmbH',
    instrumentId: 'PWR-DE-LU-FUT-M-BASE',
    delivery: month(1),
    side: 'sell',
    price: 89.5,
    size: 40,
  },
  {
    book: 'gen-hedge',
    counterparty: 'Alpine Stadtwerke AG',
    instrumentId: 'PWR-DE-LU-FUT-Q-BASE',
    delivery: quarter(1),
    side: 'sell',
    price: 78,
    size: 25,
  },
  {
    book: 'gen-hedge',
    counterparty: 'Meridian Commodities Ltd',
    instrumentId: 'EUA-FUT-DEC',
    delivery: { product: 'EUA-DEC', tenor: 'december', nth: 1 },
    side: 'buy',
    price: 74,
    size: 60_000,
  },
  // Gas procurement: buys the winter months for its customers.
  {
    book: 'gas-procurement',
    counterparty: 'Atlantic Gas Supply BV',
    instrumentId: 'GAS-TTF-FUT-M',
    delivery: gasMonth(0),
    side: 'buy',
    price: 38.5,
    size: 80,
  },
  {
    book: 'gas-procurement',
    counterparty: 'Atlantic Gas Supply BV',
    instrumentId: 'GAS-TTF-FUT-M',
    delivery: gasMonth(1),
    side: 'buy',
    price: 37.75,
    size: 60,
  },
  {
    book: 'gas-procurement',
    counterparty: 'Meridian Commodities Ltd',
    instrumentId: 'GAS-TTF-FUT-M',
    delivery: gasMonth(2),
    side: 'buy',
    price: 36,
    size: 40,
  },
  // Trading: long power, short gas (a spark-spread view) against several names.
  {
    book: 'trading-book',
    counterparty: 'Rhein Energie Handel GmbH',
    instrumentId: 'PWR-DE-LU-FUT-M-BASE',
    delivery: month(1),
    side: 'buy',
    price: 88,
    size: 20,
  },
  {
    book: 'trading-book',
    counterparty: 'Meridian Commodities Ltd',
    instrumentId: 'GAS-TTF-FUT-M',
    delivery: gasMonth(1),
    side: 'sell',
    price: 38,
    size: 30,
  },
  {
    book: 'trading-book',
    counterparty: 'Nordic Hydro AS',
    instrumentId: 'PWR-DE-LU-FUT-Q-BASE',
    delivery: quarter(0),
    side: 'buy',
    price: 84,
    size: 10,
  },
  // Options: the delta hedge of the calls it wrote.
  {
    book: 'options-book',
    counterparty: 'Alpine Stadtwerke AG',
    instrumentId: 'PWR-DE-LU-FUT-Q-BASE',
    delivery: quarter(0),
    side: 'buy',
    price: 85,
    size: 5,
  },
];

export const DEMO_OPTIONS: DemoOption[] = [
  {
    book: 'options-book',
    underlying: 'PWR-DE-LU-FUT-Q-BASE',
    type: 'call',
    strike: 90,
    expiresInDays: 20,
    quantity: -20_000,
    volatility: 0.45,
  },
  {
    book: 'options-book',
    underlying: 'PWR-DE-LU-FUT-Q-BASE',
    type: 'put',
    strike: 75,
    expiresInDays: 20,
    quantity: 10_000,
    volatility: 0.5,
  },
  {
    book: 'options-book',
    underlying: 'GAS-TTF-FUT-M',
    type: 'call',
    strike: 40,
    expiresInDays: 15,
    quantity: -15_000,
    volatility: 0.6,
  },
];

/**
 * Limits set so a newcomer sees them working: a position cap on the generation book's
 * front-month sale at `utilisation` of its threshold, and a desk VaR limit set from the
 * desk's VaR once the deals are in, at the same share.
 */
export const DEMO_LIMITS = {
  utilisation: 0.75,
  position: {
    name: 'Generation front-month cap',
    book: 'gen-hedge',
    instrumentId: 'PWR-DE-LU-FUT-M-BASE',
  },
  deskVar: { name: 'Desk VaR 99% 1d' },
};
