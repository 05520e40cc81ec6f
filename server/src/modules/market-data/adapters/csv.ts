/**
 * RFC 4180 CSV: comma-separated, fields optionally double-quoted with "" as an
 * escaped quote, CRLF or LF line ends. Header names are trimmed, because the
 * epftoolbox files write `Date, Price` with a space after each comma.
 */
export interface CsvTable {
  header: string[];
  /** Data rows with the 1-based line number they came from, for error messages. */
  rows: { line: number; cells: string[] }[];
}

export function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

export function parseCsv(text: string): CsvTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerLine = lines.findIndex((line) => line.trim() !== '');
  if (headerLine < 0) return { header: [], rows: [] };
  const header = parseCsvLine(lines[headerLine] ?? '').map((name) => name.trim());
  const rows: CsvTable['rows'] = [];
  for (let i = headerLine + 1; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    rows.push({ line: i + 1, cells: parseCsvLine(line).map((cell) => cell.trim()) });
  }
  return { header, rows };
}

/** Index of each required column, matched case-insensitively; lists every missing one. */
export function requireColumns(
  header: readonly string[],
  required: readonly string[],
): { indexes: Record<string, number>; missing: string[] } {
  const lower = header.map((name) => name.toLowerCase());
  const indexes: Record<string, number> = {};
  const missing: string[] = [];
  for (const name of required) {
    const at = lower.indexOf(name.toLowerCase());
    if (at < 0) missing.push(name);
    else indexes[name] = at;
  }
  return { indexes, missing };
}
