import { z } from 'zod';
import { RECORD_KEY } from './domain/records.js';

const size = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const hex32 = z.string().regex(/^[0-9a-f]{64}$/);

export const treeHead = z.object({
  size: z.number().int(),
  root: hex32,
  time: z.string(),
  timeMs: z.number().int(),
  signatures: z.object({
    mlDsa87: z.object({ keyId: z.string(), signature: z.string() }),
    ed25519: z.object({ keyId: z.string(), signature: z.string() }),
  }),
});

export const publishedHead = z.object({ treeHead, published: z.boolean() });

export const headParams = z.object({ size });

export const headsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  beforeSize: size.optional(),
});

export const headsPage = z.object({ items: z.array(treeHead) });

export const inclusionQuery = z.object({
  record: z.string().max(220).regex(RECORD_KEY, 'trade:<id>, deal:<uuid>:<version> or audit:<seq>'),
  size: size.min(1).optional(),
});

export const inclusionProof = z.object({
  kind: z.literal('inclusion'),
  record: z.object({
    key: z.string(),
    index: z.number().int(),
    /** The record's canonical JSON: the exact bytes its leaf hash covers. */
    canonical: z.string(),
    leafHash: hex32,
  }),
  treeHead,
  path: z.array(hex32),
});

export const consistencyQuery = z.object({
  first: size.min(1, 'a consistency proof from the empty tree is refused'),
  second: size.min(1).optional(),
});

export const consistencyProof = z.object({
  kind: z.literal('consistency'),
  first: z.number().int(),
  second: z.number().int(),
  firstTreeHead: treeHead.nullable(),
  treeHead,
  path: z.array(hex32),
});

export const publicKeys = z.object({
  mlDsa87: z.object({ keyId: z.string(), publicKey: z.string() }),
  ed25519: z.object({ keyId: z.string(), publicKey: z.string() }),
});
