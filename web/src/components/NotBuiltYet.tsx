import { PageTitle } from './PageTitle';

/** An honest placeholder: names what the area will hold and shows no invented figures. */
export function NotBuiltYet({ area, summary }: { area: string; summary: string }) {
  return (
    <section data-testid="not-built-yet">
      <PageTitle title={area} />
      <div className="rounded-lg border border-dashed border-slate-700 p-6 text-sm text-slate-400">
        <p className="font-medium text-slate-300">Not built yet.</p>
        <p className="mt-2">This area will hold {summary}. It is not available yet.</p>
      </div>
    </section>
  );
}
