import { secondaryButton } from '../../components/styles';
import { useVerifyAuditQuery } from './auditApi';

/** Whether every entry still hashes onto the one before it, i.e. nobody edited the log behind the server's back. */
export function ChainStatus() {
  const { data, isFetching, isError, refetch } = useVerifyAuditQuery();
  let tone = 'border-slate-700 bg-slate-900/60 text-slate-300';
  let text = 'Checking the hash chain…';
  if (isError) {
    tone = 'border-rose-800 bg-rose-950/40 text-rose-200';
    text = 'The hash chain could not be checked.';
  } else if (data?.ok) {
    tone = 'border-emerald-800 bg-emerald-950/40 text-emerald-200';
    text = `Hash chain intact: ${data.checked} entries checked.`;
  } else if (data) {
    tone = 'border-rose-800 bg-rose-950/40 text-rose-200';
    text = `Hash chain broken at entry ${data.firstBrokenSeq ?? '?'} (${data.checked} entries checked). The log has been altered outside the application.`;
  }
  return (
    <div
      className={`flex flex-wrap items-center justify-between gap-2 rounded-lg border px-4 py-3 text-sm ${tone}`}
      data-testid="chain-status"
      role="status"
    >
      <span>{isFetching && data ? 'Checking the hash chain…' : text}</span>
      <button
        type="button"
        className={secondaryButton}
        disabled={isFetching}
        onClick={() => void refetch()}
      >
        Verify again
      </button>
    </div>
  );
}
