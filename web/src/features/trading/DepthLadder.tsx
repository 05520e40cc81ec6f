import { panelClass } from '../../components/styles';
import { EmptyState } from '../../components/EmptyState';
import { decimalsFor, formatFigure } from '../../components/format';
import { buildLadder, type LadderRow } from './ladder';
import { Spinner } from '../../components/Spinner';
import type { OrderBook, Side } from './types';
import { ladderDepth } from './useTradingStream';

interface DepthLadderProps {
  book: OrderBook | undefined;
  loading: boolean;
  tickSize: number | string;
  /** A click on a price fills the ticket to take that level: buy an ask, sell into a bid. */
  onPick: (price: number, side: Side) => void;
}

function LevelRow({
  row,
  kind,
  decimals,
  onPick,
}: {
  row: LadderRow;
  kind: 'bid' | 'ask';
  decimals: number;
  onPick: DepthLadderProps['onPick'];
}) {
  const bar = kind === 'bid' ? 'bg-emerald-500/20' : 'bg-rose-500/20';
  const priceTone = kind === 'bid' ? 'text-emerald-300' : 'text-rose-300';
  return (
    <li>
      <button
        type="button"
        className={`relative grid w-full grid-cols-3 px-2 py-1 text-right font-mono text-sm tabular-nums hover:bg-slate-800 ${row.best ? 'bg-slate-800/70 font-semibold' : ''}`}
        onClick={() => onPick(row.price, kind === 'ask' ? 'buy' : 'sell')}
        title={kind === 'ask' ? 'Buy at this price' : 'Sell at this price'}
        data-testid={`ladder-${kind}`}
        data-price={row.price}
        data-best={row.best}
      >
        <span
          aria-hidden="true"
          className={`absolute inset-y-0 right-0 ${bar}`}
          style={{ width: `${Math.round(row.share * 100)}%` }}
        />
        <span className="relative text-slate-400">{row.orders}</span>
        <span className="relative text-slate-200">{formatFigure(row.quantity, 1)}</span>
        <span className={`relative ${priceTone}`}>{formatFigure(row.price, decimals)}</span>
      </button>
    </li>
  );
}

/** The order book as a price ladder: asks above the spread, bids below, bars by quantity. */
export function DepthLadder({ book, loading, tickSize, onPick }: DepthLadderProps) {
  const decimals = decimalsFor(tickSize);
  const ladder = book ? buildLadder(book, ladderDepth) : null;
  const empty = ladder && ladder.asks.length === 0 && ladder.bids.length === 0;
  return (
    <section className={panelClass} aria-label="Order book" data-testid="depth-ladder">
      <div className="mb-2 flex items-baseline justify-between">
        <h2 className="text-base font-semibold text-slate-100">Order book</h2>
        {book ? (
          <span className="text-xs text-slate-400">
            Last{' '}
            <span className="font-mono text-slate-200">
              {formatFigure(book.lastTradePrice, decimals)}
            </span>
            {book.halted ? <span className="ml-2 text-rose-300">Halted</span> : null}
          </span>
        ) : null}
      </div>
      {loading && !book ? <Spinner label="Loading the book…" /> : null}
      {empty ? <EmptyState testId="book-empty">No orders rest in this book yet.</EmptyState> : null}
      {ladder && !empty ? (
        <>
          <div className="grid grid-cols-3 px-2 pb-1 text-right text-xs uppercase tracking-wide text-slate-500">
            <span>Orders</span>
            <span>Qty</span>
            <span>Price</span>
          </div>
          <ul aria-label="Asks">
            {ladder.asks.map((row) => (
              <LevelRow key={row.price} row={row} kind="ask" decimals={decimals} onPick={onPick} />
            ))}
          </ul>
          <p
            className="my-1 border-y border-slate-800 py-1 text-center text-xs text-slate-400"
            data-testid="spread"
          >
            {ladder.spread === null
              ? 'One-sided book'
              : `Spread ${formatFigure(ladder.spread, decimals)}`}
          </p>
          <ul aria-label="Bids">
            {ladder.bids.map((row) => (
              <LevelRow key={row.price} row={row} kind="bid" decimals={decimals} onPick={onPick} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
