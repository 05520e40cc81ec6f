import {
  applyCommand,
  type BookCommand,
  type BookEvent,
  type OrderBook,
  type OrderChange,
  type OrderRequest,
  type RejectReason,
} from '../domain/index.js';
import type { OrderRecord, TradeRecord } from '../order-record.js';
import { isOpen } from '../order-record.js';
import { UnitOfWork } from './unit-of-work.js';

/** `requestId` names the HTTP request a job came from, for the log when its commit fails. */
export type WriterJob = { requestId?: string | undefined } & (
  | {
      kind: 'submit';
      record: OrderRecord;
      request: OrderRequest;
      check: () => Promise<string | undefined>;
    }
  | { kind: 'cancel'; orderId: string; at: number }
  | { kind: 'modify'; orderId: string; change: OrderChange; at: number }
  | { kind: 'expire'; at: number }
  | { kind: 'halt' | 'resume'; reason: 'halted' | 'kill_switch'; at: number }
);

export interface JobOutcome {
  /** The order the job was about, as it stood right after the job. */
  order: OrderRecord | undefined;
  trades: TradeRecord[];
  /** Why the engine refused a cancel or modify. */
  refused: RejectReason | null;
}

/** The in-memory state of one instrument that the log rebuilds. */
export interface BookState {
  book: OrderBook;
  /** Open orders of this book by id. */
  open: Map<string, OrderRecord>;
  /** Net position in lots per account, from the book's trades. */
  net: Map<string, number>;
  /** The listener the book emits to; the writer reads what the last command emitted. */
  events: BookEvent[];
}

export interface WriterDeps {
  instrumentId: string;
  state: BookState;
  /** Appends the batch and its effects in one transaction. */
  persist(uow: UnitOfWork, requestIds: string[]): Promise<void>;
  /** Reloads the state from the log after a failed transaction. */
  restore(): Promise<BookState>;
  committed(uow: UnitOfWork, outcomes: JobOutcome[]): void;
  /** Told of every batch that did not commit, with its requests; `retrying` when its jobs are tried one by one next. */
  failed?(error: unknown, requestIds: string[], retrying: boolean): void;
  maxBatch?: number;
  /** Stores the state as a snapshot that start-up continues from (`desk-state.ts`). */
  snapshot?(state: BookState): Promise<void>;
  /** Commands committed between two snapshots. */
  snapshotEvery?: number;
}

interface Pending {
  job: WriterJob;
  resolve(outcome: JobOutcome): void;
  reject(error: unknown): void;
}

/**
 * The single writer of one book. Commands queue here and are applied strictly one
 * at a time; whatever arrived while a transaction was committing goes into the
 * next one together (group commit), so every acknowledgement still follows its
 * own durable write and throughput does not stop at one commit per order.
 */
export class BookWriter {
  private readonly queue: Pending[] = [];
  private draining = false;
  /** Set when a failed batch could not be undone by reloading; the next batch reloads first. */
  private stale = false;
  private idleWaiters: (() => void)[] = [];
  private readonly maxBatch: number;
  private sinceSnapshot = 0;

  constructor(private readonly deps: WriterDeps) {
    this.maxBatch = deps.maxBatch ?? 256;
  }

  get state(): BookState {
    return this.deps.state;
  }

  get idle(): boolean {
    return !this.draining && this.queue.length === 0;
  }

  /** Resolves once everything queued so far is committed or refused. */
  whenIdle(): Promise<void> {
    if (this.idle) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  run(job: WriterJob): Promise<JobOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        void this.drain();
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.maxBatch);
        await this.runBatch(batch);
        await this.snapshotIfDue();
      }
    } finally {
      this.draining = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const wake of waiters) wake();
    }
  }

  /** Between batches memory matches the log exactly, so that is when a snapshot is taken. */
  private async snapshotIfDue(): Promise<void> {
    const every = this.deps.snapshotEvery ?? 0;
    if (this.deps.snapshot === undefined || every <= 0 || this.sinceSnapshot < every || this.stale)
      return;
    this.sinceSnapshot = 0;
    // A missing snapshot only makes the next start-up replay more; order entry goes on.
    await this.deps.snapshot(this.deps.state).catch(() => undefined);
  }

  /**
   * Commits a batch; if it fails, tries its jobs one at a time from the restored
   * book, so that one command the database refuses fails alone and the commands
   * around it are still recorded, in their order.
   */
  private async runBatch(batch: Pending[]): Promise<void> {
    const first = await this.attempt(batch);
    if (first.ok) return;
    const retrying = batch.length > 1 && first.restored;
    this.deps.failed?.(first.error, requestIdsOf(batch), retrying);
    if (!retrying) {
      for (const pending of batch) pending.reject(first.error);
      return;
    }
    for (const pending of batch) {
      const alone = await this.attempt([pending]);
      if (alone.ok) continue;
      this.deps.failed?.(alone.error, requestIdsOf([pending]), false);
      pending.reject(alone.error);
    }
  }

  /** Applies and commits the jobs, resolving them; on failure rebuilds the book from the log and says whether that worked. */
  private async attempt(
    batch: Pending[],
  ): Promise<{ ok: true } | { ok: false; error: unknown; restored: boolean }> {
    const outcomes: JobOutcome[] = [];
    let uow: UnitOfWork;
    try {
      if (this.stale) {
        this.deps.state = await this.deps.restore();
        this.stale = false;
      }
      const state = this.deps.state;
      uow = new UnitOfWork(this.deps.instrumentId, (id) => state.open.get(id));
      for (const { job } of batch) outcomes.push(await this.apply(job, uow));
      await this.deps.persist(uow, requestIdsOf(batch));
    } catch (error) {
      // Memory may be ahead of the database now: rebuild it from the log, now or before the next batch.
      this.stale = true;
      try {
        this.deps.state = await this.deps.restore();
        this.stale = false;
      } catch {
        // The database is unreachable; the next batch tries again.
      }
      return { ok: false, error, restored: !this.stale };
    }
    const state = this.deps.state;
    this.sinceSnapshot += uow.commands.length;
    for (const record of uow.changed.values())
      if (!isOpen(record.status)) state.open.delete(record.id);
    this.deps.committed(uow, outcomes);
    batch.forEach((pending, i) => pending.resolve(outcomes[i] as JobOutcome));
    return { ok: true };
  }

  private async apply(job: WriterJob, uow: UnitOfWork): Promise<JobOutcome> {
    const state = this.deps.state;
    if (job.kind === 'submit') {
      const reason = await job.check();
      // A copy, so that a retry after a failed commit starts from the order as it was submitted.
      const record = { ...job.record };
      if (reason !== undefined) {
        record.status = 'rejected';
        record.rejectReason = reason;
        uow.log({
          kind: 'pre_trade_reject',
          orderId: record.id,
          payload: { orderId: record.id, reason },
          at: record.createdAt,
        });
        uow.touch(record);
        return { order: { ...record }, trades: [], refused: null };
      }
      state.open.set(record.id, record);
      const { trades } = this.execute({ kind: 'submit', order: job.request }, record.id, uow);
      return { order: { ...record }, trades, refused: null };
    }
    const command = commandOf(job);
    const orderId = job.kind === 'cancel' || job.kind === 'modify' ? job.orderId : null;
    const before = orderId === null ? undefined : state.open.get(orderId);
    const { trades, refused } = this.execute(command, orderId, uow);
    return { order: before ? { ...before } : undefined, trades, refused };
  }

  private execute(
    command: BookCommand,
    orderId: string | null,
    uow: UnitOfWork,
  ): { trades: TradeRecord[]; refused: RejectReason | null } {
    const state = this.deps.state;
    state.events.length = 0;
    const refused = applyCommand(state.book, command);
    // Refused cancels and modifies change nothing, so they need no place in the log.
    if (refused !== null && command.kind !== 'submit') return { trades: [], refused };
    uow.log({
      kind: command.kind,
      orderId,
      payload: command,
      at: command.kind === 'submit' ? command.order.at : command.at,
    });
    const trades = uow.fold(state.events);
    for (const t of trades) {
      state.net.set(t.buyer, (state.net.get(t.buyer) ?? 0) + t.quantityLots);
      state.net.set(t.seller, (state.net.get(t.seller) ?? 0) - t.quantityLots);
    }
    return { trades, refused };
  }
}

function commandOf(job: Exclude<WriterJob, { kind: 'submit' }>): BookCommand {
  switch (job.kind) {
    case 'cancel':
      return { kind: 'cancel', orderId: job.orderId, at: job.at };
    case 'modify':
      return { kind: 'modify', orderId: job.orderId, change: job.change, at: job.at };
    case 'expire':
      return { kind: 'expire', at: job.at };
    case 'halt':
    case 'resume':
      return { kind: job.kind, reason: job.reason, at: job.at };
  }
}

const requestIdsOf = (batch: readonly Pending[]): string[] =>
  batch.flatMap(({ job }) => (job.requestId === undefined ? [] : [job.requestId]));
