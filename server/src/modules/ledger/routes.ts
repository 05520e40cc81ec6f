import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notFound } from '../../platform/errors.js';
import { toHex } from './domain/merkle.js';
import { treeHeadToJson, type SigningKeys } from './domain/tree-head.js';
import {
  consistencyProof,
  consistencyQuery,
  headParams,
  headsPage,
  headsQuery,
  inclusionProof,
  inclusionQuery,
  publicKeys,
  publishedHead,
  treeHead,
} from './schemas.js';
import type { Proofs } from './service-proofs.js';
import type { TreeHeads } from './service-heads.js';

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

export function registerLedgerRoutes(
  app: FastifyInstance,
  deps: { heads: TreeHeads; proofs: Proofs; keys: SigningKeys },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ledger'];

  r.get(
    '/api/v1/ledger/tree-heads/latest',
    {
      config: { access: 'ledger:read' },
      schema: { tags, summary: 'The latest signed tree head', response: { 200: treeHead } },
    },
    async () => treeHeadToJson((await deps.heads.latest()) ?? (await deps.heads.publish()).head),
  );

  r.get(
    '/api/v1/ledger/tree-heads/:size',
    {
      config: { access: 'ledger:read' },
      schema: {
        tags,
        summary: 'The signed tree head published at a size',
        params: headParams,
        response: { 200: treeHead },
      },
    },
    async (request) => {
      const head = await deps.heads.at(request.params.size);
      if (!head)
        throw notFound(`tree head at size ${request.params.size}`, 'ledger_tree_head_not_found');
      return treeHeadToJson(head);
    },
  );

  r.get(
    '/api/v1/ledger/tree-heads',
    {
      config: { access: 'ledger:read' },
      schema: {
        tags,
        summary: 'Signed tree heads, newest first',
        querystring: headsQuery,
        response: { 200: headsPage },
      },
    },
    async (request) => ({
      items: (await deps.heads.list(request.query.limit, request.query.beforeSize)).map(
        treeHeadToJson,
      ),
    }),
  );

  r.post(
    '/api/v1/ledger/tree-heads',
    {
      config: { access: 'ledger:write' },
      schema: {
        tags,
        summary: 'Publish a signed tree head now (kept when the log has not grown)',
        response: { 200: publishedHead },
      },
    },
    async () => {
      const { head, published } = await deps.heads.publish();
      return { treeHead: treeHeadToJson(head), published };
    },
  );

  r.get(
    '/api/v1/ledger/proofs/inclusion',
    {
      config: { access: 'ledger:read' },
      schema: {
        tags,
        summary: 'Inclusion proof of a record, with the signed tree head it was computed against',
        querystring: inclusionQuery,
        response: { 200: inclusionProof },
      },
    },
    async (request) => {
      const p = await deps.proofs.inclusion(request.query.record, request.query.size);
      return {
        kind: 'inclusion' as const,
        record: {
          key: p.leaf.recordKey,
          index: p.leaf.index,
          canonical: p.leaf.record,
          leafHash: toHex(p.leaf.leafHash),
        },
        treeHead: treeHeadToJson(p.head),
        path: p.path.map(toHex),
      };
    },
  );

  r.get(
    '/api/v1/ledger/proofs/consistency',
    {
      config: { access: 'ledger:read' },
      schema: {
        tags,
        summary:
          'Consistency proof between two tree sizes, with the signed tree head of the second',
        querystring: consistencyQuery,
        response: { 200: consistencyProof },
      },
    },
    async (request) => {
      const p = await deps.proofs.consistency(request.query.first, request.query.second);
      return {
        kind: 'consistency' as const,
        first: p.first,
        second: p.head.size,
        firstTreeHead: p.firstHead ? treeHeadToJson(p.firstHead) : null,
        treeHead: treeHeadToJson(p.head),
        path: p.path.map(toHex),
      };
    },
  );

  r.get(
    '/api/v1/ledger/keys',
    {
      config: { access: 'ledger:read' },
      schema: {
        tags,
        summary: 'The public keys tree heads are signed under',
        response: { 200: publicKeys },
      },
    },
    async () => ({
      mlDsa87: { keyId: deps.keys.mlDsa87.keyId, publicKey: b64(deps.keys.mlDsa87.publicKey) },
      ed25519: { keyId: deps.keys.ed25519.keyId, publicKey: b64(deps.keys.ed25519.publicKey) },
    }),
  );
}
