import type { FastifyInstance } from 'fastify';
import type { Bus } from '../../platform/bus/bus.js';
import { ALERT_TOPIC } from './service-limits.js';
import { RiskStreamHub, type AlertMessage, type RiskSocket } from './stream-hub.js';
import { VAR_RUN_TOPIC, type VarRunState } from './var-runs.js';

/**
 * `GET /api/v1/risk/stream`: a WebSocket that pushes limit alerts as they are raised and the
 * progress of the caller's VaR runs. Authenticated by the gateway before the upgrade (the
 * access token travels as a `bearer.<token>` subprotocol beside `energyopti.v1`). Fed from the
 * bus, so an alert raised on any instance reaches clients of every instance.
 */
export async function registerRiskStream(app: FastifyInstance, bus: Bus, opts: { maxBufferedBytes: number }): Promise<() => Promise<void>> {
  const hub = new RiskStreamHub(opts.maxBufferedBytes);
  const offs = await Promise.all([
    bus.subscribe(ALERT_TOPIC, (message) => hub.alert(message as AlertMessage)),
    bus.subscribe(VAR_RUN_TOPIC, (message) => hub.run(message as VarRunState)),
  ]);
  app.get(
    '/api/v1/risk/stream',
    { websocket: true, config: { access: 'risk:read' }, schema: { tags: ['risk'], summary: 'Live limit alerts and VaR run progress (WebSocket)' } },
    (socket: RiskSocket, request) => hub.attach(socket, request.principal!),
  );
  return async () => {
    for (const off of offs) await off();
    hub.closeAll(1001, 'server shutting down');
  };
}
