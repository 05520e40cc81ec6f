/**
 * Domain errors carry a stable code and never an HTTP status: the gateway's one
 * error handler maps kinds to statuses, so services stay free of transport concerns.
 */
export type DomainErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'locked'
  | 'rate_limited'
  | 'unavailable';

export interface FieldIssue {
  field: string;
  rule: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly fieldIssues: FieldIssue[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (field: string, rule: string, message: string): DomainError =>
  new DomainError('validation', 'validation_failed', message, [{ field, rule, message }]);

export const notFound = (what: string, code = 'not_found'): DomainError =>
  new DomainError('not_found', code, `${what} was not found`);

export const conflict = (code: string, message: string): DomainError =>
  new DomainError('conflict', code, message);
