import { useState } from 'react';
import { dangerButton, inputClass, secondaryButton, tdClass } from '../../components/styles';
import { amendmentOf, type AmendmentErrors } from './amendment';
import { formatFigure, formatTime } from '../../components/format';
import { reasonText } from './reasons';
import { StatusBadge } from './StatusBadge';
import type { ContractTerms } from './ticket';
import { useCancelOrderMutation, useModifyOrderMutation } from './tradingApi';
import type { Order } from './types';

const openStatuses = new Set(['new', 'accepted', 'partially_filled']);
const typeNames: Record<Order['type'], string> = {
  limit: 'Limit',
  market: 'Market',
  stop: 'Stop',
  stop_limit: 'Stop-limit',
};

interface OrderRowProps {
  order: Order;
  terms: ContractTerms;
}

/** One order in the blotter; a working one can be cancelled in one click or amended in place. */
export function OrderRow({ order, terms }: OrderRowProps) {
  const [cancelOrder, cancelling] = useCancelOrderMutation();
  const [modifyOrder, modifying] = useModifyOrderMutation();
  const [editing, setEditing] = useState(false);
  const [price, setPrice] = useState('');
  const [quantity, setQuantity] = useState('');
  const [errors, setErrors] = useState<AmendmentErrors>({});
  const open = openStatuses.has(order.status);

  function startEditing() {
    setPrice(order.price === null ? '' : String(order.price));
    setQuantity(String(order.quantity));
    setErrors({});
    setEditing(true);
  }

  async function save() {
    const { change, errors: found } = amendmentOf(order, price, quantity, terms);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (change)
      await modifyOrder(change)
        .unwrap()
        .catch(() => undefined);
    setEditing(false);
  }

  const sideTone = order.side === 'buy' ? 'text-emerald-300' : 'text-rose-300';
  return (
    <tr
      data-testid="order-row"
      data-order-id={order.id}
      data-status={order.status}
      data-instrument={order.instrumentId}
    >
      <td className={`${tdClass} whitespace-nowrap text-slate-400`}>
        {formatTime(order.createdAt)}
      </td>
      <td className={`${tdClass} whitespace-nowrap`}>{order.instrumentId}</td>
      <td className={`${tdClass} font-medium uppercase ${sideTone}`}>{order.side}</td>
      <td className={tdClass}>
        {typeNames[order.type]}
        {order.postOnly ? ' · post' : ''}
        {order.displayQuantity !== null ? ' · ice' : ''}
        <span className="block text-xs text-slate-500">{order.timeInForce}</span>
      </td>
      <td className={`${tdClass} text-right font-mono tabular-nums`}>
        {editing && order.price !== null ? (
          <input
            aria-label="New price"
            className={`${inputClass} w-24 py-1`}
            value={price}
            onChange={(e) => setPrice(e.target.value)}
          />
        ) : (
          formatFigure(order.price ?? order.stopPrice)
        )}
        {errors.price ? <span className="block text-xs text-rose-400">{errors.price}</span> : null}
      </td>
      <td className={`${tdClass} text-right font-mono tabular-nums`}>
        {editing ? (
          <input
            aria-label="New quantity"
            className={`${inputClass} w-20 py-1`}
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
          />
        ) : (
          formatFigure(order.quantity, 1)
        )}
        {errors.quantity ? (
          <span className="block text-xs text-rose-400">{errors.quantity}</span>
        ) : null}
      </td>
      <td className={`${tdClass} text-right font-mono tabular-nums`} data-testid="order-filled">
        {formatFigure(order.filledQuantity, 1)}
        <span className="block text-xs text-slate-500">@ {formatFigure(order.averagePrice)}</span>
      </td>
      <td className={tdClass}>
        <StatusBadge status={order.status} />
        {order.rejectReason ? (
          <span className="mt-1 block max-w-56 text-xs text-rose-300">
            {reasonText(order.rejectReason)}
          </span>
        ) : null}
      </td>
      <td className={`${tdClass} whitespace-nowrap`}>
        {open && !editing ? (
          <div className="flex gap-1.5">
            <button type="button" className={secondaryButton} onClick={startEditing}>
              Modify
            </button>
            <button
              type="button"
              className={dangerButton}
              disabled={cancelling.isLoading}
              onClick={() => void cancelOrder(order.id)}
              aria-label={`Cancel order ${order.clientOrderId}`}
            >
              Cancel
            </button>
          </div>
        ) : null}
        {editing ? (
          <div className="flex gap-1.5">
            <button
              type="button"
              className={secondaryButton}
              disabled={modifying.isLoading}
              onClick={() => void save()}
            >
              Save
            </button>
            <button type="button" className={secondaryButton} onClick={() => setEditing(false)}>
              Keep
            </button>
          </div>
        ) : null}
      </td>
    </tr>
  );
}
