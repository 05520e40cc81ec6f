import type { BookControl } from './types';

/** The permission the server asks for halting, resuming and the kill switch. */
export const HALT_PERMISSION = 'trading:halt';

export interface ControlAction {
  enabled: boolean;
  /** Why the button is disabled, shown beside it; null when it can be pressed. */
  reason: string | null;
}

export interface ControlPanel {
  /** What the halted banner says about the book, or null while it trades. */
  banner: string | null;
  halt: ControlAction;
  resume: ControlAction;
  killSwitch: ControlAction & { engaged: boolean };
}

const allowed: ControlAction = { enabled: true, reason: null };
const refused = (reason: string): ControlAction => ({ enabled: false, reason });

/**
 * What the market controls show for one book: a banner while it is halted, and the
 * halt, resume and kill-switch buttons, each disabled with its reason for a user
 * without the permission or when the book is already in that state.
 */
export function controlPanel(
  book: BookControl | undefined,
  deskKillSwitch: boolean,
  permissions: readonly string[],
): ControlPanel {
  const halted = book?.halted ?? false;
  const killed = book?.killSwitch ?? deskKillSwitch;
  const banner =
    killed && halted
      ? 'Trading is halted: the desk kill switch is engaged and this book is halted.'
      : killed
        ? 'Trading is halted: the desk kill switch is engaged.'
        : halted
          ? 'Trading is halted on this book.'
          : null;
  if (!permissions.includes(HALT_PERMISSION)) {
    const reason = 'Only risk managers and admins can halt trading.';
    return {
      banner,
      halt: refused(reason),
      resume: refused(reason),
      killSwitch: { ...refused(reason), engaged: deskKillSwitch },
    };
  }
  return {
    banner,
    halt: halted ? refused('The book is already halted.') : allowed,
    resume: halted ? allowed : refused('The book is not halted.'),
    killSwitch: { ...allowed, engaged: deskKillSwitch },
  };
}
