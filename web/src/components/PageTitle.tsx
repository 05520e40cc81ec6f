import type { ReactNode } from 'react';

export function PageTitle({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mb-4 flex flex-wrap items-end justify-between gap-2">
      <h1 className="text-xl font-semibold text-slate-100">{title}</h1>
      {children}
    </div>
  );
}
