import { useState } from 'react';
import { secondaryButton } from '../../components/styles';
import type { IssuedApiKey } from './apiKeysApi';

/** The secret is shown once; after this panel is closed nobody, the server included, can show it again. */
export function IssuedKeyNotice({
  issued,
  onClose,
}: {
  issued: IssuedApiKey;
  onClose: () => void;
}) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(issued.key);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <div
      className="rounded-lg border border-emerald-800 bg-emerald-950/40 p-4"
      data-testid="issued-key"
    >
      <p className="text-sm font-medium text-emerald-200">
        API key “{issued.name}” created. Copy it now: it will not be shown again.
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code
          className="min-w-0 flex-1 break-all rounded bg-slate-950 px-2 py-1.5 font-mono text-xs text-emerald-100"
          data-testid="issued-key-value"
        >
          {issued.key}
        </code>
        <button type="button" className={secondaryButton} onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className={secondaryButton} onClick={onClose}>
          Done
        </button>
      </div>
      {copied === 'failed' ? (
        <p className="mt-1 text-xs text-amber-300">
          The browser refused the clipboard; select the key and copy it by hand.
        </p>
      ) : null}
    </div>
  );
}
