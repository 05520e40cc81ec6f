import type { FetchBaseQueryError } from '@reduxjs/toolkit/query';
import type { SerializedError } from '@reduxjs/toolkit';
import type { Order } from './types';

export interface Rejection {
  reason: string;
  order: Order | null;
}

/** The engine's refusal inside a 422 `order_rejected` problem, if that is what the error is. */
export function rejectionOf(
  error: FetchBaseQueryError | SerializedError | undefined,
): Rejection | null {
  if (!error || !('status' in error) || error.status !== 422) return null;
  const data = error.data as { code?: unknown; reason?: unknown; order?: unknown } | undefined;
  if (data?.code !== 'order_rejected') return null;
  const order =
    typeof data.order === 'object' && data.order !== null ? (data.order as Order) : null;
  const reason = typeof data.reason === 'string' ? data.reason : (order?.rejectReason ?? '');
  return { reason, order };
}
