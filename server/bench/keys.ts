/**
 * Envelope encryption of 1 KiB records: seals and opens per second with the hybrid
 * ML-KEM-1024 + X25519 key and with the RSA-4096 fallback, beside plain AES-256-GCM under
 * one fixed key (how MFA secrets were sealed before the keys module); then, through the
 * keys service on a database, vault writes and reads per second and the rewrap rate after
 * a rotation. Embedded PGlite by default; on PostgreSQL when DATABASE_URL is set.
 * Usage: npm run bench:keys [-- records]
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { HYBRID_KEM, RSA_KEM } from '../src/modules/keys/domain/algorithms.js';
import { gcmOpen, gcmSeal } from '../src/modules/keys/domain/aes-gcm.js';
import { openRecord, sealRecord } from '../src/modules/keys/domain/envelope.js';
import { hybridKeyPair } from '../src/modules/keys/domain/hybrid-kem.js';
import { deriveMasterKey } from '../src/modules/keys/domain/master-key.js';
import {
  openingKey,
  sealingKey,
  type OpeningKey,
  type SealingKey,
} from '../src/modules/keys/domain/wrapping-key.js';
import { createKeysService } from '../src/modules/keys/service.js';
import { systemClock } from '../src/platform/clock.js';
import { openPlatform } from '../src/platform/runtime.js';
import { freshSchema } from '../src/test-support/schema.js';

const records = Number(process.argv[2] ?? 400);
const random = (n: number) => new Uint8Array(randomBytes(n));
const payload = random(1024);

function rate(label: string, n: number, work: (i: number) => void | Promise<void>) {
  return (async () => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await work(i);
    const s = (performance.now() - t0) / 1000;
    const perSecond = n / s;
    console.log(
      `${label.padEnd(52)} ${perSecond.toFixed(0).padStart(8)} /s  (${n} in ${s.toFixed(2)} s)`,
    );
    return perSecond;
  })();
}

async function kemFigures(name: string, seal: SealingKey, open: OpeningKey, n: number) {
  const sealed: Uint8Array[] = [];
  const s = await rate(
    `${name}: seal 1 KiB`,
    n,
    (i) => void sealed.push(sealRecord(seal, `r:${i}`, payload, random)),
  );
  const o = await rate(
    `${name}: open 1 KiB`,
    n,
    (i) => void openRecord(open, `r:${i}`, sealed[i]!),
  );
  return { s, o, bytes: sealed[0]!.length };
}

async function main() {
  console.log(
    `keys benchmark: ${records} records of 1 KiB; ${availableParallelism()} cores, load ${loadavg()[0]!.toFixed(2)}\n`,
  );
  const named = { keyId: 'bench', version: 1 };
  const hybrid = hybridKeyPair(random);
  const h = await kemFigures(
    'ML-KEM-1024+X25519',
    sealingKey(named, HYBRID_KEM, hybrid.publicKey),
    openingKey(named, HYBRID_KEM, hybrid.secret),
    records,
  );
  const rsa = generateKeyPairSync('rsa', {
    modulusLength: 4096,
    publicKeyEncoding: { type: 'spki', format: 'der' },
    privateKeyEncoding: { type: 'pkcs8', format: 'der' },
  });
  const r = await kemFigures(
    'RSA-4096-OAEP-SHA256',
    sealingKey(named, RSA_KEM, new Uint8Array(rsa.publicKey)),
    openingKey(named, RSA_KEM, new Uint8Array(rsa.privateKey)),
    Math.min(records, 200),
  );
  const fixed = random(32);
  const nonces = Array.from({ length: records * 10 }, () => random(12));
  const plain: Uint8Array[] = [];
  const ps = await rate(
    'AES-256-GCM, one fixed key: seal 1 KiB',
    records * 10,
    (i) => void plain.push(gcmSeal(fixed, nonces[i]!, payload, random(0))),
  );
  const po = await rate(
    'AES-256-GCM, one fixed key: open 1 KiB',
    records * 10,
    (i) => void gcmOpen(fixed, nonces[i]!, plain[i]!, random(0)),
  );

  // Through the service: the envelope stored in the vault, the version's state read per call.
  const fresh = process.env.DATABASE_URL
    ? await freshSchema(process.env.DATABASE_URL, 'bk')
    : undefined;
  const platform = await openPlatform({ databaseUrl: fresh?.url, dataDir: 'memory' });
  const log = { warn: () => {}, info: () => {} };
  const keys = createKeysService({
    db: platform.dbs.db,
    clock: systemClock,
    master: deriveMasterKey(randomBytes(32).toString('hex')),
    retentionDays: 0,
    log,
  });
  await keys.lifecycle.prepare();
  console.log(`\nkeys service on ${fresh ? 'PostgreSQL' : 'PGlite'}:`);
  const put = await rate('vault put (seal and store) 1 KiB', records, (i) =>
    keys.vault.put(`bank:${i}`, payload),
  );
  const get = await rate(
    'vault get (read and open) 1 KiB',
    records,
    async (i) => void (await keys.vault.get(`bank:${i}`)),
  );
  const t0 = performance.now();
  const { rewrapJobId } = await keys.lifecycle.rotate('default', 'bench');
  await keys.rewrapper.settled();
  const job = await keys.job(rewrapJobId);
  const rewrapS = (performance.now() - t0) / 1000;
  console.log(
    `${'rotate and rewrap every envelope'.padEnd(52)} ${(job.rewrapped / rewrapS).toFixed(0).padStart(8)} /s  (${job.rewrapped} of ${job.total} in ${rewrapS.toFixed(2)} s)`,
  );
  await platform.close();
  await fresh?.drop();

  console.log('\nside by side (1 KiB records, per second):');
  console.log('                          seal      open   envelope bytes');
  console.log(
    `ML-KEM-1024+X25519   ${h.s.toFixed(0).padStart(9)} ${h.o.toFixed(0).padStart(9)} ${String(h.bytes).padStart(8)}`,
  );
  console.log(
    `RSA-4096-OAEP        ${r.s.toFixed(0).padStart(9)} ${r.o.toFixed(0).padStart(9)} ${String(r.bytes).padStart(8)}`,
  );
  console.log(
    `AES-256-GCM fixed    ${ps.toFixed(0).padStart(9)} ${po.toFixed(0).padStart(9)} ${String(1024 + 28).padStart(8)}`,
  );
  console.log(`service (vault)      ${put.toFixed(0).padStart(9)} ${get.toFixed(0).padStart(9)}`);
}

await main();
