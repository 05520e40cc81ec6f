import type { Clock } from '../../../platform/clock.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import type { Desk } from '../desk.js';
import { tradableInstrument } from '../instruments.js';

export interface BookControlView {
  instrumentId: string;
  /** Halted by hand on this book. */
  halted: boolean;
  /** Halted by the desk-wide kill switch. */
  killSwitch: boolean;
}

export interface DeskControlView {
  killSwitch: boolean;
  books: BookControlView[];
}

export interface MarketControlDeps {
  desk: Desk;
  clock: Clock;
}

const unavailable = (): DomainError =>
  new DomainError(
    'unavailable',
    'control_not_recorded',
    'the halt or resume could not be recorded; try again',
  );

/**
 * Halting a book, resuming it and the desk-wide kill switch. Each is a command in the
 * book's log (so a replay rebuilds the halt), applied by the book's single writer
 * after the orders queued before it. The kill switch halts every book with its own
 * reason, so releasing it leaves books halted by hand halted.
 */
export function createMarketControls(deps: MarketControlDeps) {
  const { desk, clock } = deps;

  function bookOf(instrumentId: string) {
    const instrument = tradableInstrument(instrumentId);
    const writer = desk.writer(instrument.id);
    if (!writer) throw notFound(`book ${instrument.id}`, 'book_not_found');
    return writer;
  }

  const view = (instrumentId: string): BookControlView => {
    const ctx = bookOf(instrumentId).state.book.ctx;
    return { instrumentId, halted: ctx.halted, killSwitch: ctx.killSwitch };
  };

  async function apply(
    instrumentId: string,
    kind: 'halt' | 'resume',
    reason: 'halted' | 'kill_switch',
    requestId?: string,
  ) {
    await bookOf(instrumentId)
      .run({ kind, reason, at: clock.now(), requestId })
      .catch(() => {
        throw unavailable();
      });
  }

  function state(): DeskControlView {
    const books = [...desk.allWriters()].map(([id]) => view(id));
    return { killSwitch: books.length > 0 && books.every((b) => b.killSwitch), books };
  }

  return {
    state,

    async halt(instrumentId: string, requestId?: string): Promise<BookControlView> {
      if (view(instrumentId).halted)
        throw new DomainError(
          'conflict',
          'book_halted',
          `the book of ${instrumentId} is already halted`,
        );
      await apply(instrumentId, 'halt', 'halted', requestId);
      return view(instrumentId);
    },

    async resume(instrumentId: string, requestId?: string): Promise<BookControlView> {
      if (!view(instrumentId).halted)
        throw new DomainError(
          'conflict',
          'book_not_halted',
          `the book of ${instrumentId} is not halted`,
        );
      await apply(instrumentId, 'resume', 'halted', requestId);
      return view(instrumentId);
    },

    /** Engages (or releases) the kill switch on every book that is not already so. */
    async setKillSwitch(engaged: boolean, requestId?: string): Promise<DeskControlView> {
      const kind = engaged ? 'halt' : 'resume';
      const due = state().books.filter((b) => b.killSwitch !== engaged);
      await Promise.all(due.map((b) => apply(b.instrumentId, kind, 'kill_switch', requestId)));
      return state();
    },
  };
}

export type MarketControls = ReturnType<typeof createMarketControls>;
