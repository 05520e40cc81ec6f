import type { ModuleContext } from '../../platform/module.js';
import { TRADE_TOPIC } from '../trading/index.js';
import { createLedgerRepo } from './repo.js';
import { registerLedgerRoutes } from './routes.js';
import { createAppender } from './service-append.js';
import { createTreeHeads } from './service-heads.js';
import { createProofs } from './service-proofs.js';
import { ledgerSigningKeys } from './signing-keys.js';

export { ledgerSigningKeys } from './signing-keys.js';

/**
 * The trade ledger: an RFC 9162 transparency log of every trade, deal version and the
 * audit trail's head, with signed tree heads and the proofs a counterparty or auditor
 * checks offline.
 */
export function createLedgerModule(opts: { treeHeadIntervalMs?: number } = {}) {
  return async function registerLedger(ctx: ModuleContext): Promise<void> {
    const { dbs, bus } = ctx.platform;
    const repo = createLedgerRepo();
    const keys = ledgerSigningKeys(ctx.config);
    const appender = createAppender({ db: dbs.db, repo });
    const heads = createTreeHeads({ db: dbs.db, repo, appender, keys, clock: ctx.clock });
    const proofs = createProofs({ db: dbs.db, repo, appender, heads });
    // Trades and deal versions recorded before this start (or before the ledger existed).
    await appender.catchUp();
    const log = (what: string) => (error: unknown) => ctx.app.log.warn({ err: error }, what);
    const offTrades = await bus.subscribe(TRADE_TOPIC, () => {
      appender.catchUp().catch(log('ledger catch-up failed'));
    });
    let publishing: Promise<unknown> | undefined;
    const timer = setInterval(() => {
      publishing ??= heads
        .publish()
        .catch(log('publishing a ledger tree head failed'))
        .finally(() => {
          publishing = undefined;
        });
    }, opts.treeHeadIntervalMs ?? ctx.config.LEDGER_TREE_HEAD_INTERVAL_MS);
    timer.unref();
    ctx.onClose(async () => {
      clearInterval(timer);
      await offTrades();
      await publishing;
      await appender.settled();
    });
    registerLedgerRoutes(ctx.app, { heads, proofs, keys });
  };
}
export { verifyLedger, type LedgerVerification } from './service-verify.js';
export { treeHeadFromJson, type PublicKeys, type TreeHeadJson } from './domain/tree-head.js';
