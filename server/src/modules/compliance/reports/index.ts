/**
 * Regulatory reports, for the compliance module's service to call (the module's own
 * `index.ts` is its public surface; this is the reports part of it).
 */
export type * from './domain/records.js';
export { generateUti, leiCheckDigitsValid } from './domain/uti.js';
export {
  isWorkingDay,
  localDate,
  nextWorkingDay,
  oneMonthAfter,
  reportDueDate,
  type ReportingRule,
  type WorkingCalendar,
} from './domain/deadlines.js';
export {
  monitorDeadlines,
  type DeadlineCheck,
  type DeadlineStatus,
  type ReportingObligation,
} from './domain/deadline-monitor.js';
export { writeRemitTable1, type Table1Report, type Table1Version } from './domain/remit-table1.js';
export { writeRemitTable2, type Table2Report } from './domain/remit-table2.js';
export { writeEmirSubmission, type EmirSubmission } from './domain/emir-refit.js';
export {
  correctRun,
  generateRun,
  recordFeedback,
  reviewRun,
  submitRun,
  type GeneratedFile,
  type RecordRejection,
  type ReportRun,
  type RunEvent,
  type RunStatus,
} from './domain/report-run.js';
export {
  loadRegulatorySchemas,
  reportFormats,
  type RegulatorySchemas,
  type ReportFormat,
} from './regulatory-schemas.js';
export { prepareReport, type PreparedReport } from './prepared-report.js';
export { asRunFile, generateReport, type ReportInput } from './generate.js';
export { readFeedback, type Feedback, type FeedbackFormat } from './feedback.js';
