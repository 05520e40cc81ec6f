import { describe, expect, it } from 'vitest';
import { monitorDeadlines } from './deadline-monitor.js';
import { nextWorkingDay, oneMonthAfter, reportDueDate, type WorkingCalendar } from './deadlines.js';

// Good Friday and Easter Monday 2026 are public holidays in this calendar.
const acer: WorkingCalendar = {
  timeZone: 'Europe/Ljubljana',
  holidays: new Set(['2026-04-03', '2026-04-06']),
};
const at = (iso: string): number => Date.parse(iso);

describe('REMIT reporting deadlines', () => {
  it('gives a standard contract until the next working day', () => {
    expect(reportDueDate('standard', at('2026-03-04T10:00:00+01:00'), acer)).toBe('2026-03-05');
  });

  it('skips the weekend: a Friday trade is due on Monday', () => {
    expect(reportDueDate('standard', at('2026-03-06T15:42:10+01:00'), acer)).toBe('2026-03-09');
    expect(reportDueDate('standard', at('2026-03-07T11:00:00+01:00'), acer)).toBe('2026-03-09');
  });

  it('skips holidays and the weekend between them: Maundy Thursday is due on Easter Tuesday', () => {
    expect(reportDueDate('standard', at('2026-04-02T16:00:00+02:00'), acer)).toBe('2026-04-07');
    expect(nextWorkingDay('2026-04-03', acer)).toBe('2026-04-07');
  });

  it("counts the day in the calendar's zone, not in UTC", () => {
    // 23:30 UTC on Thursday is already Friday in Ljubljana: due Monday, not Friday.
    expect(reportDueDate('standard', at('2026-03-05T23:30:00Z'), acer)).toBe('2026-03-09');
  });

  it('gives a non-standard contract one month, ending on the last day of a shorter month', () => {
    expect(reportDueDate('non-standard', at('2026-03-06T12:00:00+01:00'), acer)).toBe('2026-04-06');
    expect(oneMonthAfter('2026-01-31')).toBe('2026-02-28');
    expect(oneMonthAfter('2028-01-31')).toBe('2028-02-29');
    expect(oneMonthAfter('2026-12-15')).toBe('2027-01-15');
  });
});

describe('deadline monitor', () => {
  it('puts overdue first, then due today, then what is due later, then the reported', () => {
    const now = at('2026-03-09T14:00:00+01:00');
    const checks = monitorDeadlines(
      [
        { id: 'ppa', rule: 'non-standard', eventAt: at('2026-03-06T12:00:00+01:00') },
        { id: 'friday-trade', rule: 'standard', eventAt: at('2026-03-06T15:00:00+01:00') },
        { id: 'thursday-trade', rule: 'standard', eventAt: at('2026-03-05T10:00:00+01:00') },
        {
          id: 'reported-late',
          rule: 'standard',
          eventAt: at('2026-03-02T10:00:00+01:00'),
          reportedAt: at('2026-03-04T09:00:00+01:00'),
        },
        {
          id: 'reported',
          rule: 'standard',
          eventAt: at('2026-03-06T09:00:00+01:00'),
          reportedAt: at('2026-03-09T09:00:00+01:00'),
        },
      ],
      now,
      acer,
    );
    expect(checks.map((check) => [check.id, check.status, check.dueDate])).toEqual([
      ['thursday-trade', 'overdue', '2026-03-06'],
      ['friday-trade', 'due_today', '2026-03-09'],
      ['ppa', 'due', '2026-04-06'],
      ['reported-late', 'reported_late', '2026-03-03'],
      ['reported', 'reported', '2026-03-09'],
    ]);
  });
});
