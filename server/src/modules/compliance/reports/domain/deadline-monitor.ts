import { localDate, reportDueDate, type ReportingRule, type WorkingCalendar } from './deadlines.js';

/** Something the desk owes the regulator: one record's event, reported or not yet. */
export interface ReportingObligation {
  id: string;
  rule: ReportingRule;
  /** When the contract was concluded or the lifecycle event happened (epoch ms). */
  eventAt: number;
  /** When the regulator acknowledged receipt; absent while outstanding. */
  reportedAt?: number;
}

export type DeadlineStatus = 'due' | 'due_today' | 'overdue' | 'reported' | 'reported_late';

export interface DeadlineCheck {
  id: string;
  rule: ReportingRule;
  dueDate: string;
  status: DeadlineStatus;
}

const urgency: Record<DeadlineStatus, number> = {
  overdue: 0,
  due_today: 1,
  due: 2,
  reported_late: 3,
  reported: 4,
};

/**
 * Where each obligation stands at `now`: overdue first, then what is due today, then by
 * due date, so the first line of the list is the one to act on.
 */
export function monitorDeadlines(
  obligations: readonly ReportingObligation[],
  now: number,
  calendar: WorkingCalendar,
): DeadlineCheck[] {
  const today = localDate(now, calendar.timeZone);
  return obligations
    .map((obligation): DeadlineCheck => {
      const dueDate = reportDueDate(obligation.rule, obligation.eventAt, calendar);
      let status: DeadlineStatus;
      if (obligation.reportedAt !== undefined) {
        status =
          localDate(obligation.reportedAt, calendar.timeZone) <= dueDate
            ? 'reported'
            : 'reported_late';
      } else if (today > dueDate) status = 'overdue';
      else if (today === dueDate) status = 'due_today';
      else status = 'due';
      return { id: obligation.id, rule: obligation.rule, dueDate, status };
    })
    .sort(
      (a, b) =>
        urgency[a.status] - urgency[b.status] ||
        a.dueDate.localeCompare(b.dueDate) ||
        a.id.localeCompare(b.id),
    );
}
