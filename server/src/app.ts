import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import {
  KEYED_AUDIT_MIGRATION,
  auditKeyringOf,
  createAuditRepo,
  createAuditTrail,
  registerAuditRoutes,
} from './modules/audit/index.js';
import { demoDeskEnabled, seedDemoDesk } from './demo-desk/seed-desk.js';
import { createIdentity } from './modules/identity/index.js';
import { domainModules } from './modules/registry.js';
import { systemClock, type Clock } from './platform/clock.js';
import {
  registerAccessControl,
  requireDeclaredAccess,
  type DeclaredRoute,
} from './platform/http/access.js';
import { registerHealthRoutes } from './platform/http/health.js';
import { registerOpsAccess } from './platform/http/ops-access.js';
import {
  answerFrameworkError,
  registerProblemHandlers,
  routeNotFound,
} from './platform/http/problem.js';
import { registerStorableTextCheck } from './platform/http/storable-text.js';
import { loggerOptions } from './platform/observability/logger.js';
import { createMetrics, registerMetrics } from './platform/observability/metrics.js';
import type { ModuleContext } from './platform/module.js';
import type { Platform } from './platform/runtime.js';
import {
  SESSION_ENDED_TOPIC,
  SessionSockets,
  type SessionEndedMessage,
} from './platform/stream/session-sockets.js';

export interface AppOptions {
  config: Config;
  platform: Platform;
  jwtSecrets: string[];
  clock?: Clock;
  /** Tests pass false to keep their output quiet, or a stream to read the log lines. */
  logger?: boolean | { write(line: string): void };
  /** Domain modules, registered in order after identity and audit. */
  modules?: ((ctx: ModuleContext) => Promise<void> | void)[];
  /** Users to create when the database has none. */
  seed?: { adminPassword: string | undefined; demoPassword: string | undefined };
  /**
   * Tests of the layers behind the gateway pass false to let text PostgreSQL cannot store
   * through, to show those layers do not depend on the gateway refusing it.
   */
  storableTextCheck?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    declaredRoutes: DeclaredRoute[];
  }
}

/** The subprotocol a WebSocket client asks for, beside `bearer.<access token>`. */
export const WS_PROTOCOL = 'energyopti.v1';

function bearerFromWebSocketProtocols(header: string | undefined): string | undefined {
  const token = header
    ?.split(',')
    .map((p) => p.trim())
    .find((p) => p.startsWith('bearer.'));
  return token ? `Bearer ${token.slice('bearer.'.length)}` : undefined;
}

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { config, platform } = opts;
  const clock = opts.clock ?? systemClock;
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : typeof opts.logger === 'object'
          ? { ...loggerOptions(config.LOG_LEVEL), stream: opts.logger }
          : loggerOptions(config.LOG_LEVEL),
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    // A caller's own request id is kept when it is harmless, so traces join up.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: answerFrameworkError,
    // The domain modules register inside one plugin, and some start long work there (the
    // demo market's two years of history, every book rebuilt from its log): Fastify's
    // 10 s default would fail a slow start on a busy machine, while a hang still ends.
    pluginTimeout: 300_000,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerProblemHandlers(app);
  if (opts.storableTextCheck !== false) registerStorableTextCheck(app);
  app.decorate('declaredRoutes', requireDeclaredAccess(app));
  // Streams are authenticated once, at the upgrade; a session that ends closes its sockets.
  const sessionSockets = new SessionSockets();
  app.decorate('sessionSockets', sessionSockets);

  await app.register(fastifyCookie);
  await app.register(fastifyWebsocket, {
    options: {
      maxPayload: 64 * 1024,
      // Browsers cannot set headers on a WebSocket, so the access token travels as a
      // subprotocol (`bearer.<jwt>`); the server answers with the plain protocol name.
      handleProtocols: (protocols: Set<string>) =>
        protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false,
    },
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.production ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCors, {
    origin: (origin, cb) => cb(null, !origin || config.CORS_ORIGINS.includes(origin)),
    credentials: true,
    // Every method the API routes use, and the headers its clients send, so a browser
    // on an allowed origin can amend (PATCH, PUT) and cancel (DELETE) as well as read.
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'x-csrf-token', 'x-request-id', 'x-api-key'],
    exposedHeaders: ['x-request-id', 'retry-after'],
  });

  registerOpsAccess(app, { guarded: config.opsGuarded, token: config.OPS_TOKEN });
  const metrics = createMetrics();
  registerMetrics(app, metrics);

  const audit = createAuditTrail({
    db: platform.dbs.db,
    reader: platform.dbs.reader,
    repo: createAuditRepo(),
    clock,
    keys: auditKeyringOf({
      key: config.AUDIT_HMAC_KEY,
      previousKeys: config.AUDIT_HMAC_PREVIOUS_KEYS,
      signingSecret: opts.jwtSecrets[0]!,
    }),
  });
  const identity = createIdentity({
    db: platform.dbs.db,
    reader: platform.dbs.reader,
    audit,
    clock,
    rateLimits: platform.rateLimits,
    cache: platform.cache,
    bus: platform.bus,
    alerts: app.log,
    jwtSecrets: opts.jwtSecrets,
    // Its own key where set (production requires it), so rotating JWT_SECRET keeps enrolments.
    mfaKey: config.MFA_ENCRYPTION_KEY ?? opts.jwtSecrets[0]!,
    accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS,
    refreshTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
    lockoutThreshold: config.LOCKOUT_THRESHOLD,
    lockoutAccountAddresses: config.LOCKOUT_ACCOUNT_ADDRESSES,
    loginPerMinute: config.LOGIN_RATE_LIMIT_PER_MINUTE,
    secureCookies: config.production,
  });
  const accessControl = registerAccessControl(app, {
    authenticate: (request) =>
      identity.auth.authenticate({
        authorization:
          request.headers.authorization ??
          bearerFromWebSocketProtocols(request.headers['sec-websocket-protocol']),
        apiKey:
          typeof request.headers['x-api-key'] === 'string'
            ? request.headers['x-api-key']
            : undefined,
      }),
    rateLimits: platform.rateLimits,
    perUserPerMinute: config.RATE_LIMIT_PER_MINUTE,
    perIpPerMinute: config.RATE_LIMIT_PER_MINUTE,
  });
  // A session that ends stops its streams and the principals order entry reuses, on every instance.
  const stopFollowingSessionEnds = await platform.bus.subscribe(SESSION_ENDED_TOPIC, (message) => {
    accessControl.forgetPrincipals();
    sessionSockets.ended((message as SessionEndedMessage).sessionIds);
  });
  app.addHook('onClose', async () => stopFollowingSessionEnds());

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'EnergyOpti-Pro API',
        version: '0.1.0',
        description:
          'Energy trading and risk management. Errors are RFC 9457 problem+json with a stable `code`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        },
      },
      security: [{ bearer: [] }, { apiKey: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    // The plugin's own policy allows styles from any https origin but not the inline styles
    // Swagger UI sets as it renders, and upgrades requests to https even on a plain-http
    // development server; this one is the app's policy with inline styles allowed.
    staticCSP: [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self' data:",
      "object-src 'none'",
      "frame-ancestors 'none'",
      ...(config.production ? ['upgrade-insecure-requests'] : []),
    ].join('; '),
  });

  await app.register(async (api) => {
    registerHealthRoutes(api, platform, metrics);
    registerAuditRoutes(api, audit);
    identity.register(api);
    for (const register of opts.modules ?? domainModules()) {
      await register({
        app: api,
        config,
        platform,
        clock,
        metrics,
        onClose: (stop) => api.addHook('onClose', async () => stop()),
      });
    }
    api.get(
      '/api/openapi.json',
      { config: { access: 'public' }, schema: { hide: true } },
      async () => app.swagger(),
    );
  });

  const webApp = await serveWebApp(app, config);
  // Unknown page paths get the web app, which routes on the client; unknown API paths a problem.
  app.setNotFoundHandler((request, reply) =>
    webApp && request.method === 'GET' && !request.url.startsWith('/api/')
      ? reply.type('text/html').sendFile('index.html')
      : routeNotFound(request, reply),
  );
  // Only the start that keys the chain may seal what came before: a later start sealing an
  // unkeyed chain would bless one that someone with the database had rewritten.
  if (
    platform.appliedMigrations.includes(KEYED_AUDIT_MIGRATION) &&
    (await audit.sealUnkeyedChain())
  ) {
    app.log.info('sealed the audit entries written before the chain was keyed');
  }
  const sealed = await identity.sealStoredMfaSecrets();
  if (sealed > 0)
    app.log.info({ users: sealed }, 'sealed TOTP secrets stored before encryption at rest');
  if (opts.seed) {
    const seeded = await identity.seed(opts.seed.adminPassword, opts.seed.demoPassword);
    if (seeded.length > 0) app.log.info({ users: seeded }, 'seeded users on an empty database');
  }
  // The demo desk goes through the routes, so every module must be registered and ready.
  if (demoDeskEnabled(config) && opts.seed?.adminPassword && opts.seed.demoPassword) {
    await app.ready();
    // A demo that cannot seed its desk (say, a changed demo password) still serves.
    try {
      const deals = await seedDemoDesk(app, {
        adminPassword: opts.seed.adminPassword,
        demoPassword: opts.seed.demoPassword,
        now: clock.now(),
      });
      if (deals > 0) app.log.info({ deals }, 'seeded the demo desk on an empty database');
    } catch (err) {
      app.log.warn({ err }, 'the demo desk was not seeded');
    }
  }
  return app;
}

/** The built web app, with index.html for every client-side route. */
async function serveWebApp(app: FastifyInstance, config: Config): Promise<boolean> {
  const dist = config.WEB_DIST_DIR ?? findUp('web/dist');
  if (!dist || !existsSync(path.join(dist, 'index.html'))) return false;
  await app.register(fastifyStatic, { root: dist, wildcard: false, index: ['index.html'] });
  return true;
}

/** `target` in the nearest folder above this file that has it (source tree or dist/). */
function findUp(target: string): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(path.join(dir, target))) return path.join(dir, target);
    dir = path.dirname(dir);
  }
  return undefined;
}
