import { isPriceInRange, priceLimitOf } from '../domain/ranges.js';
import type { Catalogue } from '../domain/catalogue.js';
import { periodContaining } from '../domain/delivery-period.js';
import type { SettlementPrice } from '../domain/tick.js';
import { addDays, localToUtc, parseLocalDate } from '../domain/time-zone.js';
import type { RowRejection } from '../domain/validate-ticks.js';
import { malformedResponse } from './adapter.js';
import { parseCsv, requireColumns } from './csv.js';
import { parseInstant } from './instant.js';

/**
 * Exchange settlement-price files:
 *
 *     trade_date,product_code,delivery_start,delivery_end,settlement_price,currency,unit
 *     2026-01-15,DEBM,2026-02-01,2026-02-28,92.45,EUR,MWh
 *
 * Delivery dates are the first and last delivery day, inclusive, in the market's
 * own calendar (a gas month starts at 06:00 on its first day); ISO instants with
 * offsets are accepted too, with an exclusive end. Each row must describe exactly
 * one delivery period of the mapped instrument, in its currency and unit.
 */

/** Exchange product codes of the front-end contracts we map; pass your own map for other venues. */
export const EXCHANGE_PRODUCT_CODES: Readonly<Record<string, string>> = {
  DEBM: 'PWR-DE-LU-FUT-M-BASE',
  DEPM: 'PWR-DE-LU-FUT-M-PEAK',
  DEBQ: 'PWR-DE-LU-FUT-Q-BASE',
  DEPQ: 'PWR-DE-LU-FUT-Q-PEAK',
  DEBY: 'PWR-DE-LU-FUT-Y-BASE',
  DEPY: 'PWR-DE-LU-FUT-Y-PEAK',
  F7BM: 'PWR-FR-FUT-M-BASE',
  F7BQ: 'PWR-FR-FUT-Q-BASE',
  F7BY: 'PWR-FR-FUT-Y-BASE',
  Q0BM: 'PWR-NL-FUT-M-BASE',
  TFM: 'GAS-TTF-FUT-M',
  M: 'GAS-NBP-FUT-M',
  NG: 'GAS-HH-FUT-M',
  B: 'OIL-BRENT-FUT-M',
  CL: 'OIL-WTI-FUT-M',
  ADM: 'OIL-MURBAN-FUT-M',
  FEUA: 'EUA-FUT-DEC',
  UKA: 'UKA-FUT-DEC',
};

export interface SettlementImport {
  settlements: SettlementPrice[];
  /** `row` is the 0-based data row; `line` in the message is the file line. */
  rejected: RowRejection[];
}

const COLUMNS = [
  'trade_date',
  'product_code',
  'delivery_start',
  'delivery_end',
  'settlement_price',
  'currency',
  'unit',
] as const;

export function parseSettlementFile(
  text: string,
  catalogue: Catalogue,
  productCodes: Readonly<Record<string, string>> = EXCHANGE_PRODUCT_CODES,
): SettlementImport {
  const table = parseCsv(text);
  const { indexes, missing } = requireColumns(table.header, COLUMNS);
  if (missing.length > 0)
    throw malformedResponse('settlement file', `missing column ${missing.join(', ')}`);
  const settlements: SettlementPrice[] = [];
  const rejected: RowRejection[] = [];

  table.rows.forEach(({ line, cells }, row) => {
    const cell = (name: (typeof COLUMNS)[number]): string => cells[indexes[name] ?? -1] ?? '';
    const reject = (field: string, rule: string, message: string): void => {
      rejected.push({ row, field, rule, message: `line ${line}: ${message}` });
    };
    const code = cell('product_code');
    const instrument = catalogue.find(productCodes[code] ?? '');
    if (!instrument)
      return reject(
        'product_code',
        'known_product',
        `product ${code || '(empty)'} maps to no instrument`,
      );
    const tradeDate = parseLocalDate(cell('trade_date'));
    if (!tradeDate)
      return reject('trade_date', 'date', `trade date "${cell('trade_date')}" is not YYYY-MM-DD`);
    const price = cell('settlement_price') === '' ? NaN : Number(cell('settlement_price'));
    if (!Number.isFinite(price))
      return reject(
        'settlement_price',
        'finite',
        `settlement price "${cell('settlement_price')}" is not a number`,
      );
    if (!isPriceInRange(price, instrument.unit))
      return reject(
        'settlement_price',
        'range',
        `settlement price ${price} is beyond ±${priceLimitOf(instrument.unit)} ${instrument.currency}/${instrument.unit}`,
      );
    if (cell('currency').toUpperCase() !== instrument.currency) {
      return reject(
        'currency',
        'instrument_currency',
        `${code} settles in ${instrument.currency}, not ${cell('currency')}`,
      );
    }
    if (cell('unit').toLowerCase() !== instrument.unit.toLowerCase()) {
      return reject(
        'unit',
        'instrument_unit',
        `${code} is quoted per ${instrument.unit}, not ${cell('unit')}`,
      );
    }
    const delivery = readDelivery(
      cell('delivery_start'),
      cell('delivery_end'),
      instrument.timeZone,
      instrument.dayStartHour,
    );
    if (!delivery)
      return reject(
        'delivery_start',
        'date',
        `delivery "${cell('delivery_start')}"–"${cell('delivery_end')}" is not a pair of dates or instants`,
      );
    const period = periodContaining(instrument, delivery.start);
    if (!period || period.start !== delivery.start || period.end !== delivery.end) {
      return reject(
        'delivery_start',
        'delivery_period',
        `${cell('delivery_start')}–${cell('delivery_end')} is not one ${instrument.deliveryPeriod} of ${instrument.id}`,
      );
    }
    settlements.push({
      instrumentId: instrument.id,
      tradeDate: cell('trade_date'),
      deliveryStart: delivery.start,
      deliveryEnd: delivery.end,
      price,
      currency: instrument.currency,
      unit: instrument.unit,
    });
  });
  return { settlements, rejected };
}

function readDelivery(
  start: string,
  end: string,
  timeZone: string,
  dayStartHour: number,
): { start: number; end: number } | null {
  const firstDay = parseLocalDate(start);
  const lastDay = parseLocalDate(end);
  if (firstDay && lastDay) {
    return {
      start: localToUtc(timeZone, firstDay, dayStartHour),
      end: localToUtc(timeZone, addDays(lastDay, 1), dayStartHour),
    };
  }
  const from = parseInstant(start);
  const to = parseInstant(end);
  return Number.isFinite(from) && Number.isFinite(to) ? { start: from, end: to } : null;
}
