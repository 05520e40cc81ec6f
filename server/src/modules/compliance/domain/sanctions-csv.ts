/**
 * The sanctions list as a desk imports it: CSV with a header naming `name`, `programme`,
 * and optionally `country` (ISO alpha-2) and `listed_on` (YYYY-MM-DD). Every bad row is
 * reported with its line and field, and a file with any bad row imports nothing.
 */
export interface SanctionedParty {
  name: string;
  /** Upper-cased with single spaces: what screening compares. */
  nameKey: string;
  country: string | null;
  programme: string;
  listedOn: string | null;
}

export interface CsvIssue {
  line: number;
  field: string;
  message: string;
}

export type SanctionsParse =
  { ok: true; parties: SanctionedParty[] } | { ok: false; issues: CsvIssue[] };

export const nameKey = (name: string): string =>
  name.normalize('NFKC').trim().replace(/\s+/g, ' ').toUpperCase();

/** Splits one CSV line (RFC 4180 quoting within the line); null when a quote is left open. */
function cells(line: string): string[] | null {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      out.push(cell);
      cell = '';
    } else cell += c;
  }
  if (quoted) return null;
  out.push(cell);
  return out.map((v) => v.trim());
}

const KNOWN = ['name', 'country', 'programme', 'listed_on'];
const MAX_ROWS = 50_000;

export function parseSanctionsCsv(text: string): SanctionsParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = cells(lines[0] ?? '');
  const issues: CsvIssue[] = [];
  if (!header || header.every((h) => h === ''))
    return {
      ok: false,
      issues: [{ line: 1, field: 'header', message: 'the file has no header row' }],
    };
  const columns = header.map((h) => h.toLowerCase());
  for (const [i, c] of columns.entries())
    if (!KNOWN.includes(c))
      issues.push({
        line: 1,
        field: c || `column ${i + 1}`,
        message: `unknown column ${c || '(empty)'}`,
      });
  for (const required of ['name', 'programme'])
    if (!columns.includes(required))
      issues.push({ line: 1, field: required, message: `the header needs a ${required} column` });
  if (issues.length > 0) return { ok: false, issues };
  const at = (row: string[], column: string) => {
    const i = columns.indexOf(column);
    return i < 0 ? '' : (row[i] ?? '');
  };
  const parties: SanctionedParty[] = [];
  const seen = new Map<string, number>();
  for (let n = 1; n < lines.length; n++) {
    const raw = lines[n]!;
    if (raw.trim() === '') continue;
    const line = n + 1;
    if (parties.length >= MAX_ROWS) {
      issues.push({ line, field: 'row', message: `at most ${MAX_ROWS} rows per import` });
      break;
    }
    const row = cells(raw);
    if (!row) {
      issues.push({ line, field: 'row', message: 'a quoted value is not closed' });
      continue;
    }
    if (row.length !== columns.length) {
      issues.push({
        line,
        field: 'row',
        message: `${row.length} values for ${columns.length} columns`,
      });
      continue;
    }
    const name = at(row, 'name');
    const programme = at(row, 'programme');
    const country = at(row, 'country').toUpperCase();
    const listedOn = at(row, 'listed_on');
    if (name === '' || name.length > 300)
      issues.push({ line, field: 'name', message: 'a name of 1 to 300 characters is required' });
    if (programme === '' || programme.length > 200)
      issues.push({
        line,
        field: 'programme',
        message: 'a programme of 1 to 200 characters is required',
      });
    if (country !== '' && !/^[A-Z]{2}$/.test(country))
      issues.push({ line, field: 'country', message: 'an ISO 3166 alpha-2 code such as RU' });
    if (
      listedOn !== '' &&
      (!/^\d{4}-\d{2}-\d{2}$/.test(listedOn) || Number.isNaN(Date.parse(listedOn)))
    )
      issues.push({ line, field: 'listed_on', message: 'a date as YYYY-MM-DD' });
    const key = nameKey(name);
    const earlier = seen.get(key);
    if (name !== '' && earlier !== undefined)
      issues.push({ line, field: 'name', message: `${name} is already listed on line ${earlier}` });
    seen.set(key, line);
    parties.push({
      name,
      nameKey: key,
      country: country === '' ? null : country,
      programme,
      listedOn: listedOn === '' ? null : listedOn,
    });
  }
  if (issues.length > 0) return { ok: false, issues };
  if (parties.length === 0)
    return { ok: false, issues: [{ line: 2, field: 'row', message: 'the file lists no party' }] };
  return { ok: true, parties };
}
