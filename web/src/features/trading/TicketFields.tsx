import { Field } from '../../components/Field';
import { SelectField } from './SelectField';
import { needsPrice, needsStopPrice, type TicketDraft, type TicketField } from './ticket';
import type { OrderType, TimeInForce, TradingInstrument } from './types';

const orderTypes: { value: OrderType; label: string }[] = [
  { value: 'limit', label: 'Limit' },
  { value: 'market', label: 'Market' },
  { value: 'stop', label: 'Stop' },
  { value: 'stop_limit', label: 'Stop-limit' },
];

const timesInForce: { value: TimeInForce; label: string }[] = [
  { value: 'GTC', label: 'Good till cancelled' },
  { value: 'GTD', label: 'Good till date' },
  { value: 'IOC', label: 'Immediate or cancel' },
  { value: 'FOK', label: 'Fill or kill' },
];

interface TicketFieldsProps {
  draft: TicketDraft;
  instrument: TradingInstrument;
  set: <K extends keyof TicketDraft>(key: K, value: TicketDraft[K]) => void;
  messageFor: (field: TicketField) => string | null;
}

/** The fields of the order ticket; which appear depends on the order type and time in force. */
export function TicketFields({ draft, instrument, set, messageFor }: TicketFieldsProps) {
  const priceUnit = `${instrument.currency}/${instrument.unit}`;
  return (
    <div className="grid grid-cols-2 gap-3">
      <SelectField
        label="Type"
        name="type"
        value={draft.type}
        options={orderTypes}
        onChange={(e) => set('type', e.target.value as OrderType)}
      />
      <Field
        label={`Quantity (${instrument.unit})`}
        name="quantity"
        inputMode="decimal"
        autoComplete="off"
        value={draft.quantity}
        onChange={(e) => set('quantity', e.target.value)}
        error={messageFor('quantity')}
      />
      {needsPrice(draft.type) ? (
        <Field
          label={`Limit price (${priceUnit})`}
          name="price"
          inputMode="decimal"
          autoComplete="off"
          value={draft.price}
          onChange={(e) => set('price', e.target.value)}
          error={messageFor('price')}
        />
      ) : null}
      {needsStopPrice(draft.type) ? (
        <Field
          label={`Stop price (${priceUnit})`}
          name="stopPrice"
          inputMode="decimal"
          autoComplete="off"
          value={draft.stopPrice}
          onChange={(e) => set('stopPrice', e.target.value)}
          error={messageFor('stopPrice')}
        />
      ) : null}
      <SelectField
        label="Time in force"
        name="timeInForce"
        value={draft.timeInForce}
        options={timesInForce}
        onChange={(e) => set('timeInForce', e.target.value as TimeInForce)}
        error={messageFor('timeInForce')}
      />
      {draft.timeInForce === 'GTD' ? (
        <Field
          label="Expires at"
          name="expiresAt"
          type="datetime-local"
          value={draft.expiresAt}
          onChange={(e) => set('expiresAt', e.target.value)}
          error={messageFor('expiresAt')}
        />
      ) : null}
      {draft.type === 'limit' ? (
        <>
          <Field
            label={`Iceberg: show (${instrument.unit})`}
            name="displayQuantity"
            inputMode="decimal"
            autoComplete="off"
            placeholder="whole order"
            value={draft.displayQuantity}
            onChange={(e) => set('displayQuantity', e.target.value)}
            error={messageFor('displayQuantity')}
          />
          <div className="col-span-2 space-y-1">
            <label className="inline-flex items-center gap-2 text-sm text-slate-300">
              <input
                type="checkbox"
                name="postOnly"
                className="h-4 w-4 accent-sky-500"
                checked={draft.postOnly}
                onChange={(e) => set('postOnly', e.target.checked)}
              />
              Post-only (never take liquidity)
            </label>
            {messageFor('postOnly') ? (
              <p className="text-xs text-rose-400" data-testid="error-postOnly">
                {messageFor('postOnly')}
              </p>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
