import { useState, type FormEvent } from 'react';
import { describeFailure, fieldError, type Failure } from '../../app/problem';
import { panelClass, primaryButton } from '../../components/styles';
import { formatFigure } from '../../components/format';
import { rejectionOf } from './rejection';
import { reasonText } from './reasons';
import {
  orderFromTicket,
  validateTicket,
  type TicketDraft,
  type TicketErrors,
  type TicketField,
} from './ticket';
import { TicketFields } from './TicketFields';
import { usePlaceOrderMutation } from './tradingApi';
import type { PlacedOrder, Side, TradingInstrument } from './types';

interface OrderTicketProps {
  instrument: TradingInstrument;
  draft: TicketDraft;
  onDraft: (draft: TicketDraft) => void;
}

type Outcome = { kind: 'placed'; placed: PlacedOrder } | { kind: 'rejected'; reason: string };

function newClientOrderId(): string {
  return `web-${crypto.randomUUID()}`;
}

function outcomeText(placed: PlacedOrder): string {
  const { order } = placed;
  const filled =
    order.filledQuantity > 0
      ? `, ${order.filledQuantity} filled at ${formatFigure(order.averagePrice)}`
      : '';
  return `Order ${order.status.replace('_', ' ')}${filled}.`;
}

/** Order entry: checked against tick and lot here, then against everything else by the server. */
export function OrderTicket({ instrument, draft, onDraft }: OrderTicketProps) {
  const [placeOrder, { isLoading }] = usePlaceOrderMutation();
  const [errors, setErrors] = useState<TicketErrors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  function set<K extends keyof TicketDraft>(key: K, value: TicketDraft[K]) {
    onDraft({ ...draft, [key]: value });
  }

  function messageFor(field: TicketField): string | null {
    return errors[field] ?? fieldError(failure, field);
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validateTicket(draft, instrument, new Date());
    setErrors(found);
    setFailure(null);
    setOutcome(null);
    if (Object.keys(found).length > 0) return;
    try {
      const placed = await placeOrder(
        orderFromTicket(draft, instrument.instrumentId, newClientOrderId()),
      ).unwrap();
      setOutcome({ kind: 'placed', placed });
    } catch (error) {
      const rejection = rejectionOf(error as Parameters<typeof rejectionOf>[0]);
      if (rejection) setOutcome({ kind: 'rejected', reason: rejection.reason });
      else setFailure(describeFailure(error as Parameters<typeof describeFailure>[0]));
    }
  }

  const sideButton = (side: Side) =>
    `flex-1 rounded-md px-3 py-2 text-sm font-semibold ${
      draft.side === side
        ? side === 'buy'
          ? 'bg-emerald-600 text-white'
          : 'bg-rose-600 text-white'
        : 'bg-slate-800 text-slate-300 hover:bg-slate-700'
    }`;

  return (
    <form
      onSubmit={submit}
      noValidate
      className={`${panelClass} space-y-3`}
      aria-label="Order ticket"
      data-testid="order-ticket"
    >
      <h2 className="text-base font-semibold text-slate-100">Order ticket</h2>
      <div role="group" aria-label="Side" className="flex gap-2">
        <button
          type="button"
          className={sideButton('buy')}
          aria-pressed={draft.side === 'buy'}
          onClick={() => set('side', 'buy')}
        >
          Buy
        </button>
        <button
          type="button"
          className={sideButton('sell')}
          aria-pressed={draft.side === 'sell'}
          onClick={() => set('side', 'sell')}
        >
          Sell
        </button>
      </div>
      <TicketFields draft={draft} instrument={instrument} set={set} messageFor={messageFor} />
      <button
        type="submit"
        className={`${primaryButton} w-full`}
        disabled={isLoading || instrument.halted}
      >
        {isLoading
          ? 'Sending…'
          : `${draft.side === 'buy' ? 'Buy' : 'Sell'} ${instrument.instrumentId}`}
      </button>
      {instrument.halted ? (
        <p className="text-xs text-rose-300">Trading in this instrument is halted.</p>
      ) : null}
      {outcome?.kind === 'rejected' ? (
        <p
          role="alert"
          className="rounded-md border border-rose-800 bg-rose-950/50 px-3 py-2 text-sm text-rose-200"
          data-testid="ticket-rejection"
        >
          Rejected: {reasonText(outcome.reason)}
        </p>
      ) : null}
      {outcome?.kind === 'placed' ? (
        <p
          role="status"
          className="rounded-md border border-emerald-800 bg-emerald-950/40 px-3 py-2 text-sm text-emerald-200"
          data-testid="ticket-outcome"
        >
          {outcomeText(outcome.placed)}
        </p>
      ) : null}
      {failure && failure.fieldErrors.length === 0 ? (
        <p role="alert" className="text-sm text-rose-300">
          {failure.title}
          {failure.detail ? `: ${failure.detail}` : ''}
        </p>
      ) : null}
    </form>
  );
}
