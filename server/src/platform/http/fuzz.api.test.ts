import fc from 'fast-check';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  DEMO_PASSWORD,
  login,
  startTestApp,
  type TestApp,
} from '../../test-support/harness.js';
import {
  hostileValue,
  plausible,
  plausibleObject,
  unknownFields,
  urlPart,
  type JsonSchema,
} from '../../test-support/fuzz-inputs.js';

/**
 * Walks every route of the app's own OpenAPI document with each role's token and sends
 * generated requests: each case puts a hostile value (NUL, lone surrogates, very long
 * text, ±1e308, "NaN", 2^53+1, zero and negative numbers, deep nesting, wrong types) in
 * one field of an otherwise plausible request, sometimes with unknown fields. Whatever it
 * sends, the server answers no 5xx, every refusal is problem+json that names a field (or
 * carries a code saying why: credentials, permission, not found), a refused request
 * changes nothing stored, and a trader placing orders meanwhile sees every one succeed.
 * Fixed seed and few cases per route, so the run is the same each time and stays short.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
// FUZZ_SEED and FUZZ_CASES explore further locally; CI keeps the defaults.
const CASES_PERMITTED = Number(process.env.FUZZ_CASES ?? 6);
const CASES_REFUSED = 1;
const ROLES = ['admin', 'trader', 'risk', 'compliance', 'analyst', 'viewer'] as const;

interface Operation {
  method: string;
  path: string;
  access: string;
  pathParams: Record<string, JsonSchema>;
  query: JsonSchema;
  body: JsonSchema | undefined;
}

interface Sent {
  method: string;
  url: string;
  payload?: string;
}

let t: TestApp;
const tokens: Record<string, { token: string; permissions: string[] }> = {};
let operations: Operation[] = [];

beforeAll(async () => {
  t = await startTestApp();
  for (const role of ROLES) {
    const session = await login(t.app, role);
    tokens[role] = { token: session.token, permissions: session.body.user.permissions };
  }
  const admin = bearer(tokens.admin!.token);
  const victim = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: admin,
    payload: {
      username: 'victim',
      displayName: 'Victim Trader',
      password: DEMO_PASSWORD,
      roles: ['trader'],
    },
  });
  expect(victim.statusCode).toBe(201);
  operations = readOperations((await t.app.inject('/api/openapi.json')).json());
});
afterAll(() => t.close());

type Document = {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; schema: JsonSchema }[];
        requestBody?: { content: Record<string, { schema: JsonSchema }> };
      }
    >
  >;
};

function readOperations(doc: Document): Operation[] {
  const access = new Map(
    t.app.declaredRoutes.map((r) => [`${r.method} ${r.url}`, String(r.access)]),
  );
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const fastifyPath = path.replace(/\{(\w+)\}/g, ':$1');
      const query: JsonSchema = { type: 'object', properties: {}, required: [] };
      const pathParams: Record<string, JsonSchema> = {};
      for (const p of op.parameters ?? []) {
        if (p.in === 'path') pathParams[p.name] = p.schema;
        if (p.in === 'query') query.properties![p.name] = p.schema;
      }
      out.push({
        method: method.toUpperCase(),
        path,
        access: access.get(`${method.toUpperCase()} ${fastifyPath}`) ?? 'public',
        pathParams,
        query,
        body: op.requestBody?.content['application/json']?.schema,
      });
    }
  }
  return out;
}

/** Which part of the request the hostile value goes into, and the field it replaces. */
type Target = { part: 'path' | 'query' | 'body'; field: string };

function targetsOf(op: Operation): Target[] {
  return [
    ...Object.keys(op.pathParams).map((field) => ({ part: 'path' as const, field })),
    ...Object.keys(op.query.properties ?? {}).map((field) => ({ part: 'query' as const, field })),
    ...Object.keys(op.body?.properties ?? {}).map((field) => ({ part: 'body' as const, field })),
    ...(op.body && !op.body.properties ? [{ part: 'body' as const, field: '' }] : []),
  ];
}

function caseArbitrary(op: Operation): fc.Arbitrary<Sent> {
  const targets = targetsOf(op);
  return fc
    .record({
      target: targets.length > 0 ? fc.constantFrom(...targets) : fc.constant(undefined),
      hostile: hostileValue,
      extra: fc.option(unknownFields, { freq: 3 }),
      dropOptional: fc.boolean(),
    })
    .map(({ target, hostile, extra, dropOptional }) => {
      const params: Record<string, unknown> = {};
      for (const [name, schema] of Object.entries(op.pathParams))
        params[name] = plausible(schema, name);
      const query = plausibleObject(op.query);
      let body: unknown = op.body ? plausible(op.body) : undefined;
      if (dropOptional) {
        for (const key of Object.keys(query))
          if (!op.query.required?.includes(key)) delete query[key];
      }
      if (target?.part === 'path') params[target.field] = hostile;
      if (target?.part === 'query') query[target.field] = hostile;
      if (target?.part === 'body') {
        if (target.field === '') body = hostile;
        else body = { ...(body as object), [target.field]: hostile };
      }
      if (extra && body !== null && typeof body === 'object' && !Array.isArray(body))
        body = { ...body, ...extra };
      const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => urlPart(params[name]));
      const search = Object.entries(query)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${urlPart(v)}`)
        .join('&');
      return {
        method: op.method,
        url: search ? `${path}?${search}` : path,
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      };
    });
}

// Tables whose rows a refused request may add: the audit trail records refusals, sign-in
// throttling counts failures, and compliance keeps every pre-trade decision (refusals
// too, written in batches a moment after the answer, so the victim's land anywhere).
// Surveillance alerts and the ledger follow trading's events after the fact, so an
// earlier accepted trade may reach them during a later refusal. A book snapshot is a
// cache of the book's log, written after the batch that made it due (every 10,000
// commands, which the victim's book reaches), so it too may land during a refusal.
// Every other table must be as it was.
const MAY_CHANGE = new Set([
  'audit_log',
  'book_snapshots',
  'compliance_decisions',
  'compliance_alerts',
  'ledger_leaves',
  'ledger_nodes',
  'ledger_state',
  'ledger_tree_heads',
  'login_throttle',
  'login_address_throttle',
  'schema_migrations',
]);
let countedTables: string[] = [];
const VICTIM_INSTRUMENT = 'PWR-FR-FUT-M-BASE';

async function snapshot(): Promise<Record<string, string>> {
  if (countedTables.length === 0) {
    const tables = await t.platform.dbs.db.introspection.getTables();
    countedTables = tables
      .map((x) => x.name)
      .filter((n) => !MAY_CHANGE.has(n) && !n.startsWith('md_ticks_'));
  }
  // The victim's orders go to their own book, so its rows are left out of the count.
  // An order the book refuses by its rules is recorded as rejected, on purpose (every
  // denial is kept and shown); only a rejected order and its command may appear then.
  const parts = countedTables.map((name) =>
    name === 'orders'
      ? sql`select ${name} as name, count(*)::text as n from orders where instrument_id <> ${VICTIM_INSTRUMENT} and status <> 'rejected'`
      : name === 'order_commands'
        ? sql`select ${name} as name, count(*)::text as n from order_commands where instrument_id <> ${VICTIM_INSTRUMENT} and kind not in ('submit', 'pre_trade_reject')`
        : sql`select ${name} as name, count(*)::text as n from ${sql.table(name)}`,
  );
  const rows = await sql<{ name: string; n: string }>`${sql.join(parts, sql` union all `)}`.execute(
    t.platform.dbs.db,
  );
  const digest = await sql<{ d: string | null }>`
    select md5(coalesce((select string_agg(r::text, ',' order by r::text) from role_policies r), '') ||
      coalesce((select string_agg(u.username || u.roles::text || u.disabled::text, ',' order by u.username) from users u), '')) as d`.execute(
    t.platform.dbs.db,
  );
  return {
    ...Object.fromEntries(rows.rows.map((r) => [r.name, r.n])),
    policiesAndUsers: digest.rows[0]?.d ?? '',
  };
}

function checkAnswer(sent: Sent, role: string, res: LightMyRequestResponse): string | undefined {
  const where = `${role} ${sent.method} ${sent.url.slice(0, 200)} ${sent.payload?.slice(0, 200) ?? ''}`;
  if (res.statusCode >= 500) return `${where} → ${res.statusCode} ${res.body.slice(0, 300)}`;
  if (res.statusCode < 400) return undefined;
  if (!String(res.headers['content-type']).includes('application/problem+json')) {
    return `${where} → ${res.statusCode} is not problem+json`;
  }
  const problem = res.json<{ code?: string; errors?: { field?: string }[] }>();
  if (typeof problem.code !== 'string') return `${where} → ${res.statusCode} has no code`;
  const named = (problem.errors ?? []).some(
    (e) => typeof e.field === 'string' && e.field.length > 0,
  );
  // Other refusals (credentials, permission, not found, conflict, limits) say why by their code.
  if (res.statusCode === 400 && !named) return `${where} → 400 ${problem.code} names no field`;
  return undefined;
}

const permits = (role: string, op: Operation) =>
  op.access === 'public' ||
  op.access === 'authenticated' ||
  tokens[role]!.permissions.includes(op.access);

describe('API fuzzing', () => {
  it('answers every generated request without a 5xx, names what it refuses and changes nothing when it refuses', async () => {
    expect(operations.length).toBeGreaterThan(50);
    const failures: string[] = [];
    const victimResults: number[] = [];
    let stop = false;
    let victimCounter = 0;
    let sentCount = 0;
    const victimToken = bearer((await login(t.app, 'victim')).token);
    // The victim trades all through the run, so their orders share group commits with the fuzzer's.
    const victim = (async () => {
      while (!stop) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/orders',
          headers: victimToken,
          payload: {
            clientOrderId: `victim-${++victimCounter}`,
            instrumentId: VICTIM_INSTRUMENT,
            side: 'buy',
            type: 'limit',
            price: 10,
            quantity: 1,
            timeInForce: 'GTC',
          },
        });
        victimResults.push(res.statusCode);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();

    try {
      for (const [index, op] of operations.entries()) {
        const arbitrary = caseArbitrary(op);
        const anonymous = fc.sample(arbitrary, { seed: SEED + index, numRuns: 1 });
        const sessions: [string, Record<string, string>, Sent[]][] = [['anonymous', {}, anonymous]];
        for (const role of ROLES) {
          const runs = permits(role, op) ? CASES_PERMITTED : CASES_REFUSED;
          sessions.push([
            role,
            bearer(tokens[role]!.token),
            fc.sample(arbitrary, { seed: SEED + index * 31 + role.length, numRuns: runs }),
          ]);
        }
        for (const [role, headers, cases] of sessions) {
          for (const sent of cases) {
            const writes = sent.method !== 'GET';
            const before = writes ? await snapshot() : undefined;
            const res = await t.app.inject({
              method: sent.method as 'GET',
              url: sent.url,
              headers: {
                ...headers,
                ...(sent.payload !== undefined ? { 'content-type': 'application/json' } : {}),
              },
              ...(sent.payload !== undefined ? { payload: sent.payload } : {}),
            });
            sentCount += 1;
            const wrong = checkAnswer(sent, role, res);
            if (wrong) failures.push(wrong);
            if (before && res.statusCode >= 400) {
              const after = await snapshot();
              const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
              if (changed.length > 0)
                failures.push(
                  `${role} ${sent.method} ${sent.url} ${sent.payload ?? ''} → ${res.statusCode} ${res.body.slice(0, 200)} changed ${changed.join(', ')}`,
                );
            }
          }
        }
      }
    } finally {
      stop = true;
      await victim;
    }
    console.info(
      `fuzzed ${operations.length} operations with ${sentCount} requests; the victim placed ${victimResults.length} orders`,
    );
    expect(failures).toEqual([]);
    expect(victimResults.length).toBeGreaterThan(0);
    expect(victimResults.filter((s) => s !== 201)).toEqual([]);
  }, 300_000);
});
