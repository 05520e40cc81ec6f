import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { login, startTestApp, type TestApp } from '../../test-support/harness.js';
import { hourlyWalk, ingestCloses, riskDesk } from './test-support.js';

const NOW = Date.UTC(2026, 5, 1, 8);
const NL = 'PWR-NL-FUT-M-BASE';
const run = { method: 'montecarlo', book: 'trader', scenarios: 2_000, seed: 5 };

describe('how many VaR runs one user may have going', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof riskDesk>>;
  let traderId: string;
  const start = (headers: Record<string, string>, payload: Record<string, unknown> = run) =>
    t.app.inject({ method: 'POST', url: '/api/v1/risk/var/runs', headers, payload });

  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock(NOW), env: { VAR_RUNS_PER_USER: '1' } });
    desk = await riskDesk(t.app);
    traderId = (await login(t.app, 'trader')).body.user.id;
    await ingestCloses(t.app, desk.admin, NL, hourlyWalk(31, 200, 60, 1, NOW));
  });
  afterAll(async () => t.close());

  it("refuses a run with 429 while the user's runs fill the limit, on any instance, and takes it once one ends", async () => {
    // A run of this trader's going on another instance holds the one slot there is.
    await t.platform.slots.acquire(`var-runs:${traderId}`, 'run-on-another-instance', 1, 60_000);

    const refused = await start(desk.alice);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.json()).toMatchObject({
      code: 'var_runs_at_limit',
      limit: 1,
      detail: expect.stringMatching(/at most 1 VaR run per user/),
    });
    // Other users are counted apart.
    expect((await start(desk.risk, { ...run, book: undefined })).statusCode).toBe(202);

    await t.platform.slots.release(`var-runs:${traderId}`, 'run-on-another-instance');
    expect((await start(desk.alice)).statusCode).toBe(202);
  });

  it('counts a Monte Carlo VaR asked for on request against the same limit, and frees its slot after', async () => {
    // The run the test above started may still hold the slot; take it as soon as it is free.
    let held = false;
    for (let i = 0; i < 200 && !held; i++) {
      held = await t.platform.slots.acquire(
        `var-runs:${traderId}`,
        'run-on-another-instance',
        1,
        60_000,
      );
      if (!held) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(held).toBe(true);
    const url = '/api/v1/risk/var?method=montecarlo&book=trader&scenarios=2000&seed=5';
    const refused = await t.app.inject({ method: 'GET', url, headers: desk.alice });
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'var_runs_at_limit' });
    // Methods that simulate nothing are not counted.
    const parametric = await t.app.inject({
      method: 'GET',
      url: '/api/v1/risk/var?method=parametric&book=trader',
      headers: desk.alice,
    });
    expect(parametric.statusCode).toBe(200);

    await t.platform.slots.release(`var-runs:${traderId}`, 'run-on-another-instance');
    expect((await t.app.inject({ method: 'GET', url, headers: desk.alice })).statusCode).toBe(200);
    // The answered request gave its slot back: a background run may start.
    await t.app
      .inject({ method: 'POST', url: '/api/v1/risk/var/runs', headers: desk.alice, payload: run })
      .then((r) => {
        expect(r.statusCode).toBe(202);
      });
  });
});
