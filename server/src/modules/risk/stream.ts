import type { FastifyInstance } from 'fastify';
import type { Bus } from '../../platform/bus/bus.js';
import type { Principal } from '../../platform/http/access.js';
import { createStreamHub } from '../../platform/stream/hub.js';
import { registerStreamRoute } from '../../platform/stream/route.js';
import { seesEveryBook } from '../portfolio/index.js';
import { ALERT_TOPIC } from './service-limits.js';
import { VAR_RUN_TOPIC, type VarRunState } from './var-runs.js';

/** An alert as the API shows it; only the book matters for who may see it. */
export interface AlertMessage {
  book: string | null;
  [field: string]: unknown;
}

/** Who is watching: a risk manager sees every book's alerts; anyone else their own book's. */
export interface RiskViewer {
  username: string;
  manager: boolean;
}

export const riskViewerOf = (principal: Principal): RiskViewer => ({
  username: principal.username,
  manager: seesEveryBook(principal),
});

/**
 * What the risk stream means: limit alerts as they are raised (the same rule as
 * `GET /risk/alerts`) and the progress of the caller's own VaR runs. Every client
 * follows both from the moment it connects; it may only ping.
 */
export function createRiskStream(opts: { maxBufferedBytes: number; heartbeatMs?: number }) {
  const hub = createStreamHub<RiskViewer>({
    channels: {
      alerts: { keyed: false, automatic: true },
      runs: { keyed: false, automatic: true },
    },
    maxBufferedBytes: opts.maxBufferedBytes,
    usage: 'the risk stream sends alerts and run progress; it takes only {"type":"ping"}',
    ...(opts.heartbeatMs !== undefined ? { heartbeatMs: opts.heartbeatMs } : {}),
  });
  return {
    hub,
    alert(alert: AlertMessage): void {
      hub.publishEach('alerts', undefined, (viewer) =>
        viewer.manager || alert.book === viewer.username ? { type: 'alert', alert } : undefined,
      );
    },
    /** Progress goes to whoever started the run; the figures are fetched once it is done. */
    run(state: VarRunState): void {
      const { result: _result, ...progress } = state;
      hub.publishEach('runs', undefined, (viewer) =>
        viewer.username === state.requestedBy ? { type: 'var-run', run: progress } : undefined,
      );
    },
  };
}

/**
 * `GET /api/v1/risk/stream`: a WebSocket that pushes limit alerts as they are raised and the
 * progress of the caller's VaR runs. Fed from the bus, so an alert raised on any instance
 * reaches clients of every instance.
 */
export async function registerRiskStream(
  app: FastifyInstance,
  bus: Bus,
  opts: { maxBufferedBytes: number },
): Promise<() => Promise<void>> {
  const stream = createRiskStream(opts);
  const offs = await Promise.all([
    bus.subscribe(ALERT_TOPIC, (message) => stream.alert(message as AlertMessage)),
    bus.subscribe(VAR_RUN_TOPIC, (message) => stream.run(message as VarRunState)),
  ]);
  registerStreamRoute(
    app,
    {
      url: '/api/v1/risk/stream',
      access: 'risk:read',
      tags: ['risk'],
      summary: 'Live limit alerts and VaR run progress (WebSocket)',
    },
    stream.hub,
    riskViewerOf,
  );
  return async () => {
    for (const off of offs) await off();
    stream.hub.close();
  };
}
