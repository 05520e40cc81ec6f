import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Catalogue } from './domain/catalogue.js';
import type { StreamHub, StreamSocket } from './stream-hub.js';

/** What the route uses of a `ws` socket (the ws package ships no types here). */
interface ServerSocket extends StreamSocket {
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): void;
  on(event: 'close', listener: () => void): void;
}

const clientMessage = z.object({
  type: z.enum(['subscribe', 'unsubscribe']),
  channel: z.enum(['ticks', 'bars']),
  instruments: z.array(z.string().max(64)).min(1).max(500),
});

/**
 * `GET /api/v1/stream`: a WebSocket on which a client subscribes to ticks or live
 * one-minute bars per instrument. Authentication happens in the gateway before the
 * upgrade (the access token travels as a `bearer.<token>` subprotocol).
 */
export function registerStreamRoute(app: FastifyInstance, hub: StreamHub, catalogue: Catalogue): void {
  app.get(
    '/api/v1/stream',
    { websocket: true, config: { access: 'market-data:read' }, schema: { tags: ['market-data'], summary: 'Live ticks and bars (WebSocket)' } },
    (socket: ServerSocket) => {
      const client = hub.connect(socket);
      socket.on('close', () => hub.disconnect(client));
      socket.on('message', (data, isBinary) => {
        const reply = (message: unknown): void => hub.send(client, message);
        let parsed: unknown;
        try {
          parsed = isBinary ? undefined : JSON.parse(String(data));
        } catch {
          parsed = undefined;
        }
        const message = clientMessage.safeParse(parsed);
        if (!message.success) {
          reply({ type: 'error', message: 'expected {"type":"subscribe"|"unsubscribe","channel":"ticks"|"bars","instruments":[...]}' });
          return;
        }
        const { type, channel, instruments } = message.data;
        const unknown = instruments.filter((id) => !catalogue.find(id));
        if (unknown.length > 0) {
          reply({ type: 'error', message: `unknown instruments: ${unknown.join(', ')}` });
          return;
        }
        if (type === 'unsubscribe') {
          hub.unsubscribe(client, channel, instruments);
          reply({ type: 'unsubscribed', channel, instruments });
          return;
        }
        const refused = hub.subscribe(client, channel, instruments);
        reply(refused ? { type: 'error', message: refused } : { type: 'subscribed', channel, instruments });
      });
    },
  );
}
