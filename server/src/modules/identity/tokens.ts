import { createHash } from 'node:crypto';
import { SignJWT, errors as joseErrors, jwtVerify } from 'jose';
import type { Clock } from '../../platform/clock.js';

const ISSUER = 'energyopti';
/** How far ahead of our clock another instance's may run; a token from further ahead is forged. */
const IAT_LEEWAY_SECONDS = 60;
const AUDIENCE = 'energyopti-api';

export interface AccessClaims {
  sub: string;
  username: string;
  roles: string[];
  /** The session (refresh-token family) the token belongs to; it dies with it. */
  sid: string;
}

export interface TokenSigner {
  sign(claims: AccessClaims): Promise<{ token: string; expiresIn: number }>;
  /** Returns the claims of a valid token, or undefined for any invalid one. */
  verify(token: string): Promise<AccessClaims | undefined>;
}

/**
 * Short-lived HS256 access tokens. The first secret signs; the others still verify, so
 * a secret can rotate without logging everyone out. Each key is named by a key id
 * derived from it, carried in the token header.
 */
export function createTokenSigner(opts: {
  secrets: readonly string[];
  ttlSeconds: number;
  clock: Clock;
}): TokenSigner {
  if (opts.secrets.length === 0) throw new Error('at least one signing secret is needed');
  const keys = opts.secrets.map((s) => ({
    kid: createHash('sha256').update(s).digest('hex').slice(0, 16),
    key: new TextEncoder().encode(s),
  }));
  const signing = keys[0]!;
  const byKid = new Map(keys.map((k) => [k.kid, k.key]));

  return {
    async sign(claims) {
      const nowSec = Math.floor(opts.clock.now() / 1000);
      const token = await new SignJWT({
        username: claims.username,
        roles: claims.roles,
        sid: claims.sid,
        typ: 'access',
      })
        .setProtectedHeader({ alg: 'HS256', kid: signing.kid, typ: 'JWT' })
        .setSubject(claims.sub)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(nowSec)
        .setExpirationTime(nowSec + opts.ttlSeconds)
        .sign(signing.key);
      return { token, expiresIn: opts.ttlSeconds };
    },

    async verify(token) {
      try {
        const { payload } = await jwtVerify(
          token,
          async (header) => {
            const key = header.kid ? byKid.get(header.kid) : undefined;
            if (!key) throw new joseErrors.JWKSNoMatchingKey();
            return key;
          },
          {
            algorithms: ['HS256'],
            issuer: ISSUER,
            audience: AUDIENCE,
            currentDate: new Date(opts.clock.now()),
          },
        );
        if (payload.typ !== 'access' || typeof payload.sub !== 'string') return undefined;
        if (typeof payload.username !== 'string' || !Array.isArray(payload.roles)) return undefined;
        if (typeof payload.sid !== 'string') return undefined;
        // A token issued in the future was not issued by us (or outlives its stated life).
        if (
          typeof payload.iat !== 'number' ||
          payload.iat > opts.clock.now() / 1000 + IAT_LEEWAY_SECONDS
        )
          return undefined;
        return {
          sub: payload.sub,
          username: payload.username,
          roles: payload.roles.filter((r): r is string => typeof r === 'string'),
          sid: payload.sid,
        };
      } catch {
        return undefined;
      }
    },
  };
}
