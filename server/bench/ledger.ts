/**
 * The trade ledger's costs, side by side with a plain hash chain (each entry's SHA-256 over
 * the previous hash and the record, as the audit trail keeps):
 *  1. appends per second with proofs available: each trade record's canonical JSON hashed
 *     as a leaf and every subtree it completes stored, so any inclusion or consistency
 *     proof can be answered at once; in memory, and through the repository on PGlite;
 *  2. at 10 million leaves (the tree computed in memory, leaves standing for records):
 *     proof size and the time to build and to verify inclusion and consistency proofs.
 * Usage: npm run bench:ledger [-- appends] [simulated leaves]
 */
import { createHash } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { appendLeaves, type StoredNode } from '../src/modules/ledger/domain/compact-range.js';
import {
  leafHash,
  nodeHash,
  nodesOfRange,
  rangeHash,
  type Hash,
} from '../src/modules/ledger/domain/merkle.js';
import {
  consistencyRanges,
  inclusionRanges,
  verifyConsistency,
  verifyInclusion,
} from '../src/modules/ledger/domain/proofs.js';
import { recordBytes, type TradeRecord } from '../src/modules/ledger/domain/records.js';
import { signTreeHead, treeHeadToJson } from '../src/modules/ledger/domain/tree-head.js';
import { createLedgerRepo } from '../src/modules/ledger/repo.js';
import { appendRecords } from '../src/modules/ledger/service-append.js';
import { signingKeysOf } from '../src/modules/ledger/signing-keys.js';
import { openPlatform } from '../src/platform/runtime.js';

const appends = Number(process.argv[2] ?? 200_000);
const simulated = Number(process.argv[3] ?? 10_000_000);
const BATCH = 2000;

const tradeOf = (i: number): TradeRecord => ({
  type: 'trade',
  seq: i + 1,
  tradeId: `PWR-FR-FUT-M-BASE-${i + 1}`,
  instrumentId: 'PWR-FR-FUT-M-BASE',
  price: 50 + (i % 400) / 100,
  quantity: 1 + (i % 25),
  buyer: 'trader',
  seller: 'trader2',
  executedAt: new Date(Date.UTC(2026, 0, 5) + i * 10).toISOString(),
});

const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);
const fmt = (n: number) => n.toLocaleString('en-GB');

function inMemoryLedger(n: number) {
  const stored = new Map<number, Hash[]>();
  let size = 0;
  let border: StoredNode[] = [];
  const started = performance.now();
  for (let from = 0; from < n; from += BATCH) {
    const leaves: Hash[] = [];
    for (let i = from; i < Math.min(n, from + BATCH); i++)
      leaves.push(leafHash(recordBytes(tradeOf(i))));
    const out = appendLeaves(size, border, leaves);
    for (const x of out.nodes) {
      let level = stored.get(x.level);
      if (!level) stored.set(x.level, (level = []));
      level[x.index] = x.hash;
    }
    size = out.size;
    border = out.border;
  }
  return performance.now() - started;
}

function hashChain(n: number) {
  let prev: Uint8Array = new Uint8Array(32);
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    prev = createHash('sha256')
      .update(prev)
      .update(recordBytes(tradeOf(i)))
      .digest();
  }
  return performance.now() - started;
}

async function pgliteLedger(n: number) {
  const platform = await openPlatform({ dataDir: 'memory' });
  const repo = createLedgerRepo();
  try {
    const started = performance.now();
    let state = { size: 0, tradingWatermark: 0, auditSeq: 0 };
    for (let from = 0; from < n; from += BATCH) {
      const records = Array.from({ length: Math.min(BATCH, n - from) }, (_, k) =>
        tradeOf(from + k),
      );
      state = await platform.dbs.db.transaction().execute(async (trx) => {
        await repo.lock(trx);
        const { size } = await appendRecords(trx, repo, state, records);
        const next = { ...state, size };
        await repo.setState(trx, next);
        return next;
      });
    }
    return performance.now() - started;
  } finally {
    await platform.close();
  }
}

/** A tree of `n` leaves as flat arrays of 32-byte hashes, one per level. */
function simulatedTree(n: number) {
  const levels: Buffer[] = [];
  let width = n;
  let below = Buffer.alloc(n * 32);
  const index = Buffer.alloc(8);
  for (let i = 0; i < n; i++) {
    index.writeUInt32BE(i, 4);
    below.set(leafHash(index), i * 32);
  }
  levels.push(below);
  while (width > 1) {
    const up = Math.floor(width / 2);
    const level = Buffer.alloc(up * 32);
    for (let i = 0; i < up; i++) {
      level.set(
        nodeHash(below.subarray(i * 64, i * 64 + 32), below.subarray(i * 64 + 32, i * 64 + 64)),
        i * 32,
      );
    }
    levels.push(level);
    below = level;
    width = up;
  }
  const lookup = (level: number, i: number): Hash => levels[level]!.subarray(i * 32, i * 32 + 32);
  return { lookup, root: (size: number) => rangeHash(0, size, lookup) };
}

async function main() {
  console.log(
    `bench:ledger on ${availableParallelism()} cores (load ${loadavg()[0]!.toFixed(2)}); ${fmt(appends)} appends, ${fmt(simulated)} simulated leaves\n`,
  );
  const chainMs = hashChain(appends);
  const treeMs = inMemoryLedger(appends);
  const dbCount = Math.min(appends, 100_000);
  const dbMs = await pgliteLedger(dbCount);
  console.log('appends per second (record → canonical JSON → hash, batches of 2,000)');
  console.log(
    `  plain hash chain, in memory                 ${fmt(perSecond(appends, chainMs)).padStart(12)} /s`,
  );
  console.log(
    `  Merkle log with every subtree kept, memory  ${fmt(perSecond(appends, treeMs)).padStart(12)} /s   (target ≥ 50,000)`,
  );
  console.log(
    `  Merkle log through the repository, PGlite   ${fmt(perSecond(dbCount, dbMs)).padStart(12)} /s   (${fmt(dbCount)} leaves)`,
  );

  const keys = signingKeysOf('bench-secret-of-the-ledger-0123456789abcdef');
  const built = performance.now();
  const tree = simulatedTree(simulated);
  const buildMs = performance.now() - built;
  const root = tree.root(simulated);
  const signStarted = performance.now();
  const head = signTreeHead({ size: simulated, root, time: Date.now() }, keys);
  const signMs = performance.now() - signStarted;
  const headBytes = JSON.stringify(treeHeadToJson(head)).length;

  const samples = 2000;
  let proveMs = 0;
  let verifyMs = 0;
  let pathLen = 0;
  let fetched = 0;
  for (let k = 0; k < samples; k++) {
    const i = Math.floor((((k * 2_654_435_761) % 2 ** 32) / 2 ** 32) * simulated);
    const t0 = performance.now();
    const ranges = inclusionRanges(i, simulated);
    fetched += ranges.reduce((n, r) => n + nodesOfRange(r.start, r.end).length, 0);
    const path = ranges.map((r) => rangeHash(r.start, r.end, tree.lookup));
    const t1 = performance.now();
    if (!verifyInclusion(i, simulated, tree.lookup(0, i), path, root).ok)
      throw new Error('proof failed');
    verifyMs += performance.now() - t1;
    proveMs += t1 - t0;
    pathLen += path.length;
  }
  let cProveMs = 0;
  let cVerifyMs = 0;
  let cLen = 0;
  const cSamples = 200;
  for (let k = 0; k < cSamples; k++) {
    const m = 1 + Math.floor((((k * 2_246_822_519) % 2 ** 32) / 2 ** 32) * (simulated - 1));
    const first = tree.root(m);
    const t0 = performance.now();
    const path = consistencyRanges(m, simulated).map((r) => rangeHash(r.start, r.end, tree.lookup));
    const t1 = performance.now();
    if (!verifyConsistency(m, simulated, first, root, path).ok)
      throw new Error('consistency failed');
    cVerifyMs += performance.now() - t1;
    cProveMs += t1 - t0;
    cLen += path.length;
  }
  const us = (ms: number, n: number) => `${((ms / n) * 1000).toFixed(1)} µs`;
  console.log(
    `\nat ${fmt(simulated)} leaves (tree built in ${(buildMs / 1000).toFixed(1)} s in memory; head signed in ${signMs.toFixed(0)} ms)`,
  );
  console.log(
    `  inclusion proof     ${(pathLen / samples).toFixed(1)} hashes = ${fmt(Math.round((pathLen / samples) * 32))} bytes, ${(fetched / samples).toFixed(1)} stored subtrees read; build ${us(proveMs, samples)}, verify ${us(verifyMs, samples)}`,
  );
  console.log(
    `  consistency proof   ${(cLen / cSamples).toFixed(1)} hashes = ${fmt(Math.round((cLen / cSamples) * 32))} bytes; build ${us(cProveMs, cSamples)}, verify ${us(cVerifyMs, cSamples)}`,
  );
  console.log(
    `  signed tree head    ${fmt(headBytes)} bytes of JSON (ML-DSA-87 signature 4,627 bytes, Ed25519 64)`,
  );
  console.log(
    `  plain hash chain    proving one entry means handing over every entry after it: up to ${fmt(simulated)} records, O(n) to verify`,
  );
}

await main();
