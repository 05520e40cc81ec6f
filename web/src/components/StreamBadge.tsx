import type { StreamStatus } from '../app/stream/streamClient';

const looks: Record<StreamStatus, { text: string; dot: string }> = {
  live: { text: 'Live', dot: 'bg-emerald-400' },
  connecting: { text: 'Connecting…', dot: 'bg-amber-400 animate-pulse' },
  reconnecting: { text: 'Reconnecting · polling', dot: 'bg-amber-400 animate-pulse' },
  stopped: { text: 'Offline · polling', dot: 'bg-slate-500' },
};

/** Whether the blotters move live or are being polled while the socket is down. */
export function StreamBadge({ status }: { status: StreamStatus }) {
  const look = looks[status];
  return (
    <span
      className="inline-flex items-center gap-1.5 rounded-full border border-slate-700 px-2.5 py-0.5 text-xs text-slate-300"
      data-testid="trading-stream-status"
      data-status={status}
    >
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${look.dot}`} />
      {look.text}
    </span>
  );
}
