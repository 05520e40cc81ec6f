import type { ModuleContext } from '../../platform/module.js';
import { findPriceSpikes } from '../forecasting/index.js';
import type { DealCheck, PreTradeCheck } from '../trading/index.js';
import { complianceDealCheck, compliancePreTradeCheck } from './checks.js';
import { createDecisionLog, type DecisionLog, type RaisedAlert } from './decision-log.js';
import { loadLists } from './repo-lists.js';
import { ruleParameters } from './repo-rules.js';
import { registerComplianceListRoutes } from './routes-lists.js';
import { registerComplianceRoutes } from './routes.js';
import { registerSurveillanceRoutes } from './routes-surveillance.js';
import { createDecisionService } from './service-decisions.js';
import { createListService } from './service-lists.js';
import { createRuleService } from './service-rules.js';
import { buildState, emptyState, type ComplianceState } from './state.js';
import type { SurveillanceParams } from './surveillance/surveillance.js';
import { complianceDb } from './tables.js';
import { createSurveillanceRuns } from './watch/batch.js';
import { startLiveSurveillance } from './watch/live.js';

export { COMPLIANCE_BLOCKED } from './checks.js';
export type { RaisedAlert } from './decision-log.js';
export type { Jurisdiction } from './domain/jurisdiction.js';

/** Published after any change to rules or lists, so every instance rebuilds its copy. */
export const COMPLIANCE_CHANGED_TOPIC = 'compliance.changed';

export interface ComplianceOptions {
  /** How long decisions wait in memory before they are written (they are flushed before any read). */
  decisionFlushMs?: number;
  /** Detector parameters for live and batch surveillance (each left out takes its default). */
  surveillance?: SurveillanceParams;
}

/**
 * The compliance module: rule packs and lists, the pre-trade and deal checks it hands
 * trading (through `registry.ts`), and the decision and alert log. `raiseAlert` is how
 * surveillance opens an alert. Checks let everything through until the module is registered.
 */
export function createComplianceModule(opts: ComplianceOptions = {}) {
  let state: ComplianceState = emptyState();
  let log: DecisionLog | null = null;
  const current = () => state;
  // A log that drops nothing: until the module starts, decisions wait here.
  const early: Parameters<DecisionLog['record']>[0][] = [];
  const proxyLog: DecisionLog = {
    record: (r) => (log ? log.record(r) : (early.push(r), 'pending')),
    raise: (a) => {
      if (!log) throw new Error('compliance is not registered');
      return log.raise(a);
    },
    flush: () => log?.flush() ?? Promise.resolve(),
  };

  async function register(ctx: ModuleContext): Promise<void> {
    const { dbs, bus } = ctx.platform;
    const reload = async () => {
      const db = complianceDb(dbs.db);
      state = buildState(await loadLists(db), await ruleParameters(db));
    };
    await reload();
    log = createDecisionLog({
      db: dbs.db,
      flushEveryMs: opts.decisionFlushMs ?? 100,
      log: ctx.app.log,
    });
    for (const r of early.splice(0)) log.record(r);
    const unsubscribe = await bus.subscribe(COMPLIANCE_CHANGED_TOPIC, () => {
      reload().catch((error: unknown) =>
        ctx.app.log.warn({ err: error }, 'compliance lists not reloaded'),
      );
    });
    const detectors = { findSpikes: findPriceSpikes };
    const raise = (a: RaisedAlert) => proxyLog.raise(a);
    const stopLive = await startLiveSurveillance({
      bus,
      detectors,
      ...(opts.surveillance ? { params: opts.surveillance } : {}),
      raise,
      log: ctx.app.log,
    });
    const runs = createSurveillanceRuns({
      db: dbs.db,
      clock: ctx.clock,
      detectors,
      ...(opts.surveillance ? { params: opts.surveillance } : {}),
      raise,
      flush: () => proxyLog.flush(),
      log: ctx.app.log,
    });
    ctx.onClose(async () => {
      await unsubscribe();
      await stopLive();
      await runs.drain();
      await log?.flush();
    });
    // This instance rebuilds before answering, the others when the message reaches them.
    const changed = async () => {
      await reload();
      await bus.publish(COMPLIANCE_CHANGED_TOPIC, { at: ctx.clock.now() });
    };
    const common = { db: dbs.db, reader: dbs.reader, clock: ctx.clock, changed };
    registerComplianceRoutes(ctx.app, {
      rules: createRuleService({ ...common, state: current }),
      decisions: createDecisionService({ db: dbs.db, log }),
    });
    registerComplianceListRoutes(ctx.app, createListService(common));
    registerSurveillanceRoutes(ctx.app, runs);
  }

  const preTradeCheck: PreTradeCheck = compliancePreTradeCheck({ state: current, log: proxyLog });
  const dealCheck: DealCheck = complianceDealCheck({ state: current, log: proxyLog });

  return {
    register,
    preTradeCheck,
    dealCheck,
    /** Opens an alert (surveillance detectors); stored with the next batch of decisions. */
    raiseAlert: (alert: RaisedAlert): string => proxyLog.raise(alert),
    /** Writes every queued decision and alert now. */
    flush: () => proxyLog.flush(),
  };
}
