import type { Instrument } from './types';

/** The contract terms a trader checks before reading a price. */
export function InstrumentTerms({ instrument }: { instrument: Instrument }) {
  const terms: [string, string][] = [
    ['Venue', instrument.venue],
    ['Area', instrument.area],
    ['Delivery', instrument.deliveryPeriod],
    ['Quoted in', `${instrument.currency}/${instrument.unit}`],
    ['Tick · lot', `${instrument.tickSize} · ${instrument.lotSize} ${instrument.unit}`],
    ['Time zone', instrument.timeZone],
  ];
  return (
    <dl
      className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs sm:grid-cols-3 lg:grid-cols-6"
      data-testid="instrument-terms"
    >
      {terms.map(([name, value]) => (
        <div key={name} className="min-w-0">
          <dt className="text-slate-500">{name}</dt>
          <dd className="truncate text-slate-200" title={value}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
