import { canonicalJson, type JsonValue } from './canonical-json.js';

/**
 * What the ledger records, one leaf each: a trade on a continuous book, a version of an
 * OTC deal, and the audit trail's head when a tree head is published. A record's key is
 * how a desk asks for its proof; its canonical JSON is what the leaf hashes.
 */

export interface TradeRecord {
  type: 'trade';
  /** Trading's outbox number: the order the log appends in. */
  seq: number;
  tradeId: string;
  instrumentId: string;
  price: number;
  quantity: number;
  buyer: string;
  seller: string;
  executedAt: string;
}

export interface DealVersionRecord {
  type: 'deal_version';
  seq: number;
  dealId: string;
  version: number;
  trader: string;
  counterparty: string;
  instrumentId: string;
  side: 'buy' | 'sell';
  price: number;
  quantity: number;
  deliveryStart: string;
  deliveryEnd: string;
  status: string;
  updatedAt: string;
}

export interface AuditHeadRecord {
  type: 'audit_head';
  /** The audit entry that was the chain's newest, and its hash. */
  seq: number;
  hash: string;
}

export type LedgerRecord = TradeRecord | DealVersionRecord | AuditHeadRecord;
export type RecordType = LedgerRecord['type'];

export function recordKeyOf(r: LedgerRecord): string {
  switch (r.type) {
    case 'trade':
      return `trade:${r.tradeId}`;
    case 'deal_version':
      return `deal:${r.dealId}:${r.version}`;
    case 'audit_head':
      return `audit:${r.seq}`;
  }
}

/** A record key as callers write it; anything else is not a key the ledger issues. */
export const RECORD_KEY =
  /^(trade:[\x21-\x7e]{1,200}|deal:[0-9a-f-]{36}:[1-9][0-9]{0,8}|audit:[1-9][0-9]{0,15})$/;

export const recordBytes = (r: LedgerRecord): Uint8Array =>
  new TextEncoder().encode(canonicalJson(r as unknown as JsonValue));

export const recordText = (r: LedgerRecord): string => canonicalJson(r as unknown as JsonValue);

/** Instants as ISO text, so a reader of the record needs no epoch arithmetic. */
export const instant = (ms: number): string => new Date(ms).toISOString();
