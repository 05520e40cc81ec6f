import { standardCatalogue } from '../market-data/index.js';
import type {
  DealCheck,
  DealRefusal,
  PreTradeCheck,
  PreTradeContext,
  PreTradeOrder,
  PreTradeRefusal,
  ProposedDeal,
} from '../trading/index.js';
import type { DecisionLog } from './decision-log.js';
import { decide, type Decision } from './domain/engine.js';
import { deriveJurisdictions } from './domain/jurisdiction.js';
import { nameKey } from './domain/sanctions-csv.js';
import type { RuleFacts, TradeSubject } from './domain/subject.js';
import type { ComplianceState } from './state.js';

/** The stable code of a compliance refusal, on orders and deals alike. */
export const COMPLIANCE_BLOCKED = 'compliance_blocked';

interface CheckDeps {
  state: () => ComplianceState;
  log: DecisionLog;
}

function marketOf(instrumentId: string) {
  const instrument = standardCatalogue.find(instrumentId);
  return { venue: instrument?.venue ?? 'unknown', area: instrument?.area ?? 'unknown' };
}

function listFacts(
  state: ComplianceState,
  account: string,
): Omit<RuleFacts, 'reference' | 'netLots' | 'openLots' | 'affiliateBest'> {
  return {
    book: state.books.get(account) ?? null,
    restricted: (id) => state.restricted.get(id),
    sanctioned: (name) => state.sanctions.get(nameKey(name)),
    embargo: (who, id) => state.embargoes.get(id)?.get(who),
    ownEntity: (name) => state.ownEntities.has(nameKey(name)),
  };
}

/** The account's open lots in one book, gathered once per check and only if a rule asks. */
function openLotsOf(order: PreTradeOrder, ctx: PreTradeContext) {
  let cache: Record<'buy' | 'sell', number> | null = null;
  return (side: 'buy' | 'sell') => {
    if (!cache) {
      cache = { buy: 0, sell: 0 };
      for (const open of ctx.openOrders(order.account))
        if (open.instrumentId === order.instrumentId) cache[open.side] += open.remainingLots;
    }
    return cache[side];
  };
}

/** The best resting price on a side among the other books of the account's legal entity. */
function affiliateBestOf(state: ComplianceState, order: PreTradeOrder, ctx: PreTradeContext) {
  return (side: 'buy' | 'sell'): number | null => {
    const affiliates = state.affiliates.get(order.account);
    if (!affiliates) return null;
    let best: number | null = null;
    for (const account of affiliates) {
      for (const open of ctx.openOrders(account)) {
        if (
          open.instrumentId !== order.instrumentId ||
          open.side !== side ||
          open.priceTicks === null
        )
          continue;
        const price = open.priceTicks * order.tickSize;
        if (best === null || (side === 'buy' ? price > best : price < best)) best = price;
      }
    }
    return best;
  };
}

function explain(decisionId: string, decision: Decision) {
  const firing = decision.firing!;
  return {
    message: `${firing.message} (rule ${firing.ruleId}, ${firing.citation})`,
    details: {
      compliance: {
        decisionId,
        ruleId: firing.ruleId,
        ruleVersion: firing.version,
        citation: firing.citation,
        message: firing.message,
        jurisdictions: decision.jurisdictions,
        derivation: decision.derivation,
      },
    },
  };
}

/** Compliance's check in order entry: decides, queues the decision for the log, refuses a block. */
export function compliancePreTradeCheck(deps: CheckDeps): PreTradeCheck {
  return async (order, ctx): Promise<PreTradeRefusal | undefined> => {
    const state = deps.state();
    const lists = listFacts(state, order.account);
    const openLots = openLotsOf(order, ctx);
    const affiliateBest = affiliateBestOf(state, order, ctx);
    const facts: RuleFacts = {
      ...lists,
      // The last trade stands in for the last settlement; a book that never traded uses its mid.
      reference: (id) => {
        const last = ctx.lastTradePrice(id);
        if (last !== null) return { price: last * order.tickSize, source: 'last_trade' };
        const mid = ctx.midPrice(id);
        return mid === null ? null : { price: mid * order.tickSize, source: 'mid' };
      },
      netLots: (account, id) => ctx.netPosition(account, id),
      openLots: (_a, _i, side) => openLots(side),
      affiliateBest: (_a, _i, side) => affiliateBest(side),
    };
    const subject: TradeSubject = {
      kind: 'order',
      account: order.account,
      instrumentId: order.instrumentId,
      side: order.side,
      price: order.priceTicks === null ? null : order.priceTicks * order.tickSize,
      quantity: order.quantityLots * order.lotSize,
      quantityLots: order.quantityLots,
      counterparty: null,
      at: order.at,
      deliveryStart: null,
    };
    const where = deriveJurisdictions({
      market: marketOf(order.instrumentId),
      book: lists.book,
      counterparty: null,
    });
    const decision = decide(subject, where, state.rules, facts);
    const decisionId = deps.log.record({
      subject,
      subjectId: order.orderId,
      clientOrderId: order.clientOrderId,
      decision,
    });
    if (decision.outcome !== 'block') return undefined;
    return {
      reason: 'compliance_block',
      code: COMPLIANCE_BLOCKED,
      ...explain(decisionId, decision),
    };
  };
}

/** Compliance's check on OTC deal capture and amendment. */
export function complianceDealCheck(deps: CheckDeps): DealCheck {
  return async (deal: ProposedDeal): Promise<DealRefusal | undefined> => {
    const state = deps.state();
    const lists = listFacts(state, deal.trader);
    const instrument = standardCatalogue.find(deal.instrumentId);
    const lotSize = instrument ? Number(instrument.lotSize) : 1;
    const facts: RuleFacts = {
      ...lists,
      reference: () => null,
      // Deals are screened on their own terms; positions are portfolio's and risk's to limit.
      netLots: () => 0,
      openLots: () => 0,
      affiliateBest: () => null,
    };
    const subject: TradeSubject = {
      kind: 'deal',
      account: deal.trader,
      instrumentId: deal.instrumentId,
      side: deal.side,
      price: deal.price,
      quantity: deal.quantity,
      quantityLots: deal.quantity / lotSize,
      counterparty: deal.counterparty,
      at: deal.at.getTime(),
      deliveryStart: deal.deliveryStart.getTime(),
    };
    const where = deriveJurisdictions({
      market: marketOf(deal.instrumentId),
      book: lists.book,
      counterparty: {
        name: deal.counterparty,
        country: state.partyCountry.get(deal.counterparty) ?? null,
      },
    });
    const decision = decide(subject, where, state.rules, facts);
    const decisionId = deps.log.record({
      subject,
      subjectId: deal.id,
      clientOrderId: null,
      decision,
    });
    if (decision.outcome !== 'block') return undefined;
    return { code: COMPLIANCE_BLOCKED, ...explain(decisionId, decision) };
  };
}
