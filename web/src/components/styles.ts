/** Shared Tailwind class lists, so every form and table on the desk looks the same. */
export const inputClass =
  'w-full rounded-md border border-slate-700 bg-slate-900 px-3 py-2 text-sm text-slate-100 placeholder-slate-500 focus:border-sky-500 focus:outline-none focus:ring-1 focus:ring-sky-500';

export const primaryButton =
  'inline-flex items-center justify-center rounded-md bg-sky-600 px-3 py-2 text-sm font-medium text-white hover:bg-sky-500 disabled:cursor-not-allowed disabled:opacity-50';

export const secondaryButton =
  'inline-flex items-center justify-center rounded-md border border-slate-700 bg-slate-800 px-3 py-1.5 text-sm text-slate-200 hover:bg-slate-700 disabled:cursor-not-allowed disabled:opacity-50';

export const dangerButton =
  'inline-flex items-center justify-center rounded-md border border-rose-800 bg-rose-950 px-3 py-1.5 text-sm text-rose-200 hover:bg-rose-900 disabled:cursor-not-allowed disabled:opacity-50';

export const panelClass = 'rounded-lg border border-slate-800 bg-slate-900/60 p-4';

export const tableClass = 'w-full min-w-[40rem] text-left text-sm';
export const thClass =
  'border-b border-slate-800 px-3 py-2 text-xs font-medium uppercase tracking-wide text-slate-400';
export const tdClass = 'border-b border-slate-800/60 px-3 py-2 align-top';
