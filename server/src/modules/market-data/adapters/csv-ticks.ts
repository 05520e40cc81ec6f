import type { IngestRow } from '../domain/validate-ticks.js';
import { malformedResponse } from './adapter.js';
import { parseCsv, requireColumns } from './csv.js';
import { parseInstant } from './instant.js';

/**
 * The platform's own tick file:
 *
 *     instrument,time,price,volume[,delivery_start,delivery_end]
 *     PWR-DE-LU-DA-H,2026-03-29T01:00:00+01:00,84.10,1520.5
 *
 * Times are ISO-8601 with `Z` or an offset. An empty volume means an indicative
 * price (0). Delivery columns are needed for term products only. Cells that do not
 * parse become NaN so that `validateTicks` reports them with their row and rule.
 */
export interface TickCsvImport {
  rows: IngestRow[];
  /** Source line of each row, so a rejection at row i can be shown as line `lines[i]`. */
  lines: number[];
}

const SOURCE = 'tick CSV';

export function parseTickCsv(text: string): TickCsvImport {
  const table = parseCsv(text);
  const { indexes, missing } = requireColumns(table.header, [
    'instrument',
    'time',
    'price',
    'volume',
  ]);
  if (missing.length > 0)
    throw malformedResponse(
      SOURCE,
      `missing column ${missing.join(', ')} (header is "${table.header.join(',')}")`,
    );
  const delivery = requireColumns(table.header, ['delivery_start', 'delivery_end']);
  const hasDelivery = delivery.missing.length === 0;
  const cell = (cells: string[], name: string, columns: Record<string, number>): string =>
    cells[columns[name] ?? -1] ?? '';
  const number = (text: string): number => (text === '' ? NaN : Number(text));

  const rows: IngestRow[] = [];
  const lines: number[] = [];
  for (const { line, cells } of table.rows) {
    const volume = cell(cells, 'volume', indexes);
    const row: IngestRow = {
      instrumentId: cell(cells, 'instrument', indexes),
      time: parseInstant(cell(cells, 'time', indexes)),
      price: number(cell(cells, 'price', indexes)),
      volume: volume === '' ? 0 : number(volume),
    };
    const start = hasDelivery ? cell(cells, 'delivery_start', delivery.indexes) : '';
    const end = hasDelivery ? cell(cells, 'delivery_end', delivery.indexes) : '';
    if (start !== '' || end !== '')
      row.delivery = { start: parseInstant(start), end: parseInstant(end) };
    rows.push(row);
    lines.push(line);
  }
  return { rows, lines };
}
