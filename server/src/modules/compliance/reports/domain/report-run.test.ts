import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../platform/errors.js';
import {
  correctRun,
  generateRun,
  recordFeedback,
  reviewRun,
  submitRun,
  type GeneratedFile,
  type ReportRun,
} from './report-run.js';

const validFile: GeneratedFile = {
  format: 'remit-table1-v3',
  xml: '<REMITTable1/>',
  validation: 'valid',
  ready: true,
  problems: [],
};
const invalidFile: GeneratedFile = {
  ...validFile,
  validation: 'invalid',
  ready: false,
  problems: ['<unit> at line 41: not an element of the set'],
};

const generated = (): ReportRun =>
  generateRun({ id: 'run-1', tradingDay: '2026-03-06', file: validFile, by: 'officer-a', at: 1 });

const codeOf = (move: () => unknown): string => {
  try {
    move();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'no error';
};

describe('report runs', () => {
  it('goes generated → reviewed → submitted → accepted, recording who and when', () => {
    const accepted = recordFeedback(
      submitRun(
        reviewRun(generated(), 'officer-b', 2, 'checked against the trade blotter'),
        'officer-b',
        3,
      ),
      { outcome: 'accepted', reference: 'ACER-RCPT-991', rejections: [] },
      'officer-b',
      4,
    );
    expect(accepted.status).toBe('accepted');
    expect(accepted.history.map((event) => [event.step, event.status, event.by, event.at])).toEqual(
      [
        ['generate', 'generated', 'officer-a', 1],
        ['review', 'reviewed', 'officer-b', 2],
        ['submit', 'submitted', 'officer-b', 3],
        ['receipt', 'accepted', 'officer-b', 4],
      ],
    );
    expect(accepted.history[1]?.note).toBe('checked against the trade blotter');
  });

  it('never lets a file that failed its schema be reviewed or submitted', () => {
    const run = generateRun({
      id: 'run-2',
      tradingDay: '2026-03-06',
      file: invalidFile,
      by: 'officer-a',
      at: 1,
    });
    expect(run.status).toBe('not_ready');
    expect(run.problems).toEqual(invalidFile.problems);
    expect(codeOf(() => reviewRun(run, 'officer-b', 2))).toBe('illegal_report_run_step');
    expect(codeOf(() => submitRun(run, 'officer-b', 2))).toBe('illegal_report_run_step');
  });

  it('needs a second officer to review', () => {
    expect(codeOf(() => reviewRun(generated(), 'officer-a', 2))).toBe('report_review_four_eyes');
  });

  it('refuses to submit an unreviewed run or to record feedback before submission', () => {
    expect(codeOf(() => submitRun(generated(), 'officer-b', 2))).toBe('illegal_report_run_step');
    const reviewed = reviewRun(generated(), 'officer-b', 2);
    expect(
      codeOf(() =>
        recordFeedback(reviewed, { outcome: 'accepted', rejections: [] }, 'officer-b', 3),
      ),
    ).toBe('illegal_report_run_step');
  });

  it('keeps a rejection and its reasons, then supersedes the run with a correction', () => {
    const submitted = submitRun(reviewRun(generated(), 'officer-b', 2), 'officer-b', 3);
    const rejections = [{ recordId: 'UTI-1', rule: 'EMIR-VR-2052', reason: 'currency mismatch' }];
    const rejected = recordFeedback(submitted, { outcome: 'rejected', rejections }, 'officer-b', 4);
    expect(rejected).toMatchObject({ status: 'rejected', feedback: { rejections } });

    const { superseded, correction } = correctRun(rejected, {
      id: 'run-1b',
      file: validFile,
      by: 'officer-a',
      at: 5,
    });
    expect(superseded).toMatchObject({ status: 'superseded', correctedBy: 'run-1b' });
    expect(correction).toMatchObject({
      id: 'run-1b',
      corrects: 'run-1',
      attempt: 2,
      tradingDay: '2026-03-06',
      status: 'generated',
    });
    expect(
      codeOf(() =>
        correctRun(superseded, { id: 'run-1c', file: validFile, by: 'officer-a', at: 6 }),
      ),
    ).toBe('illegal_report_run_step');
  });

  it('replaces a not-ready run with a corrected one, but not with another format', () => {
    const run = generateRun({
      id: 'run-2',
      tradingDay: '2026-03-06',
      file: invalidFile,
      by: 'officer-a',
      at: 1,
    });
    const { correction } = correctRun(run, {
      id: 'run-2b',
      file: validFile,
      by: 'officer-a',
      at: 2,
    });
    expect(correction.status).toBe('generated');
    const otherFormat = { ...validFile, format: 'remit-table2-v1' };
    expect(
      codeOf(() => correctRun(run, { id: 'run-2c', file: otherFormat, by: 'officer-a', at: 2 })),
    ).toBe('report_correction_format');
  });

  it('does not let an accepted run be corrected or answered twice', () => {
    const accepted = recordFeedback(
      submitRun(reviewRun(generated(), 'officer-b', 2), 'officer-b', 3),
      { outcome: 'accepted', rejections: [] },
      'officer-b',
      4,
    );
    expect(
      codeOf(() => correctRun(accepted, { id: 'x', file: validFile, by: 'officer-a', at: 5 })),
    ).toBe('illegal_report_run_step');
    expect(
      codeOf(() =>
        recordFeedback(accepted, { outcome: 'rejected', rejections: [] }, 'officer-b', 5),
      ),
    ).toBe('illegal_report_run_step');
  });
});
