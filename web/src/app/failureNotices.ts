import { createListenerMiddleware, isRejected, type UnknownAction } from '@reduxjs/toolkit';
import type { FetchBaseQueryError, FetchBaseQueryMeta } from '@reduxjs/toolkit/query';
import { notify } from './notifications';
import { describeFailure } from './problem';

/** Endpoints whose failures are expected and handled on the page, never toasted. */
const silentEndpoints = new Set(['restoreSession']);

/** Codes that are a step of a flow rather than a failure (the login page asks for the TOTP). */
const silentCodes = new Set(['mfa_required']);

interface RejectedMeta {
  condition?: boolean;
  aborted?: boolean;
  rejectedWithValue?: boolean;
  arg?: { endpointName?: string };
  baseQueryMeta?: FetchBaseQueryMeta;
}

/**
 * Every failed request becomes a visible notification: a listener on
 * rejected thunks (RTK Query's queries and mutations are thunks) turns the
 * problem document into a toast with its request id, so a person can quote
 * it to support.
 */
export function noticeFailedRequests(): ReturnType<typeof createListenerMiddleware> {
  const listener = createListenerMiddleware();
  listener.startListening({
    predicate: (action: UnknownAction) => isRejected(action),
    effect: (action, { dispatch }) => {
      if (!isRejected(action)) return;
      const meta = action.meta as RejectedMeta;
      // A query skipped because it was cached or superseded is not a failure.
      if (meta.condition || meta.aborted) return;
      if (meta.arg?.endpointName && silentEndpoints.has(meta.arg.endpointName)) return;
      const error = meta.rejectedWithValue ? (action.payload as FetchBaseQueryError) : action.error;
      const failure = describeFailure(error, meta.baseQueryMeta);
      if (failure.code && silentCodes.has(failure.code)) return;
      dispatch(
        notify({
          tone: 'error',
          title: failure.title,
          detail: failure.detail,
          requestId: failure.requestId,
        }),
      );
    },
  });
  return listener;
}
