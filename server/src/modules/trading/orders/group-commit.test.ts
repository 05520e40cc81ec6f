import { describe, expect, it } from 'vitest';
import { GroupCommitter, type LogBatch } from './group-commit.js';

const batch = (book: string, requestId: string): LogBatch => ({
  commands: [{ instrumentId: book, kind: 'submit', orderId: requestId, payload: {}, at: 0 }],
  orders: [],
  trades: [],
  requestIds: [requestId],
});

describe('group commit', () => {
  it('commits the other books of a merged commit that one book made fail, and refuses only that book', async () => {
    const written: string[][] = [];
    const failures: string[][] = [];
    const committer = new GroupCommitter(
      async (b) => {
        if (b.requestIds.includes('bad')) throw new Error('refused');
        written.push(b.requestIds);
      },
      (_error, ids) => void failures.push(ids),
    );
    const outcomes = await Promise.allSettled([
      committer.commit(batch('A', 'a1')),
      committer.commit(batch('B', 'bad')),
      committer.commit(batch('C', 'c1')),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(written).toEqual([['a1'], ['c1']]);
    expect(failures).toEqual([['a1', 'bad', 'c1']]);
  });
});
