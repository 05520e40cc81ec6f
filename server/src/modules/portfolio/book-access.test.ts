import { describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { visibleBooks } from './book-access.js';

const person = (username: string, permissions: string[]): Principal => ({
  kind: 'user',
  userId: username,
  username,
  roles: [],
  permissions: new Set(permissions),
});
const trader = person('alice', ['portfolio:read', 'risk:read']);
const riskManager = person('risk', ['portfolio:read', 'risk:read', 'risk:write']);
const desk = ['alice', 'bob'];

const refusal = (ask: () => unknown): { kind: string; code: string } | undefined => {
  try {
    ask();
  } catch (error) {
    if (error instanceof DomainError) return { kind: error.kind, code: error.code };
    throw error;
  }
  return undefined;
};

describe('who may see which book', () => {
  it('shows a trader their own book, named or not, even before it has traded', () => {
    expect(visibleBooks(trader, undefined, desk)).toEqual(['alice']);
    expect(visibleBooks(trader, 'alice', desk)).toEqual(['alice']);
    expect(visibleBooks(person('new', []), 'new', desk)).toEqual(['new']);
  });

  it('shows a risk manager any desk book, and every one when none is named', () => {
    expect(visibleBooks(riskManager, 'bob', desk)).toEqual(['bob']);
    expect(visibleBooks(riskManager, undefined, [...desk, 'bob'])).toEqual(['alice', 'bob']);
  });

  it('answers a risk manager naming a book the desk does not have with not found', () => {
    expect(refusal(() => visibleBooks(riskManager, 'ghost', desk))).toEqual({
      kind: 'not_found',
      code: 'book_not_found',
    });
  });

  it("refuses a trader another's book, whether or not it exists", () => {
    expect(refusal(() => visibleBooks(trader, 'bob', desk))).toEqual({
      kind: 'forbidden',
      code: 'book_forbidden',
    });
    expect(refusal(() => visibleBooks(trader, 'ghost', desk))).toEqual({
      kind: 'forbidden',
      code: 'book_forbidden',
    });
  });
});
