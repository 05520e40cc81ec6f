import { DomainError, type FieldIssue } from '../../../../platform/errors.js';

/**
 * Checks the schemas cannot make for us, or make too late to name the record: REMIT
 * Table 1 V2 types timestamps as plain `xs:dateTime`, which accepts a time with no
 * offset, and ACER refuses those; a decimal with more places than the schema allows
 * would otherwise fail as an anonymous facet error.
 */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^-?\d{1,15}(\.\d{1,5})?$/;

export class RecordChecks {
  readonly issues: FieldIssue[] = [];

  constructor(private readonly prefix: string) {}

  private add(field: string, rule: string, message: string): void {
    const name = `${this.prefix}.${field}`;
    this.issues.push({ field: name, rule, message: `${name} ${message}` });
  }

  timestamp(field: string, value: string | undefined): this {
    if (value === undefined) return this;
    if (!TIMESTAMP.test(value) || Number.isNaN(Date.parse(value))) {
      this.add(
        field,
        'timestamp_with_offset',
        'must be an ISO 8601 timestamp with an explicit offset',
      );
    }
    return this;
  }

  date(field: string, value: string | undefined): this {
    if (value === undefined) return this;
    const parsed = new Date(`${value}T00:00:00Z`);
    if (
      !DATE.test(value) ||
      Number.isNaN(parsed.getTime()) ||
      parsed.toISOString().slice(0, 10) !== value
    ) {
      this.add(field, 'date', 'must be a calendar date YYYY-MM-DD');
    }
    return this;
  }

  decimal(field: string, value: string | undefined): this {
    if (value !== undefined && !DECIMAL.test(value)) {
      this.add(
        field,
        'decimal',
        'must be a decimal with at most 15 digits before the point and 5 after',
      );
    }
    return this;
  }

  dateOrder(field: string, start: string, end: string): this {
    if (DATE.test(start) && DATE.test(end) && end < start) {
      this.add(field, 'not_before_start', 'must not be before the delivery start');
    }
    return this;
  }

  require(field: string, ok: boolean, rule: string, message: string): this {
    if (!ok) this.add(field, rule, message);
    return this;
  }
}

/** Refuses the whole batch, naming every field at fault, before anything is written. */
export function throwIfIssues(issues: FieldIssue[]): void {
  if (issues.length === 0) return;
  throw new DomainError(
    'validation',
    'report_record_invalid',
    issues.map((issue) => issue.message).join('; '),
    issues,
  );
}
