import type { CounterpartyCredit } from './types';

export type UtilisationTone = 'ok' | 'warning' | 'breach' | 'none';

export interface UtilisationBar {
  /** Bar length in percent of its track, capped at the full track. */
  width: number;
  tone: UtilisationTone;
  label: string;
}

/** How full a counterparty's credit line is, as a bar: a breach fills the track in red. */
export function utilisationBar(
  line: Pick<CounterpartyCredit, 'utilisation' | 'status'>,
): UtilisationBar {
  switch (line.status) {
    case 'no_limit':
      return { width: 0, tone: 'none', label: 'no limit' };
    case 'breach':
      return {
        width: 100,
        tone: 'breach',
        label: line.utilisation === null ? 'over' : `${Math.round(line.utilisation * 100)}%`,
      };
    case 'warning':
    case 'within': {
      const used = line.utilisation ?? 0;
      return {
        width: Math.min(100, Math.max(0, used * 100)),
        tone: line.status === 'warning' ? 'warning' : 'ok',
        label: `${Math.round(used * 100)}%`,
      };
    }
  }
}

/** A credit limit typed in a form: a number of zero or more, or why not. */
export function parseCreditLimit(text: string): { limit: number } | { error: string } {
  const trimmed = text.trim().replace(/[,_\s]/g, '');
  if (trimmed === '') return { error: 'Enter a credit limit' };
  const limit = Number(trimmed);
  if (!Number.isFinite(limit)) return { error: 'The credit limit must be a number' };
  if (limit < 0) return { error: 'The credit limit cannot be negative' };
  return { limit };
}
