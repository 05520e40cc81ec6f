import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { startTestApp, type TestApp } from '../../test-support/harness.js';
import { cornishFisherQuantile, normalCdf, normalInverseCdf, normalPdf } from './domain/index.js';
import { hourlyWalk, ingestCloses, riskDesk } from './test-support.js';

const NOW = Date.UTC(2026, 5, 1, 8);
const YEAR_MS = 365 * 86_400_000;
const POWER = 'PWR-DE-LU-FUT-M-BASE';
const walk = hourlyWalk(21, 200, 88, 1.2, NOW);
const forward = walk[walk.length - 1]!.price;
const moves = walk.slice(1).map((c, i) => (c.price - walk[i]!.price) * Math.sqrt(24));
const mean = moves.reduce((a, b) => a + b, 0) / moves.length;
const dailyVariance = moves.reduce((a, b) => a + (b - mean) ** 2, 0) / (moves.length - 1);
const z = normalInverseCdf(0.99);

const call = {
  book: 'trader',
  underlying: POWER,
  type: 'call',
  strike: 90,
  expiresAt: new Date(NOW + 0.25 * YEAR_MS).toISOString(),
  quantity: 10,
  volatility: 0.5,
  rate: 0.02,
};

/** Black-76 delta and gamma of `quantity` options, written out from the closed form. */
function closedForm(quantity: number, type: 'call' | 'put') {
  const s = 0.5 * Math.sqrt(0.25);
  const d1 = (Math.log(forward / 90) + (s * s) / 2) / s;
  const df = Math.exp(-0.02 * 0.25);
  const d2 = d1 - s;
  const unitPrice =
    type === 'call'
      ? df * (forward * normalCdf(d1) - 90 * normalCdf(d2))
      : df * (90 * normalCdf(-d2) - forward * normalCdf(-d1));
  return {
    price: unitPrice,
    delta: quantity * df * (type === 'call' ? normalCdf(d1) : normalCdf(d1) - 1),
    gamma: (quantity * df * normalPdf(d1)) / (forward * s),
  };
}

interface OptionList {
  items: {
    id: string;
    book: string;
    valuation: {
      forward: number;
      unitPrice: number;
      value: number;
      delta: number;
      gamma: number;
      vega: number;
    } | null;
  }[];
}
interface VarBody {
  var: number;
  positions: number;
  contributions: { key: string; component: number }[];
}

describe('options on futures in the risk register and in VaR', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof riskDesk>>;
  const get = (url: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'GET', url, headers });
  const post = (payload: Record<string, unknown>, headers = desk.risk) =>
    t.app.inject({ method: 'POST', url: '/api/v1/risk/options', headers, payload });
  let callId = '';

  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock(NOW) });
    desk = await riskDesk(t.app);
    await ingestCloses(t.app, desk.admin, POWER, walk);
    const created = await post(call);
    expect(created.statusCode, created.body).toBe(201);
    callId = created.json<{ id: string }>().id;
  });
  afterAll(async () => t.close());

  it('values a registered option by Black-76 at the last futures close', async () => {
    const res = await get('/api/v1/risk/options', desk.alice);
    expect(res.statusCode).toBe(200);
    const [item] = res.json<OptionList>().items;
    const exact = closedForm(10, 'call');
    expect(item!.valuation!.forward).toBe(forward);
    expect(item!.valuation!.unitPrice).toBeCloseTo(exact.price, 9);
    expect(item!.valuation!.value).toBeCloseTo(10 * exact.price, 8);
    expect(item!.valuation!.delta).toBeCloseTo(exact.delta, 9);
    expect(item!.valuation!.gamma).toBeCloseTo(exact.gamma, 9);
  });

  it('puts the option delta into delta-normal VaR: z sigma |q delta| sqrt(h)', async () => {
    const res = await get(
      '/api/v1/risk/var?book=trader&method=parametric&approximation=delta-normal&horizonDays=10',
      desk.alice,
    );
    const body = res.json<VarBody>();
    expect(body.positions).toBe(1);
    expect(body.var).toBeCloseTo(
      z * Math.abs(closedForm(10, 'call').delta) * Math.sqrt(dailyVariance * 10),
      6,
    );
  });

  it('adds the gamma by the Cornish-Fisher quantile of the delta-gamma P&L', async () => {
    const { delta: d, gamma: g } = closedForm(10, 'call');
    const v = dailyVariance * 10;
    // Cumulants of d X + g X^2 / 2 for X ~ N(0, v).
    const k1 = 0.5 * g * v;
    const k2 = d * d * v + 0.5 * g * g * v * v;
    const k3 = 3 * d * d * g * v * v + g ** 3 * v ** 3;
    const k4 = 12 * d * d * g * g * v ** 3 + 3 * g ** 4 * v ** 4;
    const expected = -(
      k1 +
      Math.sqrt(k2) * cornishFisherQuantile(-z, k3 / k2 ** 1.5, k4 / (k2 * k2))
    );
    const body = (
      await get('/api/v1/risk/var?book=trader&method=parametric&horizonDays=10', desk.alice)
    ).json<VarBody>();
    expect(body.var).toBeCloseTo(expected, 6);
    // Long gamma thins the loss tail.
    const linear = (
      await get(
        '/api/v1/risk/var?book=trader&method=parametric&approximation=delta-normal&horizonDays=10',
        desk.alice,
      )
    ).json<VarBody>();
    expect(body.var).toBeLessThan(linear.var);
  });

  it("splits the desk's VaR by book, the components adding up to it", async () => {
    const put = await post({ ...call, book: 'trader2', type: 'put', quantity: -10 });
    expect(put.statusCode).toBe(201);
    const body = (
      await get(
        '/api/v1/risk/var?method=parametric&approximation=delta-normal&groupBy=book',
        desk.risk,
      )
    ).json<VarBody>();
    expect(body.positions).toBe(2);
    expect(body.contributions.map((c) => c.key).sort()).toEqual(['trader', 'trader2']);
    expect(body.contributions.reduce((sum, c) => sum + c.component, 0)).toBeCloseTo(body.var, 6);
    // A sold put is long delta like a bought call: the desk's deltas add.
    const netDelta = closedForm(10, 'call').delta + closedForm(-10, 'put').delta;
    expect(body.var).toBeCloseTo(z * Math.abs(netDelta) * Math.sqrt(dailyVariance), 6);
    // trader sees only their own book's options.
    const mine = (await get('/api/v1/risk/options', desk.alice)).json<OptionList>();
    expect(mine.items.map((i) => i.book)).toEqual(['trader']);
  });

  it('lets only a risk manager register options, and refuses what cannot be valued, naming the field', async () => {
    expect((await post(call, desk.alice)).statusCode).toBe(403);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ ...call, underlying: 'PWR-DE-LU-DA-H' }, 'underlying', 'futures_contract'],
      [{ ...call, underlying: 'NO-SUCH' }, 'underlying', 'known_instrument'],
      [{ ...call, expiresAt: new Date(NOW - 1000).toISOString() }, 'expiresAt', 'future'],
      [{ ...call, quantity: 0 }, 'quantity', 'non_zero'],
    ];
    for (const [payload, field, rule] of cases) {
      const res = await post(payload);
      expect(res.statusCode, field).toBe(400);
      expect(res.json()).toMatchObject({ errors: [{ field, rule }] });
    }
    const negative = await post({ ...call, strike: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json()).toMatchObject({ errors: [{ field: 'strike' }] });
  });

  it('revalues options in full under a stress, so a volatility shock moves them and a price shock moves their forward', async () => {
    const stress = (custom: Record<string, unknown>[]) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/risk/stress',
        headers: desk.alice,
        payload: { book: 'trader', custom },
      });
    type Stressed = {
      results: {
        totalPnl: number;
        positions: {
          instrumentId: string;
          pnl: number;
          volatility?: number;
          stressedVolatility?: number;
          stressedPrice: number;
        }[];
      }[];
    };
    const optionOf = (body: Stressed) =>
      body.results[0]!.positions.find((p) => p.instrumentId.startsWith(`${POWER} call 90`))!;

    const volUp = await stress([
      { commodity: 'DE-POWER', measure: 'volatility', shock: 0.5, kind: 'relative' },
    ]);
    expect(volUp.statusCode, volUp.body).toBe(200);
    const vol = optionOf(volUp.json<Stressed>());
    expect(vol).toMatchObject({
      volatility: 0.5,
      stressedVolatility: 0.75,
      stressedPrice: forward,
    });
    // A long call gains from volatility: vega times the shock, give or take convexity.
    expect(vol.pnl).toBeGreaterThan(0);

    const priceDown = optionOf(
      (await stress([{ commodity: 'DE-POWER', shock: -0.2, kind: 'relative' }])).json<Stressed>(),
    );
    expect(priceDown.stressedPrice).toBeCloseTo(forward * 0.8, 9);
    expect(priceDown.stressedVolatility).toBe(0.5);
    // The call loses, but less than its delta alone would say (long gamma).
    expect(priceDown.pnl).toBeLessThan(0);
    expect(priceDown.pnl).toBeGreaterThan(closedForm(10, 'call').delta * -0.2 * forward);
  });

  it('leaves a retired option out of VaR', async () => {
    const del = (id: string) =>
      t.app.inject({ method: 'DELETE', url: `/api/v1/risk/options/${id}`, headers: desk.risk });
    expect((await del(callId)).statusCode).toBe(204);
    expect((await del(callId)).statusCode).toBe(404);
    const body = (
      await get('/api/v1/risk/var?book=trader&method=parametric', desk.alice)
    ).json<VarBody>();
    expect(body).toMatchObject({ positions: 0, var: 0 });
  });
});
