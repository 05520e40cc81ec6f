import { DomainError, notFound } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';

/**
 * Who may see which book, for every module that lists books (positions, P&L, VaR, stress,
 * limits, options). A book is a trading account. A risk manager (or admin: risk:write) sees
 * every book the desk has; anyone else sees their own book only.
 */
export const seesEveryBook = (principal: Principal): boolean =>
  principal.permissions.has('risk:write');

/**
 * The books a caller asked for, or may see when they named none: a risk manager's unnamed
 * request is every desk book, anyone else's their own. Someone else's book is refused (403)
 * before it is looked up, so the answer does not tell a trader which books exist; a risk
 * manager naming a book the desk does not have gets a 404 that names it.
 */
export function visibleBooks(
  principal: Principal,
  requested: string | undefined,
  deskBooks: readonly string[],
): string[] {
  const manager = seesEveryBook(principal);
  if (requested === undefined) return manager ? [...new Set(deskBooks)] : [principal.username];
  if (requested === principal.username) return [requested];
  if (!manager) {
    throw new DomainError(
      'forbidden',
      'book_forbidden',
      `book ${requested} is not yours; only a risk manager sees other books`,
    );
  }
  if (!deskBooks.includes(requested)) throw notFound(`book ${requested}`, 'book_not_found');
  return [requested];
}
