import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../platform/errors.js';
import { rateLimited } from '../../platform/http/access.js';
import type { RateLimitStore } from '../../platform/http/rate-limit.js';
import { auditContextOf } from '../audit/index.js';
import type { AuthService, Session } from './auth-service.js';
import {
  changePasswordBody,
  loginBody,
  mfaConfirmBody,
  mfaEnrolment,
  sessionView,
  userView,
} from './schemas.js';
import { randomToken, safeEqual } from './secrets.js';
import type { UsersService } from './users-service.js';

export const REFRESH_COOKIE = 'eo_refresh';
export const CSRF_COOKIE = 'eo_csrf';
const REFRESH_PATH = '/api/v1/auth';

export interface AuthRouteOptions {
  auth: AuthService;
  users: UsersService;
  rateLimits: RateLimitStore;
  loginPerMinute: number;
  secureCookies: boolean;
}

/**
 * The refresh cookie is httpOnly and SameSite=strict; refresh and logout also need the
 * CSRF token from the readable cookie echoed in a header (double submit), which a page
 * on another origin cannot read.
 */
function requireCsrf(request: FastifyRequest): void {
  const cookie = request.cookies[CSRF_COOKIE];
  const header = request.headers['x-csrf-token'];
  if (!cookie || typeof header !== 'string' || !safeEqual(cookie, header)) {
    throw new DomainError('forbidden', 'csrf_failed', 'Missing or wrong x-csrf-token header');
  }
}

export function registerAuthRoutes(app: FastifyInstance, opts: AuthRouteOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { auth, users } = opts;

  function setSessionCookies(reply: FastifyReply, session: Session) {
    reply.setCookie(REFRESH_COOKIE, session.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: opts.secureCookies,
      path: REFRESH_PATH,
      expires: session.refreshExpiresAt,
    });
    reply.setCookie(CSRF_COOKIE, randomToken(24), {
      httpOnly: false,
      sameSite: 'strict',
      secure: opts.secureCookies,
      path: '/',
      expires: session.refreshExpiresAt,
    });
  }

  function clearSessionCookies(reply: FastifyReply) {
    reply.clearCookie(REFRESH_COOKIE, { path: REFRESH_PATH });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
  }

  const sessionBody = (s: Session) => ({
    accessToken: s.accessToken,
    expiresIn: s.expiresIn,
    user: s.user,
  });

  r.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the refresh and CSRF cookies',
        body: loginBody,
        response: { 200: sessionView },
      },
    },
    async (request, reply) => {
      const hit = await opts.rateLimits.hit(`login:${request.ip}`, 60_000);
      if (hit.count > opts.loginPerMinute) throw rateLimited(reply, hit.resetInMs);
      try {
        const session = await auth.login(auditContextOf(request), request.body);
        setSessionCookies(reply, session);
        return sessionBody(session);
      } catch (err) {
        if (err instanceof DomainError && (err.kind === 'locked' || err.kind === 'rate_limited')) {
          reply.header('retry-after', String(err.extra.retryAfterSeconds));
        }
        throw err;
      }
    },
  );

  r.post(
    '/api/v1/auth/refresh',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Rotate the refresh token and get a new access token',
        response: { 200: sessionView },
      },
    },
    async (request, reply) => {
      requireCsrf(request);
      const token = request.cookies[REFRESH_COOKIE];
      if (!token)
        throw new DomainError('unauthenticated', 'session_expired', 'No session to refresh');
      try {
        const session = await auth.refresh(auditContextOf(request), token);
        setSessionCookies(reply, session);
        return sessionBody(session);
      } catch (err) {
        clearSessionCookies(reply);
        throw err;
      }
    },
  );

  r.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'End the session of the refresh cookie',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      requireCsrf(request);
      await auth.logout(auditContextOf(request), request.cookies[REFRESH_COOKIE]);
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/api/v1/me',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: userView } },
    },
    async (request) => users.view(request.principal!.userId),
  );

  r.post(
    '/api/v1/me/password',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Change your password; every session of yours ends and this one gets new tokens',
        body: changePasswordBody,
        response: { 200: sessionView },
      },
    },
    async (request, reply) => {
      try {
        const session = await auth.changePassword(
          auditContextOf(request),
          request.principal!.userId,
          request.body,
        );
        setSessionCookies(reply, session);
        return sessionBody(session);
      } catch (err) {
        if (err instanceof DomainError && err.kind === 'rate_limited') {
          reply.header('retry-after', String(err.extra.retryAfterSeconds));
        }
        throw err;
      }
    },
  );

  r.post(
    '/api/v1/me/mfa/enrol',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Start TOTP enrolment: secret, otpauth URI and QR code',
        response: { 200: mfaEnrolment },
      },
    },
    async (request) => users.startMfaEnrolment(auditContextOf(request), request.principal!.userId),
  );

  r.post(
    '/api/v1/me/mfa/confirm',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Confirm enrolment with a current code',
        body: mfaConfirmBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await users.confirmMfa(auditContextOf(request), request.principal!.userId, request.body.totp);
      return reply.status(204).send(null);
    },
  );
}
