import type { FastifyInstance } from 'fastify';
import type { Principal, RouteAccess } from '../http/access.js';
import type { StreamHub, StreamSocket } from './hub.js';
import type { SessionSockets } from './session-sockets.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Open stream sockets by sign-in session, closed when their session ends. */
    sessionSockets: SessionSockets;
  }
}

export interface StreamRoute {
  url: string;
  /** Checked by the gateway before the upgrade, like any route's; the token travels as a `bearer.<token>` subprotocol. */
  access: RouteAccess;
  tags: string[];
  summary: string;
}

/**
 * A WebSocket route onto a hub. The gateway has authenticated the caller by the time the
 * handler runs (a refused token never gets a socket), so the handler only tells the hub
 * who is connected, in the module's own terms.
 */
export function registerStreamRoute<Viewer>(
  app: FastifyInstance,
  route: StreamRoute,
  hub: StreamHub<Viewer>,
  viewerOf: (principal: Principal) => Viewer,
): void {
  app.get(
    route.url,
    {
      websocket: true,
      config: { access: route.access },
      schema: { tags: route.tags, summary: route.summary },
    },
    (socket: StreamSocket, request) => {
      const principal = request.principal!;
      if (principal.sessionId !== undefined) app.sessionSockets.track(principal.sessionId, socket);
      hub.attach(socket, viewerOf(principal));
    },
  );
}
