import { DomainError, notFound } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';

/**
 * Which books a caller may look at. A book is a trading account. A risk manager (or
 * admin: risk:write) sees every book the desk has and, without one named, all of them;
 * anyone else sees their own book only, as in the risk module.
 */
export function visibleBooks(
  principal: Principal,
  requested: string | undefined,
  deskBooks: readonly string[],
): string[] {
  const manager = principal.permissions.has('risk:write');
  if (requested === undefined) return manager ? [...deskBooks] : [principal.username];
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
