import {
  el,
  leaf,
  renderXml,
  withAttributes,
  type XmlNode,
} from '../../../../platform/xml/index.js';
import { remitAction, remitAggressor, remitCapacity, remitSettlement, remitSide } from './codes.js';
import { RecordChecks, throwIfIssues } from './checks.js';
import type {
  Amount,
  ParticipantId,
  Quantity,
  StandardContract,
  StandardOrder,
  StandardTrade,
} from './records.js';

/**
 * REMIT Table 1 (standard contracts): orders to trade and trades on organised market
 * places, and OTC trades in contracts a venue lists (reported with the venue `XBIL`).
 * One writer serves ACER's V3 schema and V2, which some venues still take: the two share
 * the sequence of every element we write; V3 adds required fields we always fill.
 */
export type Table1Version = 'V2' | 'V3';

export interface Table1Report {
  version: Table1Version;
  reportingEntity: ParticipantId;
  orders: StandardOrder[];
  trades: StandardTrade[];
}

export const table1Namespace = (version: Table1Version): string =>
  `http://www.acer.europa.eu/REMIT/REMITTable1_${version}.xsd`;

const participant = (name: string, id: ParticipantId): XmlNode =>
  el(name, leaf(id.scheme, id.code));

const venue = (mic: string): XmlNode =>
  el('organisedMarketPlaceIdentifier', mic === 'XBIL' ? leaf('bil', mic) : leaf('mic', mic));

const priceDetails = (price: Amount): XmlNode =>
  el('priceDetails', leaf('price', price.value), leaf('priceCurrency', price.currency));

const quantity = (name: string, value: Quantity | undefined): XmlNode | undefined =>
  value && el(name, leaf('value', value.value), leaf('unit', value.unit));

function contract(c: StandardContract): XmlNode {
  return el(
    'contract',
    leaf('contractId', c.contractId),
    leaf('contractName', c.contractName),
    leaf('contractType', c.contractType),
    leaf('energyCommodity', c.commodity),
    leaf('settlementMethod', remitSettlement[c.settlement]),
    venue(c.venueMic),
    leaf('lastTradingDateTime', c.lastTradingAt),
    c.deliveryZones.map((zone) => leaf('deliveryPointOrZone', zone)),
    leaf('deliveryStartDate', c.deliveryStart),
    leaf('deliveryEndDate', c.deliveryEnd),
    leaf('loadType', c.loadType),
    el(
      'deliveryProfile',
      c.deliveryHours.map((hours) => [
        leaf('loadDeliveryStartTime', hours.start),
        leaf('loadDeliveryEndTime', hours.end),
      ]),
    ),
  );
}

function orderReport(order: StandardOrder, sequence: number): XmlNode {
  return el(
    'OrderReport',
    leaf('RecordSeqNumber', sequence),
    participant('idOfMarketParticipant', order.marketParticipant),
    el('traderID', leaf('traderIdForOrganisedMarket', order.traderId)),
    leaf('tradingCapacity', remitCapacity[order.capacity]),
    leaf('buySellIndicator', remitSide[order.side]),
    el('orderId', leaf('uniqueOrderIdentifier', order.orderId)),
    leaf('orderType', order.orderType),
    leaf('orderStatus', order.status),
    el('orderDuration', leaf('duration', order.duration)),
    el('contractInfo', contract(order.contract)),
    venue(order.contract.venueMic),
    leaf('transactionTime', order.enteredAt),
    priceDetails(order.price),
    quantity('quantity', order.quantity),
    quantity('totalNotionalContractQuantity', order.totalQuantity),
    leaf('actionType', remitAction[order.event]),
  );
}

function tradeReport(trade: StandardTrade, sequence: number): XmlNode {
  return el(
    'TradeReport',
    leaf('RecordSeqNumber', sequence),
    participant('idOfMarketParticipant', trade.marketParticipant),
    trade.traderId !== undefined &&
      el(
        'traderID',
        trade.contract.venueMic === 'XBIL'
          ? leaf('traderIdForMarketParticipant', trade.traderId)
          : leaf('traderIdForOrganisedMarket', trade.traderId),
      ),
    trade.otherMarketParticipant &&
      participant('otherMarketParticipant', trade.otherMarketParticipant),
    leaf('tradingCapacity', remitCapacity[trade.capacity]),
    leaf('buySellIndicator', remitSide[trade.side]),
    leaf('aggressor', trade.aggressor && remitAggressor[trade.aggressor]),
    el('contractInfo', contract(trade.contract)),
    venue(trade.contract.venueMic),
    leaf('transactionTime', trade.executedAt),
    el('uniqueTransactionIdentifier', leaf('uniqueTransactionIdentifier', trade.uti)),
    (trade.linkedOrderIds ?? []).map((id) => leaf('linkedOrderId', id)),
    leaf(
      'voiceBrokered',
      trade.voiceBrokered === undefined ? undefined : String(trade.voiceBrokered),
    ),
    priceDetails(trade.price),
    trade.notional &&
      el(
        'notionalAmountDetails',
        leaf('notionalAmount', trade.notional.value),
        leaf('notionalCurrency', trade.notional.currency),
      ),
    quantity('quantity', trade.quantity),
    quantity('totalNotionalContractQuantity', trade.totalQuantity),
    leaf('actionType', remitAction[trade.event]),
  );
}

function checkContract(checks: RecordChecks, c: StandardContract): void {
  checks
    .date('contract.deliveryStart', c.deliveryStart)
    .date('contract.deliveryEnd', c.deliveryEnd)
    .dateOrder('contract.deliveryEnd', c.deliveryStart, c.deliveryEnd)
    .timestamp('contract.lastTradingAt', c.lastTradingAt)
    .require(
      'contract.deliveryZones',
      c.deliveryZones.length > 0,
      'required',
      'needs at least one EIC',
    )
    .require(
      'contract.deliveryHours',
      c.deliveryHours.length > 0,
      'required',
      'needs at least one interval',
    );
}

function checkReport(report: Table1Report): void {
  const issues = [
    ...report.orders.flatMap((order, index) => {
      const checks = new RecordChecks(`orders[${index}]`)
        .timestamp('enteredAt', order.enteredAt)
        .decimal('price.value', order.price.value)
        .decimal('quantity.value', order.quantity.value);
      checkContract(checks, order.contract);
      return checks.issues;
    }),
    ...report.trades.flatMap((trade, index) => {
      const checks = new RecordChecks(`trades[${index}]`)
        .timestamp('executedAt', trade.executedAt)
        .decimal('price.value', trade.price.value)
        .decimal('quantity.value', trade.quantity?.value)
        .decimal('totalQuantity.value', trade.totalQuantity.value)
        .decimal('notional.value', trade.notional?.value);
      checkContract(checks, trade.contract);
      return checks.issues;
    }),
  ];
  throwIfIssues(issues);
}

/** The report as ACER's XML; refuses records with a field ACER would refuse, naming it. */
export function writeRemitTable1(report: Table1Report): string {
  checkReport(report);
  const root = el(
    'REMITTable1',
    participant('reportingEntityID', report.reportingEntity),
    report.orders.length > 0 &&
      el(
        'OrderList',
        report.orders.map((order, index) => orderReport(order, index + 1)),
      ),
    report.trades.length > 0 &&
      el(
        'TradeList',
        report.trades.map((trade, index) => tradeReport(trade, index + 1)),
      ),
  );
  return renderXml(withAttributes(root, { xmlns: table1Namespace(report.version) }));
}
