import {
  el,
  leaf,
  renderXml,
  withAttributes,
  type XmlNode,
} from '../../../../platform/xml/index.js';
import { RecordChecks, throwIfIssues } from './checks.js';
import type { DerivativeTrade } from './records.js';
import { leiCheckDigitsValid } from './uti.js';

/**
 * EMIR Refit derivative trade reports: ISO 20022 `auth.030.001.03` (ESMA's DATTAR
 * profile) behind a `head.001.001.01` business application header, both carried in the
 * `head.003` BizData envelope a trade repository takes. Lifecycle events map to ESMA's
 * action types: new → New, modify → Mod, cancel → Termntn (an early termination of a
 * live trade), error → Err (a report that should never have been made).
 */
export const emirNamespaces = {
  envelope: 'urn:iso:std:iso:20022:tech:xsd:head.003.001.01',
  header: 'urn:iso:std:iso:20022:tech:xsd:head.001.001.01',
  report: 'urn:iso:std:iso:20022:tech:xsd:auth.030.001.03',
} as const;

export interface EmirSubmission {
  /** LEI of the entity sending the file (the report submitting entity). */
  fromLei: string;
  /** Identifier of the receiving trade repository (up to 35 characters). */
  to: string;
  /** Unique per file; the repository's feedback quotes it. */
  messageId: string;
  /** When the file was made, from the injected clock (epoch milliseconds). */
  createdAt: number;
  trades: DerivativeTrade[];
}

/** ESMA wants times in UTC without fractions: `2026-03-02T08:15:00Z`. */
const utc = (timestamp: string | number): string =>
  new Date(timestamp).toISOString().slice(0, 19) + 'Z';

const lei = (value: string): XmlNode => el('Id', leaf('LEI', value));
const legal = (name: string, value: string): XmlNode => el(name, el('Lgl', lei(value)));

function nature(trade: DerivativeTrade): XmlNode {
  const counterparty = trade.reportingCounterparty;
  const threshold = leaf('ClrThrshld', counterparty.aboveClearingThreshold);
  if (counterparty.nature.kind === 'financial') {
    return el(
      'Ntr',
      el(
        'FI',
        counterparty.nature.sectors.map((sector) => el('Sctr', leaf('Cd', sector))),
        threshold,
      ),
    );
  }
  return el('Ntr', el('NFI', el('Sctr', leaf('Id', counterparty.nature.naceSection)), threshold));
}

function counterpartiesInFull(trade: DerivativeTrade): XmlNode {
  return el(
    'CtrPtySpcfcData',
    el(
      'CtrPty',
      el(
        'RptgCtrPty',
        legal('Id', trade.reportingCounterparty.lei),
        nature(trade),
        el(
          'DrctnOrSd',
          leaf('CtrPtySd', trade.reportingCounterparty.side === 'buyer' ? 'BYER' : 'SLLR'),
        ),
      ),
      el(
        'OthrCtrPty',
        legal('IdTp', trade.otherCounterparty.lei),
        leaf('RptgOblgtn', trade.otherCounterparty.reportingObligation),
      ),
      el('SubmitgAgt', leaf('LEI', trade.submittingAgentLei)),
    ),
  );
}

function counterpartiesByIdentity(trade: DerivativeTrade): XmlNode {
  return el(
    'CtrPtySpcfcData',
    el(
      'CtrPty',
      el('RptgCtrPty', legal('Id', trade.reportingCounterparty.lei)),
      el('OthrCtrPty', legal('IdTp', trade.otherCounterparty.lei)),
      el('SubmitgAgt', leaf('LEI', trade.submittingAgentLei)),
    ),
  );
}

const amount = (name: string, value: string, currency: string): XmlNode | undefined =>
  leaf(name, value, { Ccy: currency });

function tradeDetails(trade: DerivativeTrade, eventType: 'TRAD' | 'UPDT'): XmlNode {
  return el(
    'CmonTradData',
    el(
      'CtrctData',
      leaf('CtrctTp', trade.contractType),
      leaf('AsstClss', 'COMM'),
      leaf('PdctClssfctn', trade.cfi),
      trade.isin !== undefined && el('PdctId', leaf('ISIN', trade.isin)),
      leaf('DerivBasedOnCrptAsst', false),
    ),
    el(
      'TxData',
      el('TxId', leaf('UnqTxIdr', trade.uti)),
      trade.priorUti !== undefined && el('PrrTxId', leaf('UnqTxIdr', trade.priorUti)),
      el('CollPrtflCd', el('Prtfl', leaf('NoPrtfl', 'NOAP'))),
      trade.venueMic !== 'XXXX' && leaf('PltfmIdr', trade.venueMic),
      trade.price &&
        el(
          'TxPric',
          el('Pric', el('MntryVal', amount('Amt', trade.price.value, trade.price.currency))),
        ),
      el(
        'NtnlAmt',
        el('FrstLeg', el('Amt', amount('Amt', trade.notional.value, trade.notional.currency))),
      ),
      trade.totalQuantity !== undefined &&
        el('NtnlQty', el('FrstLeg', leaf('TtlQty', trade.totalQuantity))),
      leaf('DlvryTp', trade.delivery),
      leaf('ExctnTmStmp', utc(trade.executedAt)),
      leaf('FctvDt', trade.effectiveDate),
      leaf('XprtnDt', trade.expiryDate),
      el('MstrAgrmt', el('Tp', leaf('Tp', trade.masterAgreement))),
      el('DerivEvt', leaf('Tp', eventType), el('TmStmp', leaf('Dt', trade.eventDate))),
      el('TradClr', el('ClrSts', el('NonClrd', leaf('Rsn', 'NORE')))),
    ),
  );
}

function reportOf(trade: DerivativeTrade): XmlNode {
  const level = leaf('Lvl', 'TCTN');
  switch (trade.event) {
    case 'new':
      return el('Rpt', el('New', counterpartiesInFull(trade), tradeDetails(trade, 'TRAD'), level));
    case 'modify':
      return el('Rpt', el('Mod', counterpartiesInFull(trade), tradeDetails(trade, 'UPDT'), level));
    case 'cancel':
      return el(
        'Rpt',
        el(
          'Termntn',
          counterpartiesByIdentity(trade),
          el(
            'CmonTradData',
            el(
              'TxData',
              el('TxId', leaf('UnqTxIdr', trade.uti)),
              leaf('EarlyTermntnDt', trade.eventDate),
              el('DerivEvt', leaf('Tp', 'ETRM'), el('TmStmp', leaf('Dt', trade.eventDate))),
            ),
          ),
          level,
        ),
      );
    case 'error':
      return el(
        'Rpt',
        el(
          'Err',
          counterpartiesByIdentity(trade),
          el(
            'CmonTradData',
            el(
              'TxData',
              el('TxId', leaf('UnqTxIdr', trade.uti)),
              el('DerivEvt', el('TmStmp', leaf('Dt', trade.eventDate))),
            ),
          ),
          level,
        ),
      );
  }
}

const LEI_RULE = 'must be an LEI with valid ISO 17442 check digits';

function check(submission: EmirSubmission): void {
  throwIfIssues(
    submission.trades.flatMap(
      (trade, index) =>
        new RecordChecks(`trades[${index}]`)
          .timestamp('executedAt', trade.executedAt)
          .date('effectiveDate', trade.effectiveDate)
          .date('expiryDate', trade.expiryDate)
          .date('eventDate', trade.eventDate)
          .decimal('notional.value', trade.notional.value)
          .decimal('price.value', trade.price?.value)
          .decimal('totalQuantity', trade.totalQuantity)
          // The schema checks an LEI's shape only; a trade repository also checks its digits.
          .require(
            'reportingCounterparty.lei',
            leiCheckDigitsValid(trade.reportingCounterparty.lei),
            'lei',
            LEI_RULE,
          )
          .require(
            'otherCounterparty.lei',
            leiCheckDigitsValid(trade.otherCounterparty.lei),
            'lei',
            LEI_RULE,
          )
          .require(
            'submittingAgentLei',
            leiCheckDigitsValid(trade.submittingAgentLei),
            'lei',
            LEI_RULE,
          ).issues,
    ),
  );
}

export function writeEmirSubmission(submission: EmirSubmission): string {
  check(submission);
  const party = (id: string): XmlNode =>
    el('OrgId', el('Id', el('OrgId', el('Othr', leaf('Id', id)))));
  const header = el(
    'AppHdr',
    el('Fr', party(submission.fromLei)),
    el('To', party(submission.to)),
    leaf('BizMsgIdr', submission.messageId),
    leaf('MsgDefIdr', 'auth.030.001.03'),
    leaf('CreDt', utc(submission.createdAt)),
  );
  const document = el(
    'Document',
    el(
      'DerivsTradRpt',
      el('RptHdr', leaf('NbRcrds', submission.trades.length)),
      el('TradData', submission.trades.map(reportOf)),
    ),
  );
  const envelope = el(
    'BizData',
    el('Hdr', withAttributes(header, { xmlns: emirNamespaces.header })),
    el('Pyld', withAttributes(document, { xmlns: emirNamespaces.report })),
  );
  return renderXml(withAttributes(envelope, { xmlns: emirNamespaces.envelope }));
}
