import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, startTestApp, type TestApp } from '../../../test-support/harness.js';

describe("reading an account's pre-trade limits", () => {
  let t: TestApp;
  const tokens: Record<string, Record<string, string>> = {};
  beforeAll(async () => {
    t = await startTestApp();
    for (const user of ['admin', 'risk', 'trader', 'viewer'])
      tokens[user] = bearer((await login(t.app, user)).token);
    const set = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/trading/limits/trader',
      headers: tokens.risk!,
      payload: { creditLimit: 5000, positions: [] },
    });
    expect(set.statusCode).toBe(200);
  });
  afterAll(() => t.close());

  const read = (user: string, account: string) =>
    t.app.inject({ url: `/api/v1/trading/limits/${account}`, headers: tokens[user]! });

  it('shows a trader their own account', async () => {
    const res = await read('trader', 'trader');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ account: 'trader', creditLimit: 5000 });
  });

  it("refuses a trader or a viewer another account's limits", async () => {
    for (const user of ['viewer', 'trader']) {
      const res = await read(user, user === 'trader' ? 'risk' : 'trader');
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'not_own_account' });
    }
  });

  it('shows risk managers and admins every account', async () => {
    for (const user of ['risk', 'admin']) {
      const res = await read(user, 'trader');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ creditLimit: 5000 });
    }
  });
});
