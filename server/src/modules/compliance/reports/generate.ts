import { describeProblem } from '../../../platform/xml/index.js';
import { writeEmirSubmission, type EmirSubmission } from './domain/emir-refit.js';
import { writeRemitTable1, type Table1Report } from './domain/remit-table1.js';
import { writeRemitTable2, type Table2Report } from './domain/remit-table2.js';
import type { GeneratedFile } from './domain/report-run.js';
import { prepareReport, type PreparedReport } from './prepared-report.js';
import type { RegulatorySchemas } from './regulatory-schemas.js';

/** What to write: the format picks the writer, so a run names one thing. */
export type ReportInput =
  | { format: 'remit-table1-v3'; report: Omit<Table1Report, 'version'> }
  | { format: 'remit-table1-v2'; report: Omit<Table1Report, 'version'> }
  | { format: 'remit-table2-v1'; report: Table2Report }
  | { format: 'emir-auth030'; submission: EmirSubmission };

function write(input: ReportInput): string {
  switch (input.format) {
    case 'remit-table1-v3':
      return writeRemitTable1({ ...input.report, version: 'V3' });
    case 'remit-table1-v2':
      return writeRemitTable1({ ...input.report, version: 'V2' });
    case 'remit-table2-v1':
      return writeRemitTable2(input.report);
    case 'emir-auth030':
      return writeEmirSubmission(input.submission);
  }
}

/**
 * Writes the file and checks it against its official schema. Records a regulator would
 * refuse throw a validation DomainError naming the field before anything is written.
 */
export function generateReport(input: ReportInput, schemas: RegulatorySchemas): PreparedReport {
  return prepareReport(input.format, write(input), schemas);
}

/** The prepared report as a report run's file, its problems as "<element> at line n: ..." text. */
export const asRunFile = (report: PreparedReport): GeneratedFile => ({
  format: report.format,
  xml: report.xml,
  validation: report.validation,
  ready: report.ready,
  problems: report.problems.map(describeProblem),
});
