import type { FastifyInstance } from 'fastify';

let counter = 0;

/** What order entry answers for the crossing buy. */
export interface CrossedBuy {
  order: { id: string; status: string };
  trades: { id: string; price: number; quantity: number }[];
}

/**
 * The seller rests a GTC limit order and the buyer takes it at the same price and size,
 * so the buyer ends long and the seller short `quantity`. Throws unless both are accepted.
 */
export async function crossOrders(
  app: FastifyInstance,
  opts: {
    instrumentId: string;
    seller: Record<string, string>;
    buyer: Record<string, string>;
    price: number;
    quantity: number;
  },
): Promise<CrossedBuy> {
  const order = (side: 'buy' | 'sell') => ({
    clientOrderId: `cross-${++counter}`,
    instrumentId: opts.instrumentId,
    side,
    type: 'limit',
    price: opts.price,
    quantity: opts.quantity,
    timeInForce: 'GTC',
  });
  const send = (headers: Record<string, string>, side: 'buy' | 'sell') =>
    app.inject({ method: 'POST', url: '/api/v1/orders', headers, payload: order(side) });
  const sell = await send(opts.seller, 'sell');
  const buy = await send(opts.buyer, 'buy');
  if (sell.statusCode !== 201 || buy.statusCode !== 201)
    throw new Error(`crossing failed: ${sell.body} ${buy.body}`);
  return buy.json<CrossedBuy>();
}
