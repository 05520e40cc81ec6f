import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { startTestApp, type TestApp } from '../../test-support/harness.js';
import {
  checkConsistency,
  checkInclusion,
  deal,
  deskOf,
  publicKeysOf,
  trade,
  type ConsistencyAnswer,
  type InclusionAnswer,
} from './test-support.js';
import type { TreeHeadJson } from './domain/tree-head.js';

describe('the trade ledger API', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof deskOf>>;
  let tradeId: string;
  let dealId: string;
  const get = (url: string, headers: Record<string, string>) => t.app.inject({ url, headers });
  const inclusion = async (record: string, headers = desk.risk) => {
    const res = await get(
      `/api/v1/ledger/proofs/inclusion?record=${encodeURIComponent(record)}`,
      headers,
    );
    expect(res.statusCode, res.body).toBe(200);
    return res.json<InclusionAnswer>();
  };

  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock(Date.UTC(2026, 0, 5, 10)) });
    desk = await deskOf(t.app);
    tradeId = await trade(t.app, desk, 50, 10);
    dealId = await deal(t.app, desk.alice);
    const amended = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/deals/${dealId}`,
      headers: desk.alice,
      payload: { quantity: 25 },
    });
    expect(amended.statusCode, amended.body).toBe(200);
  });
  afterAll(async () => t.close());

  it('proves a trade right after it was made, against a head whose signatures verify', async () => {
    const p = await inclusion(`trade:${tradeId}`);
    checkInclusion(p, await publicKeysOf(t.app, desk.risk));
    expect(JSON.parse(p.record.canonical)).toMatchObject({
      type: 'trade',
      tradeId,
      price: 50,
      quantity: 10,
    });
    expect(p.treeHead.size).toBeGreaterThan(p.record.index);
  });

  it('proves every version of a deal, each its own leaf', async () => {
    const keys = await publicKeysOf(t.app, desk.risk);
    const first = await inclusion(`deal:${dealId}:1`, desk.compliance);
    const second = await inclusion(`deal:${dealId}:2`, desk.alice);
    checkInclusion(first, keys);
    checkInclusion(second, keys);
    expect(JSON.parse(first.record.canonical)).toMatchObject({
      type: 'deal_version',
      quantity: 20,
    });
    expect(JSON.parse(second.record.canonical)).toMatchObject({
      type: 'deal_version',
      quantity: 25,
    });
    expect(second.record.index).toBeGreaterThan(first.record.index);
  });

  it('appends each trading event once, however many callers catch up at once', async () => {
    await Promise.all([
      inclusion(`trade:${tradeId}`),
      inclusion(`deal:${dealId}:2`),
      inclusion(`deal:${dealId}:1`),
    ]);
    const trades = await trade(t.app, desk, 51, 2);
    await Promise.all(Array.from({ length: 4 }, () => inclusion(`trade:${trades}`)));
    const a = await inclusion(`trade:${tradeId}`);
    const b = await inclusion(`trade:${trades}`);
    expect(b.record.index).toBeGreaterThan(a.record.index);
  });

  it('fixes the audit trail’s head in the log when a head is published', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ledger/tree-heads',
      headers: desk.admin,
    });
    expect(res.statusCode, res.body).toBe(200);
    const { treeHead } = res.json<{ treeHead: TreeHeadJson }>();
    const audit = await get('/api/v1/audit?limit=1', desk.admin);
    const newest = audit.json<{ items: { seq: number; hash: string }[] }>().items[0]!;
    // The publish request itself is audited after it answered; the head before it is in the log.
    const heads = await get('/api/v1/ledger/tree-heads?limit=1', desk.risk);
    expect(heads.json<{ items: TreeHeadJson[] }>().items[0]!.size).toBe(treeHead.size);
    let found: InclusionAnswer | undefined;
    for (let seq = newest.seq; seq > 0 && !found; seq--) {
      const r = await get(`/api/v1/ledger/proofs/inclusion?record=audit:${seq}`, desk.risk);
      if (r.statusCode === 200) found = r.json<InclusionAnswer>();
    }
    expect(found, 'an audit head in the log').toBeDefined();
    checkInclusion(found!, await publicKeysOf(t.app, desk.risk));
    expect(JSON.parse(found!.record.canonical)).toMatchObject({ type: 'audit_head' });
  });

  it('keeps the last head when the log has not grown, and serves any earlier head by size', async () => {
    const once = (
      await t.app.inject({ method: 'POST', url: '/api/v1/ledger/tree-heads', headers: desk.admin })
    ).json<{ treeHead: TreeHeadJson }>();
    // The first publish took in the audit entry of the one before; nothing new since but its own.
    const twice = (
      await t.app.inject({ method: 'POST', url: '/api/v1/ledger/tree-heads', headers: desk.admin })
    ).json<{ treeHead: TreeHeadJson; published: boolean }>();
    expect(twice.treeHead.size).toBeGreaterThanOrEqual(once.treeHead.size);
    const latest = (await get('/api/v1/ledger/tree-heads/latest', desk.risk)).json<TreeHeadJson>();
    expect(latest).toEqual(twice.treeHead);
    const earlier = await get(`/api/v1/ledger/tree-heads/${once.treeHead.size}`, desk.risk);
    expect(earlier.statusCode).toBe(200);
    expect(earlier.json()).toEqual(once.treeHead);
  });

  it('proves an earlier head consistent with the latest', async () => {
    const items = (await get('/api/v1/ledger/tree-heads?limit=500', desk.risk)).json<{
      items: TreeHeadJson[];
    }>().items;
    const oldest = items.find((h) => h.size > 0) ?? items[items.length - 1]!;
    const res = await get(`/api/v1/ledger/proofs/consistency?first=${oldest.size}`, desk.risk);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json<ConsistencyAnswer>();
    expect(p.firstTreeHead).toEqual(oldest);
    expect(p.treeHead).toEqual(items[0]);
    if (p.first === p.second) expect(p.path).toEqual([]);
    else checkConsistency(p, oldest.root, await publicKeysOf(t.app, desk.risk));
  });

  it('proves a record against an earlier head when asked for its size', async () => {
    const p = await inclusion(`trade:${tradeId}`);
    const items = (await get('/api/v1/ledger/tree-heads?limit=500', desk.risk)).json<{
      items: TreeHeadJson[];
    }>().items;
    const earliest = items.filter((h) => h.size > p.record.index).at(-1)!;
    const res = await get(
      `/api/v1/ledger/proofs/inclusion?record=trade:${tradeId}&size=${earliest.size}`,
      desk.risk,
    );
    expect(res.statusCode, res.body).toBe(200);
    const q = res.json<InclusionAnswer>();
    expect(q.treeHead).toEqual(earliest);
    checkInclusion(q, await publicKeysOf(t.app, desk.risk));
  });

  it('answers 404 for a record the ledger does not hold', async () => {
    const res = await get('/api/v1/ledger/proofs/inclusion?record=trade:no-such-trade', desk.risk);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'ledger_record_not_found' });
    const head = await get('/api/v1/ledger/tree-heads/999999', desk.risk);
    expect(head.statusCode).toBe(404);
    expect(head.json()).toMatchObject({ code: 'ledger_tree_head_not_found' });
  });

  it('answers 400 naming the field for bad records and sizes', async () => {
    const cases: [string, string][] = [
      ['/api/v1/ledger/proofs/inclusion?record=order:1', 'record'],
      ['/api/v1/ledger/proofs/inclusion', 'record'],
      [`/api/v1/ledger/proofs/inclusion?record=trade:${tradeId}&size=0`, 'size'],
      [`/api/v1/ledger/proofs/inclusion?record=trade:${tradeId}&size=999999`, 'size'],
      [`/api/v1/ledger/proofs/inclusion?record=trade:${tradeId}&size=-1`, 'size'],
      ['/api/v1/ledger/proofs/consistency?first=0', 'first'],
      ['/api/v1/ledger/proofs/consistency?first=abc', 'first'],
      ['/api/v1/ledger/proofs/consistency?first=1&second=999999', 'second'],
      ['/api/v1/ledger/proofs/consistency?first=999999', 'first'],
      ['/api/v1/ledger/tree-heads/-3', 'size'],
    ];
    for (const [url, field] of cases) {
      const res = await get(url, desk.risk);
      expect(res.statusCode, url).toBe(400);
      expect(JSON.stringify(res.json()), url).toContain(field);
    }
  });

  it('refuses a proof against a head that does not cover the record', async () => {
    const p = await inclusion(`deal:${dealId}:2`);
    const items = (await get('/api/v1/ledger/tree-heads?limit=500', desk.risk)).json<{
      items: TreeHeadJson[];
    }>().items;
    const before = items.find((h) => h.size <= p.record.index);
    if (!before) return;
    const res = await get(
      `/api/v1/ledger/proofs/inclusion?record=deal:${dealId}:2&size=${before.size}`,
      desk.risk,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed' });
  });

  it('has its proofs checked offline by the standalone verifier, which refuses an altered one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'eo-ledger-bundle-'));
    try {
      const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
      const run = (bundle: unknown) => {
        writeFileSync(path.join(dir, 'bundle.json'), JSON.stringify(bundle));
        return spawnSync(
          process.execPath,
          [
            'tools/ledger-verify.mjs',
            path.join(dir, 'bundle.json'),
            '--keys',
            path.join(dir, 'keys.json'),
          ],
          {
            cwd: repoRoot,
            encoding: 'utf8',
            timeout: 60_000,
          },
        );
      };
      writeFileSync(
        path.join(dir, 'keys.json'),
        (await get('/api/v1/ledger/keys', desk.risk)).body,
      );
      const proof = await inclusion(`deal:${dealId}:2`);
      const heads = (await get('/api/v1/ledger/tree-heads?limit=500', desk.risk)).json<{
        items: TreeHeadJson[];
      }>().items;
      const first = heads.filter((h) => h.size > 0).at(-1)!;
      const consistency = (
        await get(`/api/v1/ledger/proofs/consistency?first=${first.size}`, desk.risk)
      ).json<ConsistencyAnswer>();
      const good = run({ proofs: [proof, consistency] });
      expect(good.stdout, good.stderr).toContain(
        `ok: record deal:${dealId}:2 is entry ${proof.record.index}`,
      );
      expect(good.status).toBe(0);
      const flipped =
        proof.path.length > 0
          ? {
              ...proof,
              path: [
                proof.path[0]!.replace(/^./, (c) => (c === '0' ? '1' : '0')),
                ...proof.path.slice(1),
              ],
            }
          : proof;
      const altered = run({
        ...flipped,
        record: {
          ...proof.record,
          canonical: proof.record.canonical.replace('"quantity":25', '"quantity":26'),
        },
      });
      expect(altered.stdout).toContain('FAILED: proof: the record does not hash to its leaf hash');
      expect(altered.status).toBe(1);
      if (proof.path.length > 0) {
        const badPath = run(flipped);
        expect(badPath.stdout).toContain('FAILED');
        expect(badPath.status).toBe(1);
      }
      const forged = run({
        ...proof,
        treeHead: { ...proof.treeHead, size: proof.treeHead.size + 1 },
      });
      expect(forged.stdout).toContain('ML-DSA-87 signature does not verify');
      const malformed = run({ kind: 'inclusion', treeHead: { size: 'x' } });
      expect(malformed.stdout).toContain(
        'malformed bundle: proof.treeHead.size is not a tree size',
      );
      expect(malformed.status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lets only roles with ledger permissions read proofs and publish heads', async () => {
    expect((await get('/api/v1/ledger/tree-heads/latest', desk.viewer)).statusCode).toBe(403);
    expect(
      (await get(`/api/v1/ledger/proofs/inclusion?record=trade:${tradeId}`, desk.viewer))
        .statusCode,
    ).toBe(403);
    const publish = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ledger/tree-heads',
      headers: desk.alice,
    });
    expect(publish.statusCode).toBe(403);
  });
});
