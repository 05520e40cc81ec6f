import type { RiskStreamStatus } from './riskStream';

const looks: Record<RiskStreamStatus, { text: string; dot: string }> = {
  live: { text: 'Live', dot: 'bg-emerald-400' },
  connecting: { text: 'Connecting…', dot: 'bg-amber-400 animate-pulse' },
  reconnecting: { text: 'Reconnecting · polling', dot: 'bg-amber-400 animate-pulse' },
  stopped: { text: 'Offline · polling', dot: 'bg-slate-500' },
};

/** Whether alerts arrive as they are raised or are being polled while the socket is down. */
export function LiveBadge({ status }: { status: RiskStreamStatus }) {
  const look = looks[status];
  return (
    <span
      className="inline-flex items-center gap-1.5 rounded-full border border-slate-700 px-2.5 py-0.5 text-xs text-slate-300"
      data-testid="risk-stream-status"
      data-status={status}
    >
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${look.dot}`} />
      {look.text}
    </span>
  );
}
