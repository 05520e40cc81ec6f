import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WS_PROTOCOL } from '../../app.js';
import { SESSION_ENDED_CLOSE } from '../../platform/stream/session-sockets.js';
import { startTwoInstances } from '../../test-support/two-instances.js';
import {
  ADMIN_PASSWORD,
  DEMO_PASSWORD,
  bearer,
  cookieOf,
  login,
  startTestApp,
  type Login,
  type TestApp,
} from '../../test-support/harness.js';

let t: TestApp;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  admin = (await login(t.app, 'admin', ADMIN_PASSWORD)).token;
});
afterAll(() => t.close());

const me = (token: string) =>
  t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
const withSession = (s: Pick<Login, 'refreshCookie' | 'csrf'>) => ({
  cookies: { eo_refresh: s.refreshCookie, eo_csrf: s.csrf },
  headers: { 'x-csrf-token': s.csrf },
});

async function newUser(username: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: bearer(admin),
    payload: { username, displayName: username, password: DEMO_PASSWORD, roles: ['trader'] },
  });
  return res.json().id as string;
}

describe('access tokens die with their session', () => {
  it('stops answering at once after logout', async () => {
    const s = await login(t.app, 'viewer');
    expect((await me(s.token)).statusCode).toBe(200);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      ...withSession(s),
    });
    expect(out.statusCode).toBe(204);
    expect((await me(s.token)).statusCode).toBe(401);
  });

  it('stops order entry at once after logout, though order entry reuses a principal for a second', async () => {
    const s = await login(t.app, 'trader');
    const place = (clientOrderId: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/orders',
        headers: bearer(s.token),
        payload: {
          clientOrderId,
          instrumentId: 'PWR-DE-LU-FUT-M-BASE',
          side: 'buy',
          type: 'limit',
          price: 10,
          quantity: 1,
          timeInForce: 'GTC',
        },
      });
    expect((await place('before-logout')).statusCode).toBe(201);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      ...withSession(s),
    });
    expect(out.statusCode).toBe(204);
    expect((await place('after-logout')).statusCode).toBe(401);
  });

  it('closes the streams opened in a session when it logs out, and leaves other sessions streaming', async () => {
    const open = async (token: string) => {
      const socket = (await t.app.injectWS('/api/v1/stream', {
        headers: { 'sec-websocket-protocol': `${WS_PROTOCOL}, bearer.${token}` },
      })) as unknown as {
        on(event: 'close', listener: (code: number) => void): void;
        terminate(): void;
      };
      const closed = new Promise<number>((resolve) => socket.on('close', resolve));
      return { socket, closed };
    };
    const ending = await login(t.app, 'analyst');
    const staying = await login(t.app, 'analyst');
    const a = await open(ending.token);
    const b = await open(staying.token);
    let bClosed = false;
    void b.closed.then(() => (bClosed = true));
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      ...withSession(ending),
    });
    expect(out.statusCode).toBe(204);
    expect(await a.closed).toBe(SESSION_ENDED_CLOSE);
    expect(bClosed).toBe(false);
    expect((await me(staying.token)).statusCode).toBe(200);
    b.socket.terminate();
  });

  it('stops answering at once when a replayed refresh token ends the session, for thief and holder alike', async () => {
    const s = await login(t.app, 'risk');
    const rotated = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      ...withSession(s),
    });
    const holder = rotated.json().accessToken as string;
    expect((await me(holder)).statusCode).toBe(200);
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      ...withSession(s),
    });
    expect(replay.statusCode).toBe(401);
    expect((await me(s.token)).statusCode).toBe(401);
    expect((await me(holder)).statusCode).toBe(401);
    expect(cookieOf(rotated, 'eo_refresh')).toBeDefined();
  });

  it('stops answering at once when an admin disables the user', async () => {
    const id = await newUser('to.disable');
    const s = await login(t.app, 'to.disable');
    expect((await me(s.token)).statusCode).toBe(200);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: bearer(admin),
      payload: { disabled: true },
    });
    expect((await me(s.token)).statusCode).toBe(401);
    // Enabling the user again does not bring the old session back.
    await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: bearer(admin),
      payload: { disabled: false },
    });
    expect((await me(s.token)).statusCode).toBe(401);
  });

  it('ends every session of a user who changes their password, and gives the caller a new one', async () => {
    await newUser('changes.pw');
    const elsewhere = await login(t.app, 'changes.pw');
    const here = await login(t.app, 'changes.pw');
    const change = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: bearer(here.token),
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'Brand-new-Passw0rd' },
    });
    expect(change.statusCode).toBe(200);
    expect((await me(here.token)).statusCode).toBe(401);
    expect((await me(elsewhere.token)).statusCode).toBe(401);
    expect((await me(change.json().accessToken)).statusCode).toBe(200);
    const oldRefresh = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      ...withSession(elsewhere),
    });
    expect(oldRefresh.statusCode).toBe(401);
    expect((await login(t.app, 'changes.pw', 'Brand-new-Passw0rd')).body.user.username).toBe(
      'changes.pw',
    );
  });

  it('refuses a password change with a wrong current password or a weak new one, naming the field', async () => {
    await newUser('keeps.pw');
    const s = await login(t.app, 'keeps.pw');
    const change = (payload: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/me/password',
        headers: bearer(s.token),
        payload,
      });
    const wrong = await change({
      currentPassword: 'not-my-password',
      newPassword: 'Brand-new-Passw0rd',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([
      expect.objectContaining({ field: 'currentPassword', rule: 'wrong_password' }),
    ]);
    const weak = await change({ currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([
      expect.objectContaining({ field: 'newPassword', rule: 'min_length' }),
    ]);
    // Nothing changed: the session and the old password still work.
    expect((await me(s.token)).statusCode).toBe(200);
    await login(t.app, 'keeps.pw');
  });

  it.skipIf(!process.env.REDIS_URL || !process.env.DATABASE_URL)(
    'ends the session on every instance at once, though another had just found it open',
    async () => {
      const [one, two] = await startTwoInstances();
      try {
        const s = await login(one.app, 'viewer');
        const meOn = (app: typeof one.app) =>
          app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(s.token) });
        // Instance two has the session cached as open when instance one ends it.
        expect((await meOn(two.app)).statusCode).toBe(200);
        const out = await one.app.inject({
          method: 'POST',
          url: '/api/v1/auth/logout',
          ...withSession(s),
        });
        expect(out.statusCode).toBe(204);
        expect((await meOn(two.app)).statusCode).toBe(401);
      } finally {
        await one.close();
        await two.close();
      }
    },
  );
});
