import { useState, type FormEvent } from 'react';
import { useAppDispatch } from '../../app/hooks';
import { notify } from '../../app/notifications';
import {
  dangerButton,
  inputClass,
  panelClass,
  primaryButton,
  secondaryButton,
} from '../../components/styles';
import { checkCurve, type StepRow } from './curve';
import { SelectField } from './SelectField';
import { useSubmitCurveMutation } from './tradingApi';
import type { Auction, CurveSide } from './types';

// Hour 24 exists only on the day clocks go back, when a delivery day has 25 hours.
const hours = Array.from({ length: 25 }, (_, h) => ({
  value: String(h),
  label:
    h === 24
      ? 'H25 (clock change)'
      : `${String(h).padStart(2, '0')}:00–${String(h + 1).padStart(2, '0')}:00`,
}));
const sides = [
  { value: 'bid', label: 'Bid (buy)' },
  { value: 'offer', label: 'Offer (sell)' },
];

let nextKey = 1;
const blankRow = (): StepRow => ({ key: nextKey++, price: '', quantity: '' });

/** A bid or offer step curve for one delivery hour of an auction, as editable rows. */
export function CurveEditor({ auction }: { auction: Auction }) {
  const dispatch = useAppDispatch();
  const [submitCurve, { isLoading }] = useSubmitCurveMutation();
  const [hour, setHour] = useState('0');
  const [side, setSide] = useState<CurveSide>('bid');
  const [rows, setRows] = useState<StepRow[]>(() => [blankRow(), blankRow()]);
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});
  const [curveError, setCurveError] = useState<string | null>(null);
  const closed = auction.status !== 'open';

  function edit(key: number, field: 'price' | 'quantity', value: string) {
    setRows((current) => current.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const check = checkCurve(rows, side);
    setRowErrors(check.rowErrors);
    setCurveError(check.curveError);
    if (check.curveError || Object.keys(check.rowErrors).length > 0) return;
    const sent = await submitCurve({
      auctionId: auction.id,
      hour: Number(hour),
      side,
      steps: check.steps,
    })
      .unwrap()
      .then(() => true)
      .catch(() => false);
    if (sent)
      dispatch(
        notify({
          tone: 'success',
          title: `Curve for hour ${Number(hour) + 1} submitted`,
          detail: null,
          requestId: null,
        }),
      );
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      className={`${panelClass} space-y-3`}
      aria-label="Auction curve"
      data-testid="curve-editor"
    >
      <h3 className="text-sm font-semibold text-slate-100">Submit a curve</h3>
      <div className="grid grid-cols-2 gap-3">
        <SelectField
          label="Delivery hour"
          name="hour"
          value={hour}
          options={hours}
          onChange={(e) => setHour(e.target.value)}
        />
        <SelectField
          label="Side"
          name="side"
          value={side}
          options={sides}
          onChange={(e) => setSide(e.target.value as CurveSide)}
        />
      </div>
      <ol className="space-y-2">
        {rows.map((row, index) => (
          <li key={row.key} className="space-y-1" data-testid="curve-step">
            <div className="flex items-center gap-2">
              <span className="w-6 text-xs text-slate-500">{index + 1}</span>
              <input
                aria-label={`Step ${index + 1} price`}
                placeholder="Price"
                inputMode="decimal"
                className={inputClass}
                value={row.price}
                onChange={(e) => edit(row.key, 'price', e.target.value)}
              />
              <input
                aria-label={`Step ${index + 1} quantity`}
                placeholder="MW"
                inputMode="decimal"
                className={inputClass}
                value={row.quantity}
                onChange={(e) => edit(row.key, 'quantity', e.target.value)}
              />
              <button
                type="button"
                className={dangerButton}
                aria-label={`Remove step ${index + 1}`}
                disabled={rows.length === 1}
                onClick={() => setRows((r) => r.filter((x) => x.key !== row.key))}
              >
                ×
              </button>
            </div>
            {rowErrors[row.key] ? (
              <p className="pl-8 text-xs text-rose-400">{rowErrors[row.key]}</p>
            ) : null}
          </li>
        ))}
      </ol>
      {curveError ? <p className="text-xs text-rose-400">{curveError}</p> : null}
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={secondaryButton}
          onClick={() => setRows((r) => [...r, blankRow()])}
        >
          Add step
        </button>
        <button type="submit" className={primaryButton} disabled={isLoading || closed}>
          {closed ? 'Auction cleared' : isLoading ? 'Sending…' : 'Submit curve'}
        </button>
      </div>
    </form>
  );
}
