import { z } from 'zod';

export const optionBody = z.object({
  book: z.string().min(1).max(64),
  underlying: z
    .string()
    .min(1)
    .max(64)
    .describe('catalogue id of the futures contract the option is written on'),
  type: z.enum(['call', 'put']),
  strike: z.number().positive().finite(),
  expiresAt: z.iso.datetime({ offset: true }),
  quantity: z.number().finite().describe('in the underlying unit; positive bought, negative sold'),
  volatility: z.number().positive().max(10).describe('annualised implied volatility, 0.6 = 60%'),
  rate: z
    .number()
    .min(-0.2)
    .max(1)
    .optional()
    .describe('continuously compounded discount rate; 0 by default'),
});

const optionView = z.object({
  id: z.string(),
  book: z.string(),
  underlying: z.string(),
  type: z.enum(['call', 'put']),
  strike: z.number(),
  expiresAt: z.string(),
  quantity: z.number(),
  volatility: z.number(),
  rate: z.number(),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const optionCreated = optionView;

export const optionList = z.object({
  items: z.array(
    optionView.extend({
      valuation: z
        .object({
          forward: z.number(),
          expiryYears: z.number(),
          unitPrice: z.number(),
          value: z.number(),
          delta: z.number(),
          gamma: z.number(),
          vega: z.number(),
          theta: z.number(),
        })
        .nullable()
        .describe('Black-76 at the underlying last close; null without a price'),
    }),
  ),
});

export const optionsQuery = z.object({ book: z.string().min(1).max(64).optional() });

export const optionParams = z.object({ id: z.uuid() });
