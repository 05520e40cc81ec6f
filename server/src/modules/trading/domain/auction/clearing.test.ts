import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../platform/errors.js';
import { clearDayAhead, type HourResult } from './clearing.js';
import type { AuctionCurve } from './step-curve.js';

const buy = (participant: string, ...steps: [price: number, quantity: number][]): AuctionCurve => ({
  participant,
  side: 'buy',
  deliveryHour: 10,
  steps: steps.map(([price, quantity]) => ({ price, quantity })),
});
const sell = (
  participant: string,
  ...steps: [price: number, quantity: number][]
): AuctionCurve => ({
  ...buy(participant, ...steps),
  side: 'sell',
});

function clearOne(...curves: AuctionCurve[]): HourResult {
  const [result] = clearDayAhead(curves);
  if (result === undefined) throw new Error('no hour cleared');
  return result;
}

const accepted = (result: HourResult): Record<string, number> =>
  result.cleared
    ? Object.fromEntries(result.allocations.map((a) => [`${a.side}:${a.participant}`, a.accepted]))
    : {};

describe('day-ahead clearing', () => {
  it('clears where supply meets demand and fills the marginal seller in part', () => {
    // Demand is 100 lots up to 60. Supply is 60 lots from 50 and 160 from 60:
    // at 50 only 60 lots trade, at 60 all 100 do, so 60 is the price.
    const result = clearOne(
      buy('utility', [60, 100]),
      sell('hydro', [50, 60]),
      sell('gas-plant', [60, 100]),
    );
    expect(result).toMatchObject({
      cleared: true,
      price: 60,
      volume: 100,
      priceInterval: { low: 60, high: 60 },
    });
    expect(accepted(result)).toEqual({
      'buy:utility': 100,
      'sell:gas-plant': 40,
      'sell:hydro': 60,
    });
  });

  it('takes the midpoint when a whole price interval clears the same volume', () => {
    // 100 lots bid at 60 against 100 offered at 40: every price from 40 to 60 trades 100 lots.
    const result = clearOne(buy('retailer', [60, 100]), sell('wind-farm', [40, 100]));
    expect(result).toMatchObject({
      cleared: true,
      price: 50,
      volume: 100,
      priceInterval: { low: 40, high: 60 },
    });
  });

  it('rounds the midpoint of an interval down to a whole tick and rations buyers by price', () => {
    // Demand: 100 at 60, 50 at 50, 80 at 40. Supply: 70 at 30, 60 at 45, 90 at 55.
    // Traded volume by price: 30→70, 40→70, 45→130, 50→130, 55→100, 60→100.
    // 130 lots trade anywhere in [45, 50]; the midpoint 47.5 rounds down to 47.
    // At 47 buyers want 150: the 60 bid fills in full and the 50 bid gets the last 30.
    const result = clearOne(
      buy('a', [60, 100]),
      buy('b', [50, 50]),
      buy('c', [40, 80]),
      sell('x', [30, 70]),
      sell('y', [45, 60]),
      sell('z', [55, 90]),
    );
    expect(result).toMatchObject({
      cleared: true,
      price: 47,
      volume: 130,
      priceInterval: { low: 45, high: 50 },
    });
    expect(accepted(result)).toEqual({
      'buy:a': 100,
      'buy:b': 30,
      'buy:c': 0,
      'sell:x': 70,
      'sell:y': 60,
      'sell:z': 0,
    });
  });

  it('shares the marginal price pro rata in whole lots, leftover lots going alphabetically on equal shares', () => {
    // 50 lots bid at 60. Offers: 30 at 50, then three 10-lot offers at 55.
    // The 50 offer fills; 20 lots remain for 30 lots at 55: 6⅔ each, so 6 each
    // plus the two leftover lots to `east` and `north`.
    const result = clearOne(
      buy('a', [60, 50]),
      sell('x', [50, 30]),
      sell('west', [55, 10]),
      sell('north', [55, 10]),
      sell('east', [55, 10]),
    );
    expect(result).toMatchObject({ cleared: true, volume: 50, price: 57 });
    expect(accepted(result)).toEqual({
      'buy:a': 50,
      'sell:east': 7,
      'sell:north': 7,
      'sell:west': 6,
      'sell:x': 30,
    });
  });

  it('gives leftover lots to the largest fractional share before alphabetical order', () => {
    // 7 lots for offers of 2, 3 and 5 at one price: exact shares 1.4, 2.1 and 3.5,
    // rounded down to 1, 2 and 3; the one leftover lot goes to the largest fraction, 3.5.
    const result = clearOne(
      buy('a', [60, 7]),
      sell('p', [55, 2]),
      sell('q', [55, 3]),
      sell('r', [55, 5]),
    );
    expect(accepted(result)).toEqual({ 'buy:a': 7, 'sell:p': 1, 'sell:q': 2, 'sell:r': 4 });
  });

  it('adds up the steps of one participant’s curve into its accepted volume', () => {
    const result = clearOne(
      buy('retailer', [70, 20], [55, 30], [40, 50]),
      sell('wind-farm', [0, 45]),
      sell('ccgt', [60, 100]),
    );
    // Demand: 100 to 40, 50 to 55, 20 to 70. Supply: 45 from 0, 145 from 60.
    // 45 lots trade anywhere in [0, 55]; price 27, and the retailer takes all 45.
    expect(result).toMatchObject({
      cleared: true,
      price: 27,
      volume: 45,
      priceInterval: { low: 0, high: 55 },
    });
    expect(accepted(result)).toEqual({ 'buy:retailer': 45, 'sell:ccgt': 0, 'sell:wind-farm': 45 });
  });

  it('reports no clearing, with the reason, when the curves do not cross', () => {
    expect(clearOne(buy('a', [40, 100]), sell('x', [50, 100]))).toEqual({
      deliveryHour: 10,
      cleared: false,
      reason: 'curves_do_not_cross',
      highestBid: 40,
      lowestOffer: 50,
    });
  });

  it('reports an hour with bids but no offers as not cleared', () => {
    const results = clearDayAhead([
      buy('a', [40, 100]),
      { ...sell('x', [30, 5]), deliveryHour: 11 },
      { ...buy('b', [35, 5]), deliveryHour: 11 },
    ]);
    expect(results.map((r) => [r.deliveryHour, r.cleared ? r.price : r.reason])).toEqual([
      [10, 'no_offers'],
      [11, 32],
    ]);
  });

  it('refuses curves with fractional prices or empty quantities, naming the field', () => {
    expect(() => clearDayAhead([buy('a', [40.5, 10]), sell('x', [30, 0])])).toThrowError(
      DomainError,
    );
    try {
      clearDayAhead([buy('a', [40.5, 10]), sell('x', [30, 0])]);
    } catch (error) {
      expect((error as DomainError).fieldIssues.map((i) => [i.field, i.rule])).toEqual([
        ['curves[0].steps[0].price', 'tick_size'],
        ['curves[1].steps[0].quantity', 'lot_size'],
      ]);
    }
  });
});
