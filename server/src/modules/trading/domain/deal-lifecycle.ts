import { DomainError } from '../../../platform/errors.js';

/**
 * An OTC deal's states. `captured` is booked and not yet confirmed with the
 * counterparty; `amended` is changed since and waits for confirmation again;
 * `cancelled` is called off by agreement, `voided` was booked in error; `settled`
 * is delivered and paid (the back office moves it there).
 */
export const DEAL_STATUSES = [
  'captured',
  'confirmed',
  'amended',
  'cancelled',
  'voided',
  'settled',
] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/** What a user or the back office does to a deal; each move leads to one status. */
export type DealMove = 'confirm' | 'amend' | 'cancel' | 'void' | 'settle';

const RESULT: Readonly<Record<DealMove, DealStatus>> = {
  confirm: 'confirmed',
  amend: 'amended',
  cancel: 'cancelled',
  void: 'voided',
  settle: 'settled',
};

/**
 * The deal lifecycle as a table: the moves allowed from each status. A settled,
 * cancelled or voided deal is final; only a confirmed deal can settle.
 */
const MOVES: Readonly<Record<DealStatus, readonly DealMove[]>> = {
  captured: ['confirm', 'amend', 'cancel', 'void'],
  amended: ['confirm', 'amend', 'cancel', 'void'],
  confirmed: ['amend', 'cancel', 'void', 'settle'],
  cancelled: [],
  voided: [],
  settled: [],
};

const ALLOWED = Object.fromEntries(
  Object.entries(MOVES).map(([from, moves]) => [
    from,
    Object.fromEntries(moves.map((m) => [m, true])),
  ]),
) as Record<DealStatus, Partial<Record<DealMove, true>>>;

export const isFinalDeal = (status: DealStatus): boolean => MOVES[status].length === 0;

/** Deals that still hold a position: booked and neither called off nor booked in error. */
export const holdsPosition = (status: DealStatus): boolean =>
  status !== 'cancelled' && status !== 'voided';

/** The status a move leads to, or an error naming the illegal move. */
export function moveDeal(dealId: string, from: DealStatus, move: DealMove): DealStatus {
  if (ALLOWED[from][move] !== true) {
    throw new DomainError(
      'conflict',
      'illegal_deal_transition',
      `deal ${dealId} cannot ${move}: it is ${from}`,
      [],
      {
        dealId,
        from,
        move,
        to: RESULT[move],
      },
    );
  }
  return RESULT[move];
}
