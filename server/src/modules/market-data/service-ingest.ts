import type { Bus } from '../../platform/bus/bus.js';
import type { Databases } from '../../platform/db/database.js';
import { DomainError } from '../../platform/errors.js';
import { parseTickCsv } from './adapters/csv-ticks.js';
import type { MarketDataCache } from './cache.js';
import type { Catalogue } from './domain/catalogue.js';
import type { Tick } from './domain/tick.js';
import { validateTicks, type IngestRow, type RowRejection } from './domain/validate-ticks.js';
import { monthsOf, type TickRepo } from './repo-ticks.js';
import { readUploadedFile } from './uploaded-file.js';

/** Newly stored ticks travel on the bus in batches: one message per stored batch (or chunk of one). */
export const TICKS_TOPIC = 'market-data.ticks';

/** Newly stored ticks as they travel on the bus: the normalised rows, instants in epoch ms. */
export interface TickBatchMessage {
  ticks: Tick[];
}

// Keeps one bus message (a Redis payload) around a few hundred kilobytes.
const PUBLISH_CHUNK = 2_000;

/** A row as the API receives it: loose types, so that bad values reach the rule that names them. */
export interface TickInput {
  instrumentId: string;
  time: string | number;
  price: number | string | null;
  volume: number | string | null;
  deliveryStart?: string | number | undefined;
  deliveryEnd?: string | number | undefined;
}

export interface IngestReport {
  /** Rows that passed validation. */
  accepted: number;
  /** Accepted rows that were new; the rest were already stored. */
  stored: number;
  rejected: RowRejection[];
}

export interface IngestDeps {
  dbs: Databases;
  ticks: TickRepo;
  catalogue: Catalogue;
  bus: Bus;
  cache: MarketDataCache;
}

export function createIngestService(deps: IngestDeps) {
  const knownMonths = new Set<string>();

  /** Stores validated ticks once each, then tells subscribers about the new ones. */
  async function storeTicks(ticks: readonly Tick[], source: string): Promise<readonly Tick[]> {
    if (ticks.length === 0) return [];
    const months = monthsOf(ticks).filter((m) => !knownMonths.has(m));
    // Partitions are created in their own statements, so that a failed batch cannot
    // roll one back after this process has remembered it.
    await deps.ticks.ensurePartitions(deps.dbs.db, months);
    months.forEach((m) => knownMonths.add(m));
    const stored = await deps.dbs.db.transaction().execute(async (trx) => {
      const added = await deps.ticks.copyRows(trx, deps.dbs.kind, ticks, source);
      await deps.ticks.refreshHourlyBars(trx, added);
      return added;
    });
    if (stored.length === 0) return stored;
    await deps.cache.invalidateInstruments(stored.map((t) => t.instrumentId));
    for (let i = 0; i < stored.length; i += PUBLISH_CHUNK) {
      const batch: TickBatchMessage = { ticks: stored.slice(i, i + PUBLISH_CHUNK) };
      await deps.bus.publish(TICKS_TOPIC, batch);
    }
    return stored;
  }

  return {
    storeTicks,

    /**
     * Validates a batch and stores it whole, or with `partial` stores the good rows
     * and reports the bad ones. Every broken rule of every row is named at once.
     */
    /** The platform's tick CSV (see adapters/csv-ticks.ts); rejections name the file line. */
    async importCsv(text: string, opts: { partial: boolean }): Promise<IngestReport> {
      const parsed = readUploadedFile('csv', () => parseTickCsv(text));
      return this.ingest(
        parsed.rows.map((r) => ({
          ...r,
          deliveryStart: r.delivery?.start,
          deliveryEnd: r.delivery?.end,
        })),
        { partial: opts.partial, source: 'csv' },
      );
    },

    async ingest(
      rows: readonly TickInput[],
      opts: { partial: boolean; source: string },
    ): Promise<IngestReport> {
      const report = validateTicks(rows.map(toIngestRow), deps.catalogue);
      const rejected = report.rejected.map((r) => ({ ...r, field: `ticks.${r.row}.${r.field}` }));
      if (rejected.length > 0 && !opts.partial) {
        const rows = new Set(rejected.map((r) => r.row)).size;
        throw new DomainError(
          'validation',
          'invalid_ticks',
          `${rows} of ${report.accepted.length + rows} rows break a rule; nothing was stored`,
          rejected.map(({ field, rule, message }) => ({ field, rule, message })),
        );
      }
      const stored = await storeTicks(report.accepted, opts.source);
      return { accepted: report.accepted.length, stored: stored.length, rejected };
    },
  };
}

export type IngestService = ReturnType<typeof createIngestService>;

const instant = (value: string | number): number =>
  typeof value === 'number' ? value : /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : NaN;

const amount = (value: number | string | null): number =>
  value === null
    ? NaN
    : typeof value === 'number'
      ? value
      : value.trim() === ''
        ? NaN
        : Number(value);

function toIngestRow(input: TickInput): IngestRow {
  const row: IngestRow = {
    instrumentId: input.instrumentId,
    time: instant(input.time),
    price: amount(input.price),
    volume: amount(input.volume),
  };
  if (input.deliveryStart !== undefined || input.deliveryEnd !== undefined) {
    row.delivery = {
      start: instant(input.deliveryStart ?? ''),
      end: instant(input.deliveryEnd ?? ''),
    };
  }
  return row;
}
