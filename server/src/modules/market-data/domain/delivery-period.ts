import { invalid } from '../../../platform/errors.js';
import type { DeliveryPeriodType, Instrument } from './instrument.js';
import type { LocalDate } from './time-zone.js';
import {
  addDays,
  addMonths,
  formatLocalDate,
  localToUtc,
  toLocal,
  utcOffsetMinutes,
  weekdayOf,
} from './time-zone.js';

/**
 * Delivery periods as half-open UTC intervals [start, end). They are defined in
 * the market's local time, so a Europe/Berlin delivery day lasts 23 hours on the
 * last Sunday of March and 25 on the last Sunday of October.
 */
export interface DeliveryInterval {
  /** UTC milliseconds, inclusive. */
  start: number;
  /** UTC milliseconds, exclusive. */
  end: number;
}

export interface DeliveryPeriod extends DeliveryInterval {
  type: DeliveryPeriodType;
  /** `2026-03-29T03:00+02:00`, `2026-03-29`, `2026-03`, `2026-Q1` or `2026`. */
  label: string;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** The local day [D hh:00, D+1 hh:00); hh is 6 for a continental gas day, 5 for UK. */
export function deliveryDay(timeZone: string, date: LocalDate, dayStartHour = 0): DeliveryInterval {
  return {
    start: localToUtc(timeZone, date, dayStartHour),
    end: localToUtc(timeZone, addDays(date, 1), dayStartHour),
  };
}

/** Consecutive slots of a fixed length covering an interval, e.g. the 23, 24 or 25 hours of a day. */
export function splitInterval(interval: DeliveryInterval, minutes: number): DeliveryInterval[] {
  const slots: DeliveryInterval[] = [];
  const step = minutes * MINUTE_MS;
  for (let start = interval.start; start < interval.end; start += step) {
    slots.push({ start, end: Math.min(start + step, interval.end) });
  }
  return slots;
}

export const deliveryHours = (timeZone: string, date: LocalDate): DeliveryInterval[] =>
  splitInterval(deliveryDay(timeZone, date), 60);

export const deliveryQuarterHours = (timeZone: string, date: LocalDate): DeliveryInterval[] =>
  splitInterval(deliveryDay(timeZone, date), 15);

/** Local hours [from, to) of the peak block on a working day. */
export interface PeakWindow {
  fromHour: number;
  toHour: number;
}

/**
 * European power peak is 08:00–20:00 Monday to Friday. North American on-peak is the
 * 16 hours 07:00–23:00 on weekdays; NERC holidays are not removed here.
 */
export function peakWindow(timeZone: string): PeakWindow {
  return timeZone.startsWith('America/')
    ? { fromHour: 7, toHour: 23 }
    : { fromHour: 8, toHour: 20 };
}

export const isWorkingDay = (date: LocalDate): boolean => {
  const weekday = weekdayOf(date);
  return weekday >= 1 && weekday <= 5;
};

/** The peak block of a delivery day, or null at the weekend when there is none. */
export function peakBlock(timeZone: string, date: LocalDate): DeliveryInterval | null {
  if (!isWorkingDay(date)) return null;
  const window = peakWindow(timeZone);
  return {
    start: localToUtc(timeZone, date, window.fromHour),
    end: localToUtc(timeZone, date, window.toHour),
  };
}

export function monthInterval(
  timeZone: string,
  year: number,
  month: number,
  dayStartHour = 0,
): DeliveryInterval {
  const first = { year, month, day: 1 };
  return {
    start: localToUtc(timeZone, first, dayStartHour),
    end: localToUtc(timeZone, addMonths(first, 1), dayStartHour),
  };
}

export function quarterInterval(
  timeZone: string,
  year: number,
  quarter: number,
  dayStartHour = 0,
): DeliveryInterval {
  const first = { year, month: (quarter - 1) * 3 + 1, day: 1 };
  return {
    start: localToUtc(timeZone, first, dayStartHour),
    end: localToUtc(timeZone, addMonths(first, 3), dayStartHour),
  };
}

export function yearInterval(timeZone: string, year: number, dayStartHour = 0): DeliveryInterval {
  return {
    start: localToUtc(timeZone, { year, month: 1, day: 1 }, dayStartHour),
    end: localToUtc(timeZone, { year: year + 1, month: 1, day: 1 }, dayStartHour),
  };
}

function offsetText(timeZone: string, instant: number): string {
  const offset = utcOffsetMinutes(timeZone, instant);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function slotLabel(timeZone: string, start: number): string {
  const local = toLocal(timeZone, start);
  const time = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
  return `${formatLocalDate(local)}T${time}${offsetText(timeZone, start)}`;
}

/** The delivery day an instant belongs to when days start at `dayStartHour` local time. */
export function deliveryDateOf(timeZone: string, instant: number, dayStartHour = 0): LocalDate {
  const local = toLocal(timeZone, instant);
  const date = { year: local.year, month: local.month, day: local.day };
  return instant < localToUtc(timeZone, date, dayStartHour) ? addDays(date, -1) : date;
}

/** The instrument's delivery period that contains an instant, or null (peak block at night). */
export function periodContaining(instrument: Instrument, instant: number): DeliveryPeriod | null {
  const zone = instrument.timeZone;
  const type = instrument.deliveryPeriod;
  switch (type) {
    case 'hour':
    case 'quarter-hour': {
      // Floor in local time, so that zones with half-hour offsets get local slots too.
      const step = (type === 'hour' ? 60 : 15) * MINUTE_MS;
      const offset = utcOffsetMinutes(zone, instant) * MINUTE_MS;
      const start = instant - ((((instant + offset) % step) + step) % step);
      return { type, start, end: start + step, label: slotLabel(zone, start) };
    }
    case 'gas-day':
    case 'base-block':
    case 'peak-block': {
      const date = deliveryDateOf(zone, instant, instrument.dayStartHour);
      const interval =
        type === 'peak-block'
          ? peakBlock(zone, date)
          : deliveryDay(zone, date, instrument.dayStartHour);
      if (!interval || instant < interval.start || instant >= interval.end) return null;
      return { type, ...interval, label: formatLocalDate(date) };
    }
    case 'month':
    case 'quarter':
    case 'year': {
      const date = deliveryDateOf(zone, instant, instrument.dayStartHour);
      return termPeriod(instrument, type, date.year, type === 'year' ? 1 : date.month);
    }
  }
}

/** The month, quarter or year of an instrument that contains a local month (1–12). */
export function termPeriod(
  instrument: Pick<Instrument, 'timeZone' | 'dayStartHour'>,
  type: 'month' | 'quarter' | 'year',
  year: number,
  month: number,
): DeliveryPeriod {
  const { timeZone, dayStartHour } = instrument;
  switch (type) {
    case 'month':
      return {
        type,
        ...monthInterval(timeZone, year, month, dayStartHour),
        label: `${year}-${String(month).padStart(2, '0')}`,
      };
    case 'quarter': {
      const quarter = Math.floor((month - 1) / 3) + 1;
      return {
        type,
        ...quarterInterval(timeZone, year, quarter, dayStartHour),
        label: `${year}-Q${quarter}`,
      };
    }
    case 'year':
      return { type, ...yearInterval(timeZone, year, dayStartHour), label: String(year) };
  }
}

/** The hours in which a product delivers: every hour for base, working-day peak hours for peak. */
export function deliveredHours(
  instrument: Instrument,
  interval: DeliveryInterval,
): DeliveryInterval[] {
  const hours = splitInterval(interval, 60);
  if (instrument.loadShape === 'base') return hours;
  const window = peakWindow(instrument.timeZone);
  return hours.filter((hour) => {
    const local = toLocal(instrument.timeZone, hour.start);
    return (
      local.weekday >= 1 &&
      local.weekday <= 5 &&
      local.hour >= window.fromHour &&
      local.hour < window.toHour
    );
  });
}

/** The instant orders close for a day-ahead delivery day, e.g. 12:00 local on D-1 at EPEX. */
export function dayAheadGateClosure(instrument: Instrument, deliveryDate: LocalDate): number {
  const closure = instrument.gateClosure;
  if (!closure) {
    throw invalid(
      'instrument',
      'day_ahead',
      `${instrument.id} is not traded in a day-ahead auction`,
    );
  }
  const [hour, minute] = closure.localTime.split(':').map(Number);
  return localToUtc(
    instrument.timeZone,
    addDays(deliveryDate, -closure.daysBefore),
    hour ?? 0,
    minute ?? 0,
  );
}

export const hoursIn = (interval: DeliveryInterval): number =>
  (interval.end - interval.start) / HOUR_MS;
