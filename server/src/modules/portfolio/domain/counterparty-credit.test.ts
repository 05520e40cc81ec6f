import { describe, expect, it } from 'vitest';
import { counterpartyExposures } from './credit-exposure.js';
import {
  counterpartyCredit,
  creditRefusal,
  creditTradesOf,
  type CounterpartyCredit,
  type OpenDeal,
} from './counterparty-credit.js';

const now = Date.UTC(2026, 0, 5);
const deal = (over: Partial<OpenDeal>): OpenDeal => ({
  id: 'd1',
  counterparty: 'Nordic Utility',
  commodity: 'power',
  side: 'buy',
  price: 50,
  quantity: 100,
  deliveryEnd: now + 90 * 86_400_000,
  mark: 55,
  fxRate: 1,
  ...over,
});
const everyoneNets = { now, nets: () => true };

describe('deals as credit trades', () => {
  it('values a bought deal under the mark as owed to us, and a sold one as owed by us', () => {
    const { trades } = creditTradesOf([deal({}), deal({ id: 'd2', side: 'sell' })], everyoneNets);
    expect(trades.map((t) => [t.markToMarket, t.notional, t.commodityClass])).toEqual([
      [500, 5500, 'power'],
      [-500, 5500, 'power'],
    ]);
    expect(trades[0]!.residualYears).toBeCloseTo(90 / 365.25, 10);
  });

  it('counts an unmarked deal at its own price and names it', () => {
    const { trades, unmarked } = creditTradesOf(
      [deal({ mark: null, commodity: 'crude' })],
      everyoneNets,
    );
    expect(trades[0]).toMatchObject({ markToMarket: 0, notional: 5000, commodityClass: 'oil' });
    expect(unmarked).toEqual(['d1']);
  });

  it("values a deal in the currency of the counterparty's limit", () => {
    // A dollar deal against a euro limit, at 0.8 EUR per USD: 500 USD owed is 400 EUR.
    const { trades } = creditTradesOf([deal({ fxRate: 0.8 })], everyoneNets);
    expect(trades[0]).toMatchObject({ markToMarket: 400, notional: 4400 });
  });

  it('nets deals of one counterparty only under a master agreement', () => {
    const deals = [deal({}), deal({ id: 'd2', side: 'sell', price: 52 })];
    const netted = counterpartyExposures(creditTradesOf(deals, everyoneNets).trades);
    const gross = counterpartyExposures(creditTradesOf(deals, { now, nets: () => false }).trades);
    // +500 and -300 net to 200; standing alone only the +500 counts.
    expect(netted[0]!.currentExposure).toBe(200);
    expect(gross[0]!.currentExposure).toBe(500);
  });
});

describe('the counterparty register with exposure', () => {
  const register = [
    {
      id: 'a',
      name: 'Nordic Utility',
      creditLimit: 1000,
      currency: 'EUR',
      masterAgreement: 'EFET',
    },
    { id: 'b', name: 'Quiet Bank', creditLimit: 0, currency: 'EUR', masterAgreement: 'ISDA' },
  ];
  const exposures = counterpartyExposures(
    creditTradesOf([deal({}), deal({ id: 'd3', counterparty: 'Unlisted Trader' })], everyoneNets)
      .trades,
  );

  it('flags a counterparty whose current and potential exposure exceed its limit', () => {
    const lines = counterpartyCredit(register, exposures, new Map([['Nordic Utility', 1]]));
    const nordic = lines.find((l) => l.name === 'Nordic Utility')!;
    // Current 500, add-on 5500 x 20% = 1100 scaled by 0.4 + 0.6 x 1: PFE 1100, total 1600.
    expect(nordic).toMatchObject({
      currentExposure: 500,
      potentialFutureExposure: 1100,
      totalExposure: 1600,
      utilisation: 1.6,
      headroom: -600,
      status: 'breach',
      overLimit: true,
      openDeals: 1,
    });
  });

  it('lists registered counterparties without deals and dealt-with ones without a limit', () => {
    const lines = counterpartyCredit(register, exposures, new Map());
    expect(lines.find((l) => l.name === 'Quiet Bank')).toMatchObject({
      totalExposure: 0,
      utilisation: 0,
      status: 'within',
      overLimit: false,
    });
    expect(lines.find((l) => l.name === 'Unlisted Trader')).toMatchObject({
      id: null,
      creditLimit: null,
      currency: null,
      utilisation: null,
      status: 'no_limit',
      overLimit: false,
    });
  });

  it('measures an unregistered counterparty in the reporting currency it is given', () => {
    const lines = counterpartyCredit(register, exposures, new Map(), { unlimitedCurrency: 'USD' });
    expect(lines.find((l) => l.name === 'Unlisted Trader')).toMatchObject({
      currency: 'USD',
      status: 'no_limit',
    });
    expect(lines.find((l) => l.name === 'Nordic Utility')).toMatchObject({ currency: 'EUR' });
  });

  it('treats any exposure against a zero limit as a breach with no utilisation figure', () => {
    const zero = [{ ...register[0]!, creditLimit: 0 }];
    expect(counterpartyCredit(zero, exposures, new Map())[0]).toMatchObject({
      name: 'Nordic Utility',
      utilisation: null,
      status: 'breach',
      overLimit: true,
    });
  });

  it('shows amber from 80% of the limit', () => {
    const roomy = [{ ...register[0]!, creditLimit: 1900 }];
    expect(
      counterpartyCredit(roomy, exposures, new Map()).find((l) => l.name === 'Nordic Utility'),
    ).toMatchObject({ status: 'warning', overLimit: false });
  });
});

describe('refusing a deal on the credit line', () => {
  const lineOf = (totalExposure: number, creditLimit: number | null): CounterpartyCredit => ({
    id: creditLimit === null ? null : 'cp-1',
    name: 'Nordic Utility',
    creditLimit,
    currency: creditLimit === null ? null : 'EUR',
    masterAgreement: 'EFET',
    openDeals: 1,
    currentExposure: totalExposure / 2,
    potentialFutureExposure: totalExposure / 2,
    totalExposure,
    utilisation: creditLimit ? totalExposure / creditLimit : null,
    headroom: creditLimit === null ? null : creditLimit - totalExposure,
    status: creditLimit === null ? 'no_limit' : totalExposure > creditLimit ? 'breach' : 'within',
    overLimit: creditLimit !== null && totalExposure > creditLimit,
  });

  it('refuses a deal that takes the exposure over the limit, naming both figures', () => {
    expect(creditRefusal(lineOf(800, 1000), lineOf(1250.4, 1000))).toEqual({
      code: 'counterparty_credit_limit',
      message:
        'the deal would take the credit exposure to Nordic Utility to 1,250 EUR, over its limit of 1,000 EUR',
    });
  });

  it('lets through a deal within the limit, one that lowers a breach, and any deal without a limit', () => {
    expect(creditRefusal(lineOf(800, 1000), lineOf(1000, 1000))).toBeUndefined();
    expect(creditRefusal(lineOf(1600, 1000), lineOf(1300, 1000))).toBeUndefined();
    expect(creditRefusal(undefined, lineOf(5e6, null))).toBeUndefined();
  });

  it('refuses the first deal with a registered counterparty if it alone breaches', () => {
    expect(creditRefusal(undefined, lineOf(2000, 1000))?.code).toBe('counterparty_credit_limit');
  });
});
