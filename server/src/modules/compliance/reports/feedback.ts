import { DomainError } from '../../../platform/errors.js';
import {
  childText,
  describeProblem,
  findAll,
  readXml,
  wellFormednessProblems,
  type XmlTree,
} from '../../../platform/xml/index.js';
import type { RecordRejection, ReportRun } from './domain/report-run.js';
import type { RegulatorySchemas } from './regulatory-schemas.js';

/**
 * Reading a regulator's or trade repository's feedback file. Today that is ESMA's EMIR
 * Refit rejection report (`auth.092.001.04`, DATREJ), bare or in its BizData envelope:
 * it must be XML, pass its schema, and then says how many reports were accepted and
 * which were rejected by which validation rule.
 */
export type FeedbackFormat = 'emir-auth092';

export type Feedback = NonNullable<ReportRun['feedback']> & {
  referenceDate?: string;
  totals: { reports: number; accepted: number; rejected: number };
};

const refuse = (code: string, message: string, extra: Record<string, unknown> = {}): DomainError =>
  new DomainError('validation', code, message, [{ field: 'file', rule: code, message }], extra);

function rejectionOf(node: XmlTree): RecordRejection | undefined {
  if (childText(node, 'Sts') === 'ACPT') return undefined;
  const rule = node.children.find((child) => child.name === 'DtldVldtnRule');
  const uti = findAll(node, 'UnqTxIdr')[0]?.text ?? childText(node, 'MsgRptId');
  const ruleId = rule ? childText(rule, 'Id') : undefined;
  return {
    ...(uti !== undefined ? { recordId: uti } : {}),
    ...(ruleId !== undefined ? { rule: ruleId } : {}),
    reason: (rule && childText(rule, 'Desc')) ?? childText(node, 'Sts') ?? 'rejected',
  };
}

export function readFeedback(
  format: FeedbackFormat,
  text: string,
  schemas: RegulatorySchemas,
): Feedback {
  const syntax = wellFormednessProblems(text);
  if (syntax.length > 0) {
    throw refuse(
      'feedback_not_xml',
      `the feedback file is not XML: ${syntax.map(describeProblem).join('; ')}`,
      {
        problems: syntax,
      },
    );
  }
  const validation = schemas.validate(format, text);
  if (validation === undefined) {
    throw new DomainError(
      'unavailable',
      'feedback_schema_unavailable',
      `the ${format} schema is not available`,
    );
  }
  if (!validation.valid) {
    throw refuse(
      'feedback_invalid',
      `the feedback file does not match ${format}: ${validation.problems.map(describeProblem).join('; ')}`,
      { problems: validation.problems },
    );
  }
  const tree = readXml(text);
  const count = (name: string): number => Number(findAll(tree, name)[0]?.text ?? '0');
  const totals = {
    reports: count('TtlNbOfRpts'),
    accepted: count('TtlNbOfRptsAccptd'),
    rejected: count('TtlNbOfRptsRjctd'),
  };
  const rejections = [...findAll(tree, 'RptSts'), ...findAll(tree, 'TxsRjctnsRsn')]
    .map(rejectionOf)
    .filter((rejection): rejection is RecordRejection => rejection !== undefined);
  const referenceDate = findAll(tree, 'RefDt')[0]?.text;
  return {
    outcome: totals.rejected > 0 || rejections.length > 0 ? 'rejected' : 'accepted',
    ...(referenceDate !== undefined ? { referenceDate, reference: referenceDate } : {}),
    totals,
    rejections,
  };
}
