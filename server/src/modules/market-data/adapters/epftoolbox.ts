import type { ExogenousObservation } from '../domain/tick.js';
import type { IngestRow } from '../domain/validate-ticks.js';
import { malformedResponse } from './adapter.js';
import { parseCsv } from './csv.js';
import { parseNaiveUtc } from './instant.js';

/**
 * Day-ahead price files in the layout of the epftoolbox benchmark datasets:
 * a `Date` column, one price column and two exogenous forecasts, with headers
 * that vary by market (`Date, Price, Grid load forecast, Wind power forecast`,
 * `Date, Prices, Generation forecast, System load forecast`, …).
 *
 * The files are imported as-is: every day has exactly 24 hours, because the
 * dataset authors already removed daylight-saving gaps and repeats, so the naive
 * timestamps are read as UTC labels rather than local times that would collide.
 */
export interface EpftoolboxImport {
  prices: IngestRow[];
  exogenous: ExogenousObservation[];
  /** The two exogenous series' names as written in the header. */
  seriesNames: [string, string];
}

const SOURCE = 'epftoolbox CSV';

export function parseEpftoolboxCsv(
  text: string,
  instrumentId: string,
  area: string,
): EpftoolboxImport {
  const { header, rows } = parseCsv(text);
  if (header.length !== 4)
    throw malformedResponse(
      SOURCE,
      `expected 4 columns (Date, price, two exogenous series), found ${header.length}`,
    );
  const [date, price, first, second] = header as [string, string, string, string];
  if (date.toLowerCase() !== 'date')
    throw malformedResponse(SOURCE, `first column is "${date}", expected "Date"`);
  if (!/price/i.test(price))
    throw malformedResponse(SOURCE, `second column is "${price}", expected a price column`);

  const prices: IngestRow[] = [];
  const exogenous: ExogenousObservation[] = [];
  for (const { line, cells } of rows) {
    if (cells.length !== 4)
      throw malformedResponse(SOURCE, `line ${line} has ${cells.length} cells, expected 4`);
    const time = parseNaiveUtc(cells[0] ?? '');
    if (!Number.isFinite(time))
      throw malformedResponse(SOURCE, `line ${line} has an unreadable date "${cells[0] ?? ''}"`);
    prices.push({ instrumentId, time, price: Number(cells[1] || NaN), volume: 0 });
    exogenous.push({ area, series: first, time, value: Number(cells[2] || NaN) });
    exogenous.push({ area, series: second, time, value: Number(cells[3] || NaN) });
  }
  return { prices, exogenous, seriesNames: [first, second] };
}
