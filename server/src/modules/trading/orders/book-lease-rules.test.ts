import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.js';
import { instanceIdOf, LeaseBoard } from './book-lease-rules.js';

describe('instance ids', () => {
  it('uses the configured INSTANCE_ID when there is one, else host name and process id', () => {
    expect(instanceIdOf('api-eu-1', 'host', 42)).toBe('api-eu-1');
    expect(instanceIdOf(undefined, 'trading-host', 4242)).toBe('trading-host:4242');
  });

  it('keeps within what PostgreSQL stores as an application name', () => {
    const id = instanceIdOf(undefined, `${'h'.repeat(70)}é`, 1);
    expect(id).toHaveLength(63);
    expect(instanceIdOf(undefined, 'höst', 7)).toBe('h?st:7');
  });
});

describe('the lease board', () => {
  const books = ['PWR-DE', 'GAS-TTF'];

  it('takes no orders for a book until its lease is won, and names who owns it meanwhile', () => {
    const board = new LeaseBoard('api-b', books);
    expect(board.owns('PWR-DE')).toBe(false);
    board.heldBy('PWR-DE', 'api-a');
    const refusal = board.refusal('PWR-DE');
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({
      kind: 'unavailable',
      code: 'book_owned_elsewhere',
      extra: { owner: 'api-a', instrumentId: 'PWR-DE', instance: 'api-b' },
    });
    expect(refusal?.message).toContain('api-a');
    expect(board.refusal('GAS-TTF')).toMatchObject({ extra: { owner: null } });
  });

  it('refuses orders while a won book is rebuilt, and takes them once it is owned', () => {
    const board = new LeaseBoard('api-b', books);
    board.takingOver('PWR-DE');
    expect(board.refusal('PWR-DE')?.message).toContain('taking over');
    expect(board.wanted()).toEqual(['GAS-TTF']);
    board.owned('PWR-DE');
    expect(board.refusal('PWR-DE')).toBeUndefined();
    expect(board.ownedBooks()).toEqual(['PWR-DE']);
  });

  it('loses every book at once when the session that held the leases is gone, and wants them all back', () => {
    const board = new LeaseBoard('api-a', books);
    board.owned('PWR-DE');
    board.takingOver('GAS-TTF');
    expect(board.loseAll()).toEqual(books);
    expect(board.owns('PWR-DE')).toBe(false);
    expect(board.wanted()).toEqual(books);
    expect(board.refusal('PWR-DE')).toMatchObject({ extra: { owner: null } });
  });

  it('leaves books outside the desk to the caller, who answers them as unknown', () => {
    const board = new LeaseBoard('api-a', books);
    board.owned('NOT-A-BOOK');
    expect(board.refusal('NOT-A-BOOK')).toBeUndefined();
    expect(board.ownedBooks()).toEqual([]);
  });
});
