import type { Db } from '../../../platform/db/database.js';
import { fromLots, toLots, tradableInstrument } from '../instruments.js';
import type { TradingLimits } from './pre-trade.js';
import { loadLimits, saveCreditLimit, savePositionLimit } from './repo.js';
import { tradingDb } from '../tables.js';

export interface LimitsInput {
  creditLimit?: number | null | undefined;
  positions: { instrumentId: string; maxNetQuantity: number | null }[];
}

/**
 * Per-account position and credit limits, held in memory for the pre-trade
 * checks (they run for every order) and written through to the database.
 */
export function createLimits(dbHandle: Db) {
  const db = tradingDb(dbHandle);
  const positions = new Map<string, number>();
  const credit = new Map<string, number>();
  const key = (account: string, instrumentId: string) => `${account}\n${instrumentId}`;

  const limits: TradingLimits = {
    maxNetLots: (account, instrumentId) => positions.get(key(account, instrumentId)),
    creditLimit: (account) => credit.get(account),
  };

  function view(account: string) {
    const out: { instrumentId: string; maxNetQuantity: number }[] = [];
    for (const [k, lots] of positions) {
      const [owner, instrumentId] = k.split('\n') as [string, string];
      if (owner === account)
        out.push({
          instrumentId,
          maxNetQuantity: Number(fromLots(tradableInstrument(instrumentId), lots)),
        });
    }
    return { account, creditLimit: credit.get(account) ?? null, positions: out };
  }

  return {
    limits,
    async start(): Promise<void> {
      const stored = await loadLimits(db);
      for (const p of stored.positions) {
        const lots = Math.round(
          Number(p.max_net_quantity) / Number(tradableInstrument(p.instrument_id).lotSize),
        );
        positions.set(key(p.account, p.instrument_id), lots);
      }
      for (const c of stored.credit) credit.set(c.account, Number(c.credit_limit));
    },
    view,
    async set(account: string, input: LimitsInput) {
      const converted = input.positions.map((p, i) => ({
        ...p,
        lots:
          p.maxNetQuantity === null
            ? null
            : toLots(
                tradableInstrument(p.instrumentId, undefined, `positions[${i}].instrumentId`),
                p.maxNetQuantity,
                'maxNetQuantity',
              ),
      }));
      await db.transaction().execute(async (trx) => {
        const t = tradingDb(trx);
        if (input.creditLimit !== undefined)
          await saveCreditLimit(
            t,
            account,
            input.creditLimit === null ? null : String(input.creditLimit),
          );
        for (const p of converted)
          await savePositionLimit(
            t,
            account,
            p.instrumentId,
            p.maxNetQuantity === null ? null : String(p.maxNetQuantity),
          );
      });
      if (input.creditLimit === null) credit.delete(account);
      else if (input.creditLimit !== undefined) credit.set(account, input.creditLimit);
      for (const p of converted) {
        if (p.lots === null) positions.delete(key(account, p.instrumentId));
        else positions.set(key(account, p.instrumentId), p.lots);
      }
      return view(account);
    },
  };
}

export type Limits = ReturnType<typeof createLimits>;
