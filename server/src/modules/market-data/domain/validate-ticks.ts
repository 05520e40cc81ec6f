import type { Catalogue } from './catalogue.js';
import type { DeliveryInterval } from './delivery-period.js';
import { periodContaining } from './delivery-period.js';
import { isSpotPeriod } from './instrument.js';
import { isInstantInRange, priceLimitOf, QUANTITY_LIMIT } from './ranges.js';
import type { Tick } from './tick.js';

/** A row as an adapter hands it over, before anyone has vouched for it. */
export interface IngestRow {
  instrumentId: string;
  time: number;
  price: number;
  volume: number;
  /** Required for term products; derived from `time` for spot products when absent. */
  delivery?: DeliveryInterval;
}

export interface RowRejection {
  /** Index of the row in the input. */
  row: number;
  field: string;
  rule: string;
  message: string;
}

export interface TickValidationReport {
  accepted: Tick[];
  rejected: RowRejection[];
}

/**
 * Checks ingested rows against the catalogue and reports every rule each row
 * breaks, so that a bad file is fixed in one pass rather than one error at a time.
 */
export function validateTicks(
  rows: readonly IngestRow[],
  catalogue: Catalogue,
): TickValidationReport {
  const accepted: Tick[] = [];
  const rejected: RowRejection[] = [];
  rows.forEach((input, row) => {
    const issues = checkRow(input, catalogue);
    if (issues.length > 0) {
      rejected.push(...issues.map((issue) => ({ row, ...issue })));
      return;
    }
    const instrument = catalogue.get(input.instrumentId);
    const delivery = input.delivery ?? periodContaining(instrument, input.time);
    if (!delivery) return;
    accepted.push({
      instrumentId: input.instrumentId,
      time: input.time,
      deliveryStart: delivery.start,
      deliveryEnd: delivery.end,
      price: input.price,
      volume: input.volume,
    });
  });
  return { accepted, rejected };
}

type Issue = Omit<RowRejection, 'row'>;

function checkRow(input: IngestRow, catalogue: Catalogue): Issue[] {
  const issues: Issue[] = [];
  if (!Number.isFinite(input.price)) {
    issues.push({
      field: 'price',
      rule: 'finite',
      message: `price ${String(input.price)} is not a finite number`,
    });
  }
  if (!Number.isFinite(input.volume)) {
    issues.push({
      field: 'volume',
      rule: 'finite',
      message: `volume ${String(input.volume)} is not a finite number`,
    });
  } else if (input.volume < 0) {
    issues.push({
      field: 'volume',
      rule: 'non_negative',
      message: `volume ${input.volume} is negative`,
    });
  } else if (input.volume > QUANTITY_LIMIT) {
    issues.push({
      field: 'volume',
      rule: 'range',
      message: `volume ${input.volume} is above ${QUANTITY_LIMIT}`,
    });
  }
  const timeIsValid = isInstantInRange(input.time);
  if (!timeIsValid)
    issues.push({
      field: 'time',
      rule: 'valid_instant',
      message: 'time is not a valid instant from 1900 to 2200',
    });
  const instrument = catalogue.find(input.instrumentId);
  if (!instrument) {
    issues.push({
      field: 'instrumentId',
      rule: 'known_instrument',
      message: `instrument ${input.instrumentId} is not in the catalogue`,
    });
    return issues;
  }
  const limit = priceLimitOf(instrument.unit);
  if (Number.isFinite(input.price) && Math.abs(input.price) > limit) {
    issues.push({
      field: 'price',
      rule: 'range',
      message: `price ${input.price} is beyond ±${limit} ${instrument.currency}/${instrument.unit}`,
    });
  }
  if (!timeIsValid) return issues;
  const spot = isSpotPeriod(instrument.deliveryPeriod);
  const delivery = input.delivery;
  if (!delivery) {
    if (!spot) {
      issues.push({
        field: 'delivery',
        rule: 'required',
        message: `${instrument.id} needs a delivery period on every row`,
      });
    } else if (!periodContaining(instrument, input.time)) {
      issues.push({
        field: 'time',
        rule: 'within_delivery_period',
        message: `time ${iso(input.time)} is in no ${instrument.deliveryPeriod} of ${instrument.id}`,
      });
    }
    return issues;
  }
  if (!isInstantInRange(delivery.start) || !isInstantInRange(delivery.end)) {
    issues.push({
      field: 'delivery',
      rule: 'valid_instant',
      message: 'delivery start or end is not a valid instant',
    });
    return issues;
  }
  const expected = periodContaining(instrument, delivery.start);
  if (!expected || expected.start !== delivery.start || expected.end !== delivery.end) {
    issues.push({
      field: 'delivery',
      rule: 'delivery_period',
      message: `${iso(delivery.start)}–${iso(delivery.end)} is not a ${instrument.deliveryPeriod} of ${instrument.id}`,
    });
    return issues;
  }
  // A spot price belongs to its delivery period; a term product trades before delivery ends.
  const outside = spot
    ? input.time < delivery.start || input.time >= delivery.end
    : input.time >= delivery.end;
  if (outside) {
    issues.push({
      field: 'time',
      rule: 'within_delivery_period',
      message: `time ${iso(input.time)} is outside delivery ${iso(delivery.start)}–${iso(delivery.end)}`,
    });
  }
  return issues;
}

const iso = (ms: number): string => new Date(ms).toISOString();
