import type { ReactNode } from 'react';

/** Said plainly when there is nothing to list, rather than an empty table that looks broken. */
export function EmptyState({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <p
      className="rounded-md border border-dashed border-slate-700 px-4 py-6 text-center text-sm text-slate-400"
      data-testid={testId}
    >
      {children}
    </p>
  );
}
