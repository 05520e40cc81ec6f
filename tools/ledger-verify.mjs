#!/usr/bin/env node
// Checks EnergyOpti-Pro ledger proofs offline, with no code of the server: a tree head's
// two signatures first (ML-DSA-87 and Ed25519, both must hold), then the RFC 9162 inclusion
// or consistency path against the head's root and size.
//
//   node tools/ledger-verify.mjs <bundle.json> [--keys <keys.json>]
//
// A bundle is one answer of /api/v1/ledger/proofs/inclusion or /consistency, or
// { "keys": …, "proofs": [ … ] }. Keys are the answer of /api/v1/ledger/keys; pass them with
// --keys from a source you trust, since keys inside the bundle vouch only for themselves.
// Exits 0 when every proof holds, 1 naming the first that does not, 2 on a malformed bundle.
import { readFileSync } from 'node:fs';
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { ml_dsa87 } from '@noble/post-quantum/ml-dsa.js';

class Malformed extends Error {}

const hex = (s, what) => {
  if (typeof s !== 'string' || !/^[0-9a-f]{64}$/.test(s))
    throw new Malformed(`${what} is not a 32-byte hex hash`);
  return Uint8Array.from(Buffer.from(s, 'hex'));
};
const b64 = (s, what) => {
  if (typeof s !== 'string' || s.length === 0) throw new Malformed(`${what} is missing`);
  return Uint8Array.from(Buffer.from(s, 'base64'));
};
const size = (n, what) => {
  if (!Number.isSafeInteger(n) || n < 0) throw new Malformed(`${what} is not a tree size`);
  return n;
};
const toHex = (b) => Buffer.from(b).toString('hex');
const concat = (...parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const leafHash = (bytes) => sha256(concat(Uint8Array.of(0), bytes));
const nodeHash = (l, r) => sha256(concat(Uint8Array.of(1), l, r));
const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
const odd = (n) => n % 2 === 1;
const half = (n) => Math.floor(n / 2);

function keysOf(j) {
  if (!j?.mlDsa87 || !j?.ed25519) throw new Malformed('keys need mlDsa87 and ed25519');
  const mlDsa87 = b64(j.mlDsa87.publicKey, 'keys.mlDsa87.publicKey');
  const ed = b64(j.ed25519.publicKey, 'keys.ed25519.publicKey');
  return {
    mlDsa87,
    ed25519: ed,
    mlDsa87Id: toHex(sha256(mlDsa87).subarray(0, 8)),
    ed25519Id: toHex(sha256(ed).subarray(0, 8)),
  };
}

/** The head's statement, byte for byte as the log signs it. */
function checkHead(h, keys, what) {
  if (!h || typeof h !== 'object') throw new Malformed(`${what} is missing`);
  const n = size(h.size, `${what}.size`);
  const root = hex(h.root, `${what}.root`);
  if (!Number.isSafeInteger(h.timeMs)) throw new Malformed(`${what}.timeMs is not a time`);
  const sig = h.signatures ?? {};
  const message = new TextEncoder().encode(
    `energyopti.ledger.tree-head.v1\n${n}\n${toHex(root)}\n${h.timeMs}\n`,
  );
  if (sig.mlDsa87?.keyId !== keys.mlDsa87Id)
    return `${what} is signed by ML-DSA-87 key ${sig.mlDsa87?.keyId}, not ${keys.mlDsa87Id}`;
  if (sig.ed25519?.keyId !== keys.ed25519Id)
    return `${what} is signed by Ed25519 key ${sig.ed25519?.keyId}, not ${keys.ed25519Id}`;
  const holds = (f) => {
    try {
      return f();
    } catch {
      return false;
    }
  };
  if (!holds(() => ml_dsa87.verify(b64(sig.mlDsa87.signature, 'signature'), message, keys.mlDsa87)))
    return `${what}: ML-DSA-87 signature does not verify`;
  if (!holds(() => ed25519.verify(b64(sig.ed25519.signature, 'signature'), message, keys.ed25519)))
    return `${what}: Ed25519 signature does not verify`;
  return { size: n, root };
}

// RFC 9162 §2.1.3.2.
function inclusionHolds(index, n, leaf, path, root) {
  if (index >= n) return false;
  let fn = index;
  let sn = n - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else r = nodeHash(r, p);
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && same(r, root);
}

// RFC 9162 §2.1.4.2, refusing a proof from the empty tree and a non-empty one between equal sizes.
function consistencyHolds(m, n, firstRoot, secondRoot, path) {
  if (m === 0 || n < m) return false;
  if (m === n) return path.length === 0 && same(firstRoot, secondRoot);
  if (path.length === 0) return false;
  const nodes = Number.isInteger(Math.log2(m)) ? [firstRoot, ...path] : path;
  let fn = m - 1;
  let sn = n - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = nodes[0];
  let sr = nodes[0];
  for (const c of nodes.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else sr = nodeHash(sr, c);
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && same(fr, firstRoot) && same(sr, secondRoot);
}

function checkProof(p, keys, what) {
  const head = checkHead(p.treeHead, keys, `${what}.treeHead`);
  if (typeof head === 'string') return head;
  if (!Array.isArray(p.path)) throw new Malformed(`${what}.path is not a list`);
  const path = p.path.map((h, i) => hex(h, `${what}.path[${i}]`));
  if (p.kind === 'inclusion') {
    const r = p.record ?? {};
    if (typeof r.canonical !== 'string') throw new Malformed(`${what}.record.canonical is missing`);
    const leaf = leafHash(new TextEncoder().encode(r.canonical));
    if (!same(leaf, hex(r.leafHash, `${what}.record.leafHash`)))
      return `${what}: the record does not hash to its leaf hash`;
    if (!inclusionHolds(size(r.index, `${what}.record.index`), head.size, leaf, path, head.root)) {
      return `${what}: record ${r.key} is not at index ${r.index} of the tree of ${head.size}`;
    }
    return { ok: `record ${r.key} is entry ${r.index} of the signed tree of ${head.size}` };
  }
  if (p.kind === 'consistency') {
    const first = size(p.first, `${what}.first`);
    if (!p.firstTreeHead)
      throw new Malformed(`${what}.firstTreeHead is needed to check against its root`);
    const older = checkHead(p.firstTreeHead, keys, `${what}.firstTreeHead`);
    if (typeof older === 'string') return older;
    if (older.size !== first)
      return `${what}: firstTreeHead is of size ${older.size}, not ${first}`;
    if (!consistencyHolds(first, head.size, older.root, head.root, path)) {
      return `${what}: the tree of ${head.size} does not extend the tree of ${first}`;
    }
    return { ok: `the signed tree of ${head.size} extends the signed tree of ${first}` };
  }
  throw new Malformed(`${what}.kind must be inclusion or consistency`);
}

function main(argv) {
  const files = [];
  let keysFile;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--keys') keysFile = argv[++i];
    else files.push(argv[i]);
  }
  if (files.length !== 1) {
    process.stderr.write(
      'usage: node tools/ledger-verify.mjs <bundle.json> [--keys <keys.json>]\n',
    );
    return 2;
  }
  try {
    const bundle = JSON.parse(readFileSync(files[0], 'utf8'));
    const proofs = Array.isArray(bundle.proofs) ? bundle.proofs : [bundle];
    const keyJson = keysFile ? JSON.parse(readFileSync(keysFile, 'utf8')) : bundle.keys;
    if (!keyJson)
      throw new Malformed('no keys: pass --keys with the answer of /api/v1/ledger/keys');
    if (!keysFile) process.stderr.write('warning: keys taken from the bundle itself\n');
    const keys = keysOf(keyJson);
    for (const [i, p] of proofs.entries()) {
      const outcome = checkProof(p, keys, proofs.length > 1 ? `proofs[${i}]` : 'proof');
      if (typeof outcome === 'string') {
        console.log(`FAILED: ${outcome}`);
        return 1;
      }
      console.log(`ok: ${outcome.ok}`);
    }
    return 0;
  } catch (e) {
    if (e instanceof Malformed || e instanceof SyntaxError) {
      console.log(`malformed bundle: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
