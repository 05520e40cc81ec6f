import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.js';
import { startTestApp, type TestApp } from '../../test-support/harness.js';
import { treeHeadFromJson, type TreeHeadJson } from './domain/tree-head.js';
import { verifyLedger } from './service-verify.js';
import { signingKeysOf } from './signing-keys.js';
import { deal, deskOf, trade, type InclusionAnswer } from './test-support.js';

const SECRET = 'ledger-secret-of-the-tamper-tests-0123456789';
const keys = signingKeysOf(SECRET);
const publicKeys = { mlDsa87: keys.mlDsa87.publicKey, ed25519: keys.ed25519.publicKey };

describe('ledger verify on a tampered log', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof deskOf>>;
  const trades: string[] = [];
  const indexOf = new Map<string, number>();
  let head: TreeHeadJson;
  const db = () => t.platform.dbs.db;
  const verify = (against?: TreeHeadJson[]) =>
    verifyLedger({
      db: db(),
      keys: publicKeys,
      ...(against ? { against: against.map(treeHeadFromJson) } : {}),
    });
  const exec = (q: ReturnType<typeof sql>) => q.execute(db());

  beforeAll(async () => {
    t = await startTestApp({
      clock: new ManualClock(Date.UTC(2026, 0, 5, 10)),
      env: { LEDGER_SIGNING_SECRET: SECRET },
    });
    desk = await deskOf(t.app);
    for (let i = 0; i < 5; i++) trades.push(await trade(t.app, desk, 50 + i, 1 + i));
    const dealId = await deal(t.app, desk.alice);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ledger/tree-heads',
      headers: desk.admin,
    });
    head = res.json<{ treeHead: TreeHeadJson }>().treeHead;
    for (const key of [...trades.map((id) => `trade:${id}`), `deal:${dealId}:1`]) {
      const p = await t.app.inject({
        url: `/api/v1/ledger/proofs/inclusion?record=${key}`,
        headers: desk.risk,
      });
      indexOf.set(key, p.json<InclusionAnswer>().record.index);
    }
  });
  afterAll(async () => t.close());

  it('finds an untouched log intact, head by head', async () => {
    const result = await verify();
    expect(result).toMatchObject({ ok: true, firstBadIndex: null });
    expect(result.checked).toBeGreaterThanOrEqual(head.size);
  });

  it('names a leaf whose record was changed', async () => {
    const at = indexOf.get(`trade:${trades[2]}`)!;
    await exec(
      sql`update ledger_leaves set record = replace(record, '"quantity":3', '"quantity":30') where idx = ${at}`,
    );
    expect(await verify()).toMatchObject({
      ok: false,
      firstBadIndex: at,
      reason: 'leaf_hash_mismatch',
      checked: at,
    });
    await exec(
      sql`update ledger_leaves set record = replace(record, '"quantity":30', '"quantity":3') where idx = ${at}`,
    );
    expect((await verify()).ok).toBe(true);
  });

  it('names a leaf whose record and hash were both rewritten, against the trade it copies', async () => {
    const at = indexOf.get(`trade:${trades[1]}`)!;
    const rewrite = (from: string, to: string) =>
      exec(sql`update ledger_leaves set record = replace(record, ${from}, ${to}),
        leaf_hash = sha256('\\x00'::bytea || convert_to(replace(record, ${from}, ${to}), 'UTF8')) where idx = ${at}`);
    await rewrite('"quantity":2', '"quantity":20');
    expect(await verify()).toMatchObject({
      ok: false,
      firstBadIndex: at,
      reason: 'record_differs_from_source',
    });
    await rewrite('"quantity":20', '"quantity":2');
    expect((await verify()).ok).toBe(true);
  });

  it('names a trade changed in trading’s own table', async () => {
    const id = trades[3]!;
    await exec(sql`update trades set price = price + 1 where id = ${id}`);
    expect(await verify()).toMatchObject({
      ok: false,
      firstBadIndex: indexOf.get(`trade:${id}`),
      reason: 'record_differs_from_source',
    });
    await exec(sql`update trades set price = price - 1 where id = ${id}`);
    expect((await verify()).ok).toBe(true);
  });

  it('names the first of two swapped leaves', async () => {
    const a = indexOf.get(`trade:${trades[0]}`)!;
    const b = indexOf.get(`trade:${trades[2]}`)!;
    const swap = async () => {
      await exec(sql`update ledger_leaves set idx = 1000000 where idx = ${a}`);
      await exec(sql`update ledger_leaves set idx = ${a} where idx = ${b}`);
      await exec(sql`update ledger_leaves set idx = ${b} where idx = 1000000`);
    };
    await swap();
    expect(await verify()).toMatchObject({ ok: false, firstBadIndex: a, reason: 'out_of_order' });
    await swap();
    expect((await verify()).ok).toBe(true);
  });

  it('names a stored subtree that no longer matches its leaves', async () => {
    const saved = await sql<{
      hash: Uint8Array;
    }>`select hash from ledger_nodes where level = 1 and idx = 1`.execute(db());
    await exec(sql`update ledger_nodes set hash = sha256(hash) where level = 1 and idx = 1`);
    expect(await verify()).toMatchObject({
      ok: false,
      firstBadIndex: 2,
      reason: 'subtree_mismatch',
    });
    await exec(
      sql`update ledger_nodes set hash = ${saved.rows[0]!.hash} where level = 1 and idx = 1`,
    );
    expect((await verify()).ok).toBe(true);
  });

  it('refuses a tree head whose root was rewritten', async () => {
    const size = head.size;
    await exec(sql`update ledger_tree_heads set root = sha256(root) where size = ${size}`);
    expect(await verify()).toMatchObject({ ok: false, reason: 'bad_tree_head_signature' });
    await exec(
      sql`update ledger_tree_heads set root = ${Buffer.from(head.root, 'hex')} where size = ${size}`,
    );
    expect((await verify()).ok).toBe(true);
  });

  it('names a deleted entry in the middle', async () => {
    const at = indexOf.get(`trade:${trades[4]}`)!;
    const row = await sql<{
      record_key: string;
    }>`select record_key from ledger_leaves where idx = ${at}`.execute(db());
    expect(row.rows).toHaveLength(1);
    // Moved out of the way rather than lost, so the next case starts from an intact log.
    await exec(sql`update ledger_leaves set idx = idx + 1000000 where idx = ${at}`);
    expect(await verify()).toMatchObject({ ok: false, firstBadIndex: at, reason: 'missing_entry' });
    await exec(sql`update ledger_leaves set idx = idx - 1000000 where idx = ${at + 1000000}`);
    expect((await verify()).ok).toBe(true);
  });

  it('detects the newest entries deleted, against the last head the log published and against one kept outside', async () => {
    const last = head.size - 1;
    await exec(sql`delete from ledger_leaves where idx = ${last}`);
    expect(await verify()).toMatchObject({
      ok: false,
      firstBadIndex: last,
      reason: 'missing_entries',
    });
    // Deleting the heads as well leaves the log consistent with itself, but not with a head a
    // counterparty kept.
    await exec(sql`delete from ledger_tree_heads where size >= ${last}`);
    await exec(sql`delete from ledger_nodes where (idx + 1) * (1::bigint << level) > ${last}`);
    expect((await verify()).ok).toBe(true);
    expect(await verify([head])).toMatchObject({
      ok: false,
      firstBadIndex: last,
      reason: 'missing_entries',
    });
  });
});
