import { z } from 'zod';
import {
  EARLIEST_INSTANT_MS,
  isInstantInRange,
  LATEST_INSTANT_MS,
  PRICE_LIMIT,
  QUANTITY_LIMIT,
} from './domain/ranges.js';

/**
 * The accepted ranges of domain/ranges.ts as zod schemas, for every route that takes a
 * price, quantity or instant; so a refused value is a 400 naming its field, at the edge.
 */
export const boundedPrice = () => z.number().finite().min(-PRICE_LIMIT).max(PRICE_LIMIT);

export const boundedQuantity = () => z.number().finite().min(-QUANTITY_LIMIT).max(QUANTITY_LIMIT);

const range = `${new Date(EARLIEST_INSTANT_MS).toISOString()} to ${new Date(LATEST_INSTANT_MS).toISOString()}`;

/** An ISO-8601 instant with an offset, within the years the platform stores. */
export const boundedIsoInstant = () =>
  z
    .string()
    .datetime({ offset: true })
    .refine((v) => isInstantInRange(Date.parse(v)), {
      message: `expected an instant from ${range}`,
    });

/** A calendar date YYYY-MM-DD that exists (no 30 February), within the years the platform stores. */
export const boundedIsoDate = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
    .refine(
      (v) => {
        const ms = Date.parse(`${v}T00:00:00Z`);
        return isInstantInRange(ms) && new Date(ms).toISOString().startsWith(v);
      },
      { message: `expected a calendar date from ${range.replace(/T[^ ]*/g, '')}` },
    );
