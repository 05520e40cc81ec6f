import type { OrderStatus } from './types';

const looks: Record<OrderStatus, { text: string; tone: string }> = {
  new: { text: 'New', tone: 'border-slate-600 text-slate-300' },
  accepted: { text: 'Working', tone: 'border-sky-700 bg-sky-950/60 text-sky-200' },
  partially_filled: {
    text: 'Part filled',
    tone: 'border-amber-700 bg-amber-950/60 text-amber-200',
  },
  filled: { text: 'Filled', tone: 'border-emerald-700 bg-emerald-950/60 text-emerald-200' },
  cancelled: { text: 'Cancelled', tone: 'border-slate-700 text-slate-400' },
  expired: { text: 'Expired', tone: 'border-slate-700 text-slate-400' },
  rejected: { text: 'Rejected', tone: 'border-rose-800 bg-rose-950/60 text-rose-200' },
};

export function StatusBadge({ status }: { status: OrderStatus }) {
  const look = looks[status];
  return (
    <span
      className={`inline-block whitespace-nowrap rounded-full border px-2 py-0.5 text-xs ${look.tone}`}
      data-testid="order-status"
      data-status={status}
    >
      {look.text}
    </span>
  );
}
