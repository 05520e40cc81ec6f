import { TickMarkType } from 'lightweight-charts';
import { describe, expect, it } from 'vitest';
import {
  formatMarketTime,
  formatTickMark,
  startOfMarketDay,
  toChartTime,
  zoneOffsetMs,
} from './marketTime';

const hour = 3_600_000;

describe('market time zones', () => {
  it('knows Berlin is one hour ahead of UTC in winter and two in summer', () => {
    expect(zoneOffsetMs(Date.parse('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(hour);
    expect(zoneOffsetMs(Date.parse('2026-07-15T12:00:00Z'), 'Europe/Berlin')).toBe(2 * hour);
    expect(zoneOffsetMs(Date.parse('2026-07-15T12:00:00Z'), 'America/Chicago')).toBe(-5 * hour);
  });

  it('starts the Berlin market day at local midnight, which is 22:00 or 23:00 UTC the day before', () => {
    expect(startOfMarketDay(Date.parse('2026-07-15T21:59:00Z'), 'Europe/Berlin')).toBe(
      Date.parse('2026-07-14T22:00:00Z'),
    );
    expect(startOfMarketDay(Date.parse('2026-07-15T22:00:00Z'), 'Europe/Berlin')).toBe(
      Date.parse('2026-07-15T22:00:00Z'),
    );
    expect(startOfMarketDay(Date.parse('2026-01-15T10:00:00Z'), 'Europe/Berlin')).toBe(
      Date.parse('2026-01-14T23:00:00Z'),
    );
  });

  it('gives the spring daylight-saving day 23 hours and the autumn one 25', () => {
    const spring = startOfMarketDay(Date.parse('2026-03-29T12:00:00Z'), 'Europe/Berlin');
    const afterSpring = startOfMarketDay(Date.parse('2026-03-30T12:00:00Z'), 'Europe/Berlin');
    expect(afterSpring - spring).toBe(23 * hour);
    const autumn = startOfMarketDay(Date.parse('2026-10-25T12:00:00Z'), 'Europe/Berlin');
    const afterAutumn = startOfMarketDay(Date.parse('2026-10-26T12:00:00Z'), 'Europe/Berlin');
    expect(afterAutumn - autumn).toBe(25 * hour);
  });

  it('shows a quote time on the market clock with the zone abbreviation, not the viewer clock', () => {
    const text = formatMarketTime('2026-07-15T12:00:05Z', 'Europe/Berlin');
    expect(text).toContain('14:00:05');
    expect(text).toContain('15 Jul 2026');
    expect(text).toMatch(/CEST|GMT\+2/);
    expect(formatMarketTime('2026-07-15T12:00:05Z', 'Europe/London')).toContain('13:00:05');
  });

  it('labels the two 02:00 hours of the autumn change apart by their zone abbreviation', () => {
    const summer = formatMarketTime('2026-10-25T00:30:00Z', 'Europe/Berlin');
    const winter = formatMarketTime('2026-10-25T01:30:00Z', 'Europe/Berlin');
    expect(summer).toContain('02:30:00');
    expect(winter).toContain('02:30:00');
    expect(summer).not.toBe(winter);
  });

  it('labels chart axis marks in the market zone: a day mark at Berlin midnight shows the Berlin date', () => {
    const berlinMidnight = Date.parse('2026-07-14T22:00:00Z');
    expect(formatTickMark(berlinMidnight, TickMarkType.DayOfMonth, 'Europe/Berlin')).toBe('15 Jul');
    expect(formatTickMark(berlinMidnight, TickMarkType.Time, 'Europe/Berlin')).toBe('00:00');
    expect(formatTickMark(berlinMidnight, TickMarkType.Time, 'UTC')).toBe('22:00');
  });

  it('converts instants to the whole UTC seconds the chart library plots', () => {
    expect(toChartTime('2026-07-15T12:00:05.900Z')).toBe(Date.parse('2026-07-15T12:00:05Z') / 1000);
  });
});
