import type { Clock } from '../../../platform/clock.js';
import { DomainError, notFound } from '../../../platform/errors.js';
import type { Desk } from '../desk.js';
import { tradableInstrument } from '../instruments.js';
import type { ControlCommand, ControlRelay } from './control-relay.js';

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
  /** Carries halts of books owned by another instance to their owner. */
  relay: ControlRelay;
}

const unavailable = (instrumentId: string): DomainError =>
  new DomainError(
    'unavailable',
    'control_not_recorded',
    `the halt or resume of ${instrumentId} could not be recorded; try again`,
    undefined,
    { instrumentId },
  );

/** Applies a halt or resume to a book this instance owns: a command in its log, after the orders queued before it. */
export function controlOwnedBook(desk: Desk, clock: Clock) {
  return async (command: ControlCommand): Promise<void> => {
    const writer = desk.ownedWriter(command.instrumentId);
    if (!writer) throw notFound(`book ${command.instrumentId}`, 'book_not_found');
    await writer.run({
      kind: command.kind,
      reason: command.reason,
      at: clock.now(),
      requestId: command.requestId,
    });
  };
}

/**
 * Halting a book, resuming it and the desk-wide kill switch. Each is a command in the
 * book's log (so a replay rebuilds the halt), applied by the book's single writer
 * after the orders queued before it. The kill switch halts every book with its own
 * reason, so releasing it leaves books halted by hand halted. A book another instance
 * owns is halted by its owner, reached through the relay, so the kill switch stops
 * every book of the desk whichever instance receives it.
 */
export function createMarketControls(deps: MarketControlDeps) {
  const { desk, clock, relay } = deps;
  const applyOwned = controlOwnedBook(desk, clock);

  function bookOf(instrumentId: string) {
    const instrument = tradableInstrument(instrumentId);
    const writer = desk.writer(instrument.id);
    if (!writer) throw notFound(`book ${instrument.id}`, 'book_not_found');
    return writer;
  }

  const view = (instrumentId: string): BookControlView => {
    bookOf(instrumentId);
    return { instrumentId, ...desk.controls(instrumentId) };
  };

  async function apply(
    instrumentId: string,
    kind: 'halt' | 'resume',
    reason: 'halted' | 'kill_switch',
    requestId?: string,
  ) {
    const command = { instrumentId, kind, reason, requestId };
    if (desk.owns(instrumentId)) {
      await applyOwned(command).catch(() => {
        throw unavailable(instrumentId);
      });
      return;
    }
    if ((await relay.forward(command)) !== 'applied') throw unavailable(instrumentId);
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
