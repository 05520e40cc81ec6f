import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { createTokenSigner } from './tokens.js';

const claims = {
  sub: '7d0f3b4e-0000-4000-8000-000000000001',
  username: 'trader',
  roles: ['trader'],
  sid: 's1',
};

describe('access token issue time', () => {
  const clock = new ManualClock(Date.UTC(2026, 5, 1, 8, 0, 0));
  const signer = createTokenSigner({ secrets: ['s'.repeat(40)], ttlSeconds: 900, clock });

  async function issuedAhead(seconds: number): Promise<string> {
    const now = clock.now();
    clock.set(now + seconds * 1000);
    const { token } = await signer.sign(claims);
    clock.set(now);
    return token;
  }

  it('refuses a token issued more than a minute in the future', async () => {
    expect(await signer.verify(await issuedAhead(600))).toBeUndefined();
  });

  it('accepts a token from a clock a few seconds ahead', async () => {
    expect(await signer.verify(await issuedAhead(20))).toMatchObject({ sub: claims.sub });
  });
});
