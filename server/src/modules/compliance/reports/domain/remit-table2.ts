import {
  el,
  leaf,
  renderXml,
  withAttributes,
  type XmlNode,
} from '../../../../platform/xml/index.js';
import { remitAction, remitCapacity, remitSettlement, remitSide } from './codes.js';
import { RecordChecks, throwIfIssues } from './checks.js';
import type { NonStandardContract, ParticipantId } from './records.js';

/** REMIT Table 2: non-standard contracts (bespoke supply, PPAs, tolling), ACER's V1 schema. */
export interface Table2Report {
  reportingEntity: ParticipantId;
  contracts: NonStandardContract[];
}

export const table2Namespace = 'http://www.acer.europa.eu/REMIT/REMITTable2_V1.xsd';

const participant = (name: string, id: ParticipantId): XmlNode =>
  el(name, leaf(id.scheme, id.code));

function contractReport(c: NonStandardContract, sequence: number): XmlNode {
  return el(
    'nonStandardContractReport',
    leaf('RecordSeqNumber', sequence),
    participant('idOfMarketParticipant', c.marketParticipant),
    c.otherMarketParticipants.map((other) => participant('otherMarketParticipant', other)),
    leaf('tradingCapacity', remitCapacity[c.capacity]),
    leaf('buySellIndicator', remitSide[c.side]),
    leaf('contractId', c.contractId),
    leaf('contractDate', c.contractDate),
    leaf('contractType', c.contractType),
    leaf('energyCommodity', c.commodity),
    (c.price || c.priceFormula !== undefined) &&
      el(
        'priceOrPriceFormula',
        c.price
          ? el('price', leaf('value', c.price.value), leaf('currency', c.price.currency))
          : leaf('priceFormula', c.priceFormula),
      ),
    c.estimatedNotional &&
      el(
        'estimatedNotionalAmount',
        leaf('value', c.estimatedNotional.value),
        leaf('currency', c.estimatedNotional.currency),
      ),
    c.totalQuantity &&
      el(
        'totalNotionalContractQuantity',
        leaf('value', c.totalQuantity.value),
        leaf('unit', c.totalQuantity.unit),
      ),
    leaf('settlementMethod', remitSettlement[c.settlement]),
    c.deliveryZones.map((zone) => leaf('deliveryPointOrZone', zone)),
    leaf('deliveryStartDate', c.deliveryStart),
    leaf('deliveryEndDate', c.deliveryEnd),
    leaf('loadType', c.loadType),
    leaf('actionType', remitAction[c.event]),
  );
}

export function writeRemitTable2(report: Table2Report): string {
  throwIfIssues(
    report.contracts.flatMap(
      (c, index) =>
        new RecordChecks(`contracts[${index}]`)
          .date('contractDate', c.contractDate)
          .date('deliveryStart', c.deliveryStart)
          .date('deliveryEnd', c.deliveryEnd)
          .dateOrder('deliveryEnd', c.deliveryStart, c.deliveryEnd)
          .decimal('price.value', c.price?.value)
          .decimal('estimatedNotional.value', c.estimatedNotional?.value)
          .decimal('totalQuantity.value', c.totalQuantity?.value)
          .require(
            'otherMarketParticipants',
            c.otherMarketParticipants.length > 0,
            'required',
            'needs at least one counterparty',
          )
          .require(
            'price',
            !(c.price && c.priceFormula !== undefined),
            'one_of',
            'is either a price or a formula',
          ).issues,
    ),
  );
  const root = el(
    'REMITTable2',
    participant('reportingEntityID', report.reportingEntity),
    report.contracts.length > 0 &&
      el(
        'TradeList',
        report.contracts.map((c, index) => contractReport(c, index + 1)),
      ),
  );
  return renderXml(withAttributes(root, { xmlns: table2Namespace }));
}
