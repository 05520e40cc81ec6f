import type { OrdersRow, TradesRow } from '../tables.js';

/** What one or more book writers append together; trades name their command by index. */
export interface LogBatch {
  commands: {
    instrumentId: string;
    kind: string;
    orderId: string | null;
    payload: unknown;
    at: number;
  }[];
  orders: OrdersRow[];
  /** `command_seq` holds the index of the trade's command in `commands` until the database numbers it. */
  trades: TradesRow[];
  /** The requests whose commands the batch holds, so that a failed commit names them in the log. */
  requestIds: string[];
}

interface Waiting {
  batch: LogBatch;
  resolve(): void;
  reject(error: unknown): void;
}

/** Told when a merged commit failed and each book's batch is tried alone. */
export type CommitFailureListener = (error: unknown, requestIds: string[]) => void;

/**
 * Group commit across books. Each book's writer hands over its batch and waits;
 * whatever the books hand over while a commit is in flight is written together
 * in the next one. A client on a loaded machine waits for at most two commits,
 * and the number of commits per second no longer grows with the number of books.
 * A book has at most one batch here at a time, so each book's log stays in order.
 *
 * A merged commit is all or nothing, so one book's unstorable batch would fail
 * every book in it: when it fails, each book's batch is committed on its own, and
 * only the batches that fail alone are refused.
 */
export class GroupCommitter {
  private waiting: Waiting[] = [];
  private flushing = false;

  constructor(
    private readonly write: (batch: LogBatch) => Promise<void>,
    private readonly onMergedFailure: CommitFailureListener = () => undefined,
  ) {}

  commit(batch: LogBatch): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ batch, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        // Let the other books that finish their batches in this turn join the first commit.
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    while (this.waiting.length > 0) {
      const group = this.waiting;
      this.waiting = [];
      try {
        await this.write(merge(group.map((w) => w.batch)));
        for (const w of group) w.resolve();
      } catch (error) {
        if (group.length === 1) {
          group[0]!.reject(error);
          continue;
        }
        this.onMergedFailure(
          error,
          group.flatMap((w) => w.batch.requestIds),
        );
        for (const w of group) {
          try {
            await this.write(w.batch);
            w.resolve();
          } catch (alone) {
            w.reject(alone);
          }
        }
      }
    }
    this.flushing = false;
  }
}

function merge(batches: LogBatch[]): LogBatch {
  if (batches.length === 1) return batches[0]!;
  const merged: LogBatch = { commands: [], orders: [], trades: [], requestIds: [] };
  for (const b of batches) {
    const offset = merged.commands.length;
    merged.commands.push(...b.commands);
    merged.orders.push(...b.orders);
    merged.requestIds.push(...b.requestIds);
    for (const t of b.trades) merged.trades.push({ ...t, command_seq: t.command_seq + offset });
  }
  return merged;
}
