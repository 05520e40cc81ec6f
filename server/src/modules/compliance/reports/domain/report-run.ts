import { DomainError } from '../../../../platform/errors.js';

/**
 * A report run: one day's file of one format, from generation to the regulator's answer.
 * Pure state: every step takes the run and returns the next one with the step appended
 * to its history (who, when, what), so the service only stores what it is given and the
 * audit trail is the history itself.
 *
 *   generated ──review──▶ reviewed ──submit──▶ submitted ──receipt──▶ accepted
 *   (not ready: no way on)                              └──rejection──▶ rejected ──correct──▶ superseded
 *
 * A run whose file failed its schema (or was not validated) is `not_ready` and can only
 * be replaced by a corrected run; it is never reviewed or submitted.
 */
export type RunStatus =
  'not_ready' | 'generated' | 'reviewed' | 'submitted' | 'accepted' | 'rejected' | 'superseded';

export type RunStep = 'generate' | 'review' | 'submit' | 'receipt' | 'rejection' | 'correct';

const TRANSITIONS: Readonly<Record<RunStatus, Partial<Record<RunStep, RunStatus>>>> = {
  not_ready: { correct: 'superseded' },
  generated: { review: 'reviewed', correct: 'superseded' },
  reviewed: { submit: 'submitted', correct: 'superseded' },
  submitted: { receipt: 'accepted', rejection: 'rejected' },
  accepted: {},
  rejected: { correct: 'superseded' },
  superseded: {},
};

export interface RunEvent {
  step: RunStep;
  status: RunStatus;
  by: string;
  at: number;
  note?: string;
}

/** One rejected record of a feedback file, as the regulator or repository named it. */
export interface RecordRejection {
  /** UTI or record id the rejection is about, when the feedback names one. */
  recordId?: string;
  rule?: string;
  reason: string;
}

export interface ReportRun {
  id: string;
  format: string;
  /** The trading day the run reports, `YYYY-MM-DD`. */
  tradingDay: string;
  /** 1 for the first file of the day; a correction counts up. */
  attempt: number;
  /** The run this one corrects, if any. */
  corrects?: string;
  /** Replaced by this run, once corrected. */
  correctedBy?: string;
  status: RunStatus;
  validation: 'valid' | 'invalid' | 'not_validated';
  /** Schema problems as text (element and line), for a not-ready run. */
  problems: string[];
  xml: string;
  feedback?: {
    outcome: 'accepted' | 'rejected';
    reference?: string;
    rejections: RecordRejection[];
  };
  history: RunEvent[];
}

export interface GeneratedFile {
  format: string;
  xml: string;
  validation: 'valid' | 'invalid' | 'not_validated';
  ready: boolean;
  problems: string[];
}

function step(run: ReportRun, move: RunStep, by: string, at: number, note?: string): ReportRun {
  const next = TRANSITIONS[run.status][move];
  if (!next) {
    throw new DomainError(
      'conflict',
      'illegal_report_run_step',
      `report run ${run.id} is ${run.status} and cannot ${move}`,
      [],
      { runId: run.id, status: run.status, step: move },
    );
  }
  const event: RunEvent = {
    step: move,
    status: next,
    by,
    at,
    ...(note !== undefined ? { note } : {}),
  };
  return { ...run, status: next, history: [...run.history, event] };
}

export function generateRun(input: {
  id: string;
  tradingDay: string;
  file: GeneratedFile;
  by: string;
  at: number;
  corrects?: ReportRun;
}): ReportRun {
  const status: RunStatus = input.file.ready ? 'generated' : 'not_ready';
  return {
    id: input.id,
    format: input.file.format,
    tradingDay: input.tradingDay,
    attempt: input.corrects ? input.corrects.attempt + 1 : 1,
    ...(input.corrects ? { corrects: input.corrects.id } : {}),
    status,
    validation: input.file.validation,
    problems: input.file.problems,
    xml: input.file.xml,
    history: [{ step: 'generate', status, by: input.by, at: input.at }],
  };
}

/** A compliance officer other than the one who generated it checks the file. */
export function reviewRun(run: ReportRun, by: string, at: number, note?: string): ReportRun {
  const generatedBy = run.history[0]?.by;
  if (by === generatedBy) {
    throw new DomainError(
      'forbidden',
      'report_review_four_eyes',
      `report run ${run.id} must be reviewed by someone other than ${by}, who generated it`,
    );
  }
  return step(run, 'review', by, at, note);
}

export const submitRun = (run: ReportRun, by: string, at: number): ReportRun =>
  step(run, 'submit', by, at);

export function recordFeedback(
  run: ReportRun,
  feedback: NonNullable<ReportRun['feedback']>,
  by: string,
  at: number,
): ReportRun {
  const moved = step(
    run,
    feedback.outcome === 'accepted' ? 'receipt' : 'rejection',
    by,
    at,
    feedback.reference,
  );
  return { ...moved, feedback };
}

/**
 * Replaces a rejected (or not yet submitted) run with a corrected file: the old run is
 * superseded and points at the new one, which counts the attempt up.
 */
export function correctRun(
  run: ReportRun,
  correction: { id: string; file: GeneratedFile; by: string; at: number },
): { superseded: ReportRun; correction: ReportRun } {
  if (correction.file.format !== run.format) {
    throw new DomainError(
      'validation',
      'report_correction_format',
      `a correction of a ${run.format} run must be ${run.format}, not ${correction.file.format}`,
      [{ field: 'format', rule: 'same_format', message: `format must be ${run.format}` }],
    );
  }
  const next = generateRun({ ...correction, tradingDay: run.tradingDay, corrects: run });
  const superseded = {
    ...step(run, 'correct', correction.by, correction.at),
    correctedBy: next.id,
  };
  return { superseded, correction: next };
}
