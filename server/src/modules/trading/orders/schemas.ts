import { z } from 'zod';
import { boundedPrice, boundedQuantity } from '../../market-data/index.js';

const side = z.enum(['buy', 'sell']);
const status = z.enum([
  'new',
  'accepted',
  'partially_filled',
  'filled',
  'cancelled',
  'expired',
  'rejected',
]);

export const orderView = z.object({
  id: z.string(),
  clientOrderId: z.string(),
  instrumentId: z.string(),
  account: z.string(),
  side,
  type: z.enum(['limit', 'market', 'stop', 'stop_limit']),
  price: z.number().nullable(),
  stopPrice: z.number().nullable(),
  quantity: z.number(),
  displayQuantity: z.number().nullable(),
  filledQuantity: z.number(),
  remainingQuantity: z.number(),
  averagePrice: z.number().nullable(),
  timeInForce: z.enum(['GTC', 'GTD', 'IOC', 'FOK']),
  expiresAt: z.string().nullable(),
  postOnly: z.boolean(),
  status,
  rejectReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const tradeView = z.object({
  id: z.string(),
  instrumentId: z.string(),
  price: z.number(),
  quantity: z.number(),
  aggressorSide: side,
  time: z.string(),
  side: side.optional(),
  orderId: z.string().optional(),
});

export const placeOrderBody = z.object({
  clientOrderId: z.string().min(1).max(64),
  instrumentId: z.string().min(1).max(64),
  side,
  type: z.enum(['limit', 'market', 'stop', 'stop_limit']),
  price: boundedPrice().optional(),
  stopPrice: boundedPrice().optional(),
  quantity: boundedQuantity().positive(),
  timeInForce: z.enum(['GTC', 'GTD', 'IOC', 'FOK']),
  expiresAt: z.string().datetime({ offset: true }).optional(),
  postOnly: z.boolean().optional(),
  displayQuantity: boundedQuantity().positive().optional(),
  selfTradePrevention: z.enum(['cancel_resting', 'cancel_incoming', 'cancel_both']).optional(),
});

export const placedOrder = z.object({ order: orderView, trades: z.array(tradeView) });

export const modifyOrderBody = z
  .object({ price: boundedPrice().optional(), quantity: boundedQuantity().positive().optional() })
  .refine((b) => b.price !== undefined || b.quantity !== undefined, {
    message: 'give a price or a quantity',
  });

export const orderIdParams = z.object({ id: z.string().min(1).max(64) });

export const listOrdersQuery = z.object({
  status: z.enum(['open', 'final', 'all']).default('all'),
  instrumentId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const orderPage = z.object({ items: z.array(orderView), total: z.number().int() });

const level = z.object({ price: z.number(), quantity: z.number(), orders: z.number().int() });

export const orderBookView = z.object({
  instrumentId: z.string(),
  bids: z.array(level),
  asks: z.array(level),
  lastTradePrice: z.number().nullable(),
  halted: z.boolean(),
});

export const orderBookParams = z.object({ instrumentId: z.string().min(1).max(64) });
export const orderBookQuery = z.object({
  depth: z.coerce.number().int().min(1).max(100).default(10),
});

export const listTradesQuery = z.object({
  instrumentId: z.string().max(64).optional(),
  mine: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const tradePage = z.object({ items: z.array(tradeView) });

export const tradingInstruments = z.object({
  items: z.array(
    z.object({
      instrumentId: z.string(),
      name: z.string(),
      tickSize: z.number(),
      lotSize: z.number(),
      unit: z.string(),
      currency: z.string(),
      gateClosure: z.string().nullable(),
      halted: z.boolean(),
    }),
  ),
});

export const limitsParams = z.object({ account: z.string().min(1).max(64) });

export const limitsBody = z.object({
  creditLimit: z.number().finite().nonnegative().nullable().optional(),
  positions: z
    .array(
      z.object({
        instrumentId: z.string().min(1).max(64),
        maxNetQuantity: z.number().finite().nonnegative().nullable(),
      }),
    )
    .max(200)
    .default([]),
});

export const limitsView = z.object({
  account: z.string(),
  creditLimit: z.number().nullable(),
  positions: z.array(z.object({ instrumentId: z.string(), maxNetQuantity: z.number() })),
});
