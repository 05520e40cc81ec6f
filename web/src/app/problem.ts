import type { SerializedError } from '@reduxjs/toolkit';
import type { FetchBaseQueryError, FetchBaseQueryMeta } from '@reduxjs/toolkit/query';
import type { FieldIssue, Problem } from './types';

/** What the UI tells a person about a failed request. */
export interface Failure {
  status: number | null;
  title: string;
  detail: string | null;
  code: string | null;
  requestId: string | null;
  fieldErrors: FieldIssue[];
}

function isFetchError(error: unknown): error is FetchBaseQueryError {
  return typeof error === 'object' && error !== null && 'status' in error;
}

function asProblem(data: unknown): Problem {
  return typeof data === 'object' && data !== null ? data : {};
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** Turns an RTK Query error (and the response it came with, if any) into words for the user. */
export function describeFailure(
  error: FetchBaseQueryError | SerializedError | undefined,
  meta?: FetchBaseQueryMeta,
): Failure {
  const headerRequestId = meta?.response?.headers.get('x-request-id') ?? null;
  const base: Failure = {
    status: null,
    title: 'Request failed',
    detail: null,
    code: null,
    requestId: headerRequestId,
    fieldErrors: [],
  };
  if (!error) return base;
  if (!isFetchError(error))
    return { ...base, title: 'Something went wrong', detail: text(error.message) };

  switch (error.status) {
    case 'FETCH_ERROR':
      return { ...base, title: 'Cannot reach the server', detail: error.error };
    case 'TIMEOUT_ERROR':
      return { ...base, title: 'The server took too long to answer', detail: error.error };
    case 'PARSING_ERROR':
      return {
        ...base,
        status: error.originalStatus,
        title: `Unexpected response from the server (${error.originalStatus})`,
        detail: null,
      };
    case 'CUSTOM_ERROR':
      return { ...base, title: 'Request failed', detail: error.error };
    default: {
      const problem = asProblem(error.data);
      return {
        status: error.status,
        title: text(problem.title) ?? `Request failed with status ${error.status}`,
        detail: text(problem.detail),
        code: text(problem.code),
        requestId: text(problem.requestId) ?? headerRequestId,
        fieldErrors: Array.isArray(problem.errors) ? problem.errors : [],
      };
    }
  }
}

/** The server's message for one form field, if it named that field. */
export function fieldError(failure: Failure | null, field: string): string | null {
  return (
    failure?.fieldErrors.find((issue) => issue.field === field || issue.field.endsWith(`.${field}`))
      ?.message ?? null
  );
}
