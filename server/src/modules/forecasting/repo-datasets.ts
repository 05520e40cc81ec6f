import { sql } from 'kysely';
import type { MarketHistory } from './dataset-csv.js';
import { forecastingDb, type Executor } from './tables.js';

export interface DatasetSummary {
  id: string;
  name: string;
  market: string;
  firstDate: string;
  lastDate: string;
  days: number;
  columns: string[];
  uploadedBy: string;
  createdAt: string;
}

export interface StoredDataset extends DatasetSummary {
  price: number[];
  exogenous: [number[], number[]];
}

const summaryColumns = [
  'id',
  'name',
  'market',
  sql<string>`first_date::text`.as('first_date'),
  sql<string>`(first_date + days - 1)::text`.as('last_date'),
  'days',
  'columns',
  'uploaded_by',
  'created_at',
] as const;

interface SummaryRow {
  id: string;
  name: string;
  market: string;
  first_date: string;
  last_date: string;
  days: number;
  columns: string[];
  uploaded_by: string;
  created_at: Date;
}

const toSummary = (r: SummaryRow): DatasetSummary => ({
  id: r.id,
  name: r.name,
  market: r.market,
  firstDate: r.first_date,
  lastDate: r.last_date,
  days: r.days,
  columns: r.columns,
  uploadedBy: r.uploaded_by,
  createdAt: new Date(r.created_at).toISOString(),
});

export function createDatasetRepo() {
  return {
    async insert(
      ex: Executor,
      d: { name: string; market: string; uploadedBy: string; history: MarketHistory },
    ): Promise<DatasetSummary> {
      const row = await forecastingDb(ex)
        .insertInto('fc_datasets')
        .values({
          name: d.name,
          market: d.market,
          first_date: d.history.firstDate,
          days: d.history.days,
          columns: JSON.stringify(d.history.columns),
          price: JSON.stringify(d.history.price),
          exogenous_1: JSON.stringify(d.history.exogenous[0]),
          exogenous_2: JSON.stringify(d.history.exogenous[1]),
          uploaded_by: d.uploadedBy,
        })
        .returning(summaryColumns)
        .executeTakeFirstOrThrow();
      return toSummary(row);
    },

    async list(ex: Executor): Promise<DatasetSummary[]> {
      const rows = await forecastingDb(ex)
        .selectFrom('fc_datasets')
        .select(summaryColumns)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map(toSummary);
    },

    async get(ex: Executor, id: string): Promise<StoredDataset | undefined> {
      const r = await forecastingDb(ex)
        .selectFrom('fc_datasets')
        .select([...summaryColumns, 'price', 'exogenous_1', 'exogenous_2'])
        .where('id', '=', id)
        .executeTakeFirst();
      return r && { ...toSummary(r), price: r.price, exogenous: [r.exogenous_1, r.exogenous_2] };
    },
  };
}

export type DatasetRepo = ReturnType<typeof createDatasetRepo>;
