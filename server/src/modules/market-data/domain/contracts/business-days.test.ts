import { describe, expect, it } from 'vitest';
import { easterSunday, isBusinessDay, lastBusinessDayOfMonth } from './business-days.js';
import { formatLocalDate, parseLocalDate } from '../time-zone.js';

const day = (text: string) => parseLocalDate(text)!;

describe('exchange holiday calendars', () => {
  it('finds Easter Sunday for known years', () => {
    expect(formatLocalDate(easterSunday(2024))).toBe('2024-03-31');
    expect(formatLocalDate(easterSunday(2027))).toBe('2027-03-28');
    expect(formatLocalDate(easterSunday(2028))).toBe('2028-04-16');
  });

  it('closes TARGET days on Good Friday, Easter Monday, 1 May and Christmas, not on UK bank holidays', () => {
    for (const closed of ['2027-03-26', '2027-03-29', '2027-05-03', '2027-01-01', '2026-12-25'])
      expect(isBusinessDay('uk', day(closed)), closed).toBe(false);
    expect(isBusinessDay('target', day('2027-05-01'))).toBe(false); // a Saturday anyway
    expect(isBusinessDay('target', day('2028-05-01'))).toBe(false);
    expect(isBusinessDay('target', day('2027-05-03'))).toBe(true); // UK early May only
    expect(isBusinessDay('target', day('2027-03-26'))).toBe(false);
  });

  it('moves UK Christmas and Boxing Day off a weekend to the next free weekdays', () => {
    // 2027: Christmas on a Saturday, Boxing Day on a Sunday: Monday 27 and Tuesday 28 are holidays.
    expect(isBusinessDay('uk', day('2027-12-27'))).toBe(false);
    expect(isBusinessDay('uk', day('2027-12-28'))).toBe(false);
    expect(isBusinessDay('uk', day('2027-12-29'))).toBe(true);
    // 2026: Christmas on a Friday, Boxing Day on a Saturday: Monday 28 is the holiday.
    expect(isBusinessDay('uk', day('2026-12-28'))).toBe(false);
    expect(isBusinessDay('target', day('2026-12-28'))).toBe(true);
  });

  it('takes the last business day of a month past weekends and holidays', () => {
    expect(formatLocalDate(lastBusinessDayOfMonth('uk', 2027, 7))).toBe('2027-07-30');
    expect(formatLocalDate(lastBusinessDayOfMonth('uk', 2027, 8))).toBe('2027-08-31');
    expect(formatLocalDate(lastBusinessDayOfMonth('uk', 2028, 5))).toBe('2028-05-31');
    expect(formatLocalDate(lastBusinessDayOfMonth('uk', 2027, 5))).toBe('2027-05-28'); // 31 May 2027 is the spring bank holiday
  });
});
