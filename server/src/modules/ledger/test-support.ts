import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { bearer, createSecondTrader, login } from '../../test-support/harness.js';
import { crossOrders } from '../../test-support/orders.js';
import { fromHex, leafHash } from './domain/merkle.js';
import { verifyConsistency, verifyInclusion } from './domain/proofs.js';
import {
  treeHeadFromJson,
  verifyTreeHead,
  type PublicKeys,
  type TreeHeadJson,
} from './domain/tree-head.js';

export const FR_MONTH = 'PWR-FR-FUT-M-BASE';

/** The admin, the demo trader (alice), a second trader (bob), the risk manager and the viewer. */
export async function deskOf(app: FastifyInstance) {
  const admin = bearer((await login(app, 'admin')).token);
  await createSecondTrader(app, admin);
  const as = async (name: string) => bearer((await login(app, name)).token);
  return {
    admin,
    alice: await as('trader'),
    bob: await as('trader2'),
    risk: await as('risk'),
    viewer: await as('viewer'),
    compliance: await as('compliance'),
  };
}

/** Bob rests a sell, alice takes it: one trade, whose id comes back. */
export async function trade(
  app: FastifyInstance,
  desk: { alice: Record<string, string>; bob: Record<string, string> },
  price: number,
  quantity: number,
): Promise<string> {
  const buy = await crossOrders(app, {
    instrumentId: FR_MONTH,
    seller: desk.bob,
    buyer: desk.alice,
    price,
    quantity,
  });
  if (buy.trades.length !== 1) throw new Error(`expected one trade: ${JSON.stringify(buy)}`);
  return buy.trades[0]!.id;
}

/** An OTC deal captured by alice; its id comes back. */
export async function deal(app: FastifyInstance, headers: Record<string, string>): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/deals',
    headers,
    payload: {
      counterparty: 'Nordic Utility',
      instrumentId: FR_MONTH,
      side: 'buy',
      price: 60,
      quantity: 20,
      deliveryStart: '2026-03-01T00:00:00+01:00',
      deliveryEnd: '2026-04-01T00:00:00+02:00',
    },
  });
  if (res.statusCode !== 201) throw new Error(`capturing the deal failed: ${res.body}`);
  return res.json<{ id: string }>().id;
}

export interface InclusionAnswer {
  record: { key: string; index: number; canonical: string; leafHash: string };
  treeHead: TreeHeadJson;
  path: string[];
}

export interface ConsistencyAnswer {
  first: number;
  second: number;
  firstTreeHead: TreeHeadJson | null;
  treeHead: TreeHeadJson;
  path: string[];
}

export async function publicKeysOf(
  app: FastifyInstance,
  headers: Record<string, string>,
): Promise<PublicKeys> {
  const res = await app.inject({ url: '/api/v1/ledger/keys', headers });
  expect(res.statusCode, res.body).toBe(200);
  const k = res.json<{ mlDsa87: { publicKey: string }; ed25519: { publicKey: string } }>();
  return {
    mlDsa87: new Uint8Array(Buffer.from(k.mlDsa87.publicKey, 'base64')),
    ed25519: new Uint8Array(Buffer.from(k.ed25519.publicKey, 'base64')),
  };
}

/** What an outside verifier does with an inclusion answer: head signatures first, then the path. */
export function checkInclusion(p: InclusionAnswer, keys: PublicKeys): void {
  const head = treeHeadFromJson(p.treeHead);
  expect(verifyTreeHead(head, keys)).toEqual({ ok: true });
  const leaf = leafHash(new TextEncoder().encode(p.record.canonical));
  expect(Buffer.from(leaf).toString('hex')).toBe(p.record.leafHash);
  expect(verifyInclusion(p.record.index, head.size, leaf, p.path.map(fromHex), head.root)).toEqual({
    ok: true,
  });
}

export function checkConsistency(p: ConsistencyAnswer, firstRoot: string, keys: PublicKeys): void {
  const head = treeHeadFromJson(p.treeHead);
  expect(verifyTreeHead(head, keys)).toEqual({ ok: true });
  expect(
    verifyConsistency(p.first, head.size, fromHex(firstRoot), head.root, p.path.map(fromHex)),
  ).toEqual({ ok: true });
}
