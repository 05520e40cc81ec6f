import { useState } from 'react';
import { panelClass, tableClass, thClass } from '../../components/styles';
import { EmptyState } from '../../components/EmptyState';
import { OrderRow } from './OrderRow';
import { Spinner } from '../../components/Spinner';
import type { ContractTerms } from './ticket';
import { useOrdersQuery } from './tradingApi';
import type { OrderScope } from './types';

interface OrdersBlotterProps {
  termsFor: (instrumentId: string) => ContractTerms;
  pollingInterval: number;
}

const scopes: { value: OrderScope; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'all', label: 'Recent' },
];

/** The caller's orders across instruments: the working ones, or all recent ones. */
export function OrdersBlotter({ termsFor, pollingInterval }: OrdersBlotterProps) {
  const [scope, setScope] = useState<OrderScope>('open');
  const { data, isLoading, isError } = useOrdersQuery(
    { status: scope, limit: 50 },
    { pollingInterval },
  );
  return (
    <section className={panelClass} aria-label="My orders" data-testid="orders-blotter">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 className="text-base font-semibold text-slate-100">My orders</h2>
        <div
          role="tablist"
          aria-label="Which orders"
          className="inline-flex overflow-hidden rounded-md border border-slate-700"
        >
          {scopes.map((s) => (
            <button
              key={s.value}
              type="button"
              role="tab"
              aria-selected={scope === s.value}
              onClick={() => setScope(s.value)}
              className={`px-2.5 py-1 text-xs font-medium ${scope === s.value ? 'bg-sky-700 text-white' : 'bg-slate-900 text-slate-300 hover:bg-slate-800'}`}
            >
              {s.label}
            </button>
          ))}
        </div>
      </div>
      {isLoading ? <Spinner label="Loading your orders…" /> : null}
      {isError ? <p className="text-sm text-rose-400">Your orders could not be loaded.</p> : null}
      {data && data.items.length === 0 ? (
        <EmptyState testId="orders-empty">
          {scope === 'open' ? 'You have no working orders.' : 'You have placed no orders yet.'}
        </EmptyState>
      ) : null}
      {data && data.items.length > 0 ? (
        <div className="relative overflow-x-auto">
          <table className={tableClass}>
            <thead>
              <tr>
                <th className={thClass}>Time</th>
                <th className={thClass}>Instrument</th>
                <th className={thClass}>Side</th>
                <th className={thClass}>Type</th>
                <th className={`${thClass} text-right`}>Price</th>
                <th className={`${thClass} text-right`}>Qty</th>
                <th className={`${thClass} text-right`}>Filled</th>
                <th className={thClass}>Status</th>
                <th className={thClass}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((order) => (
                <OrderRow key={order.id} order={order} terms={termsFor(order.instrumentId)} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
