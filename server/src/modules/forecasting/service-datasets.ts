import type { Databases } from '../../platform/db/database.js';
import { parseMarketHistoryCsv } from './dataset-csv.js';
import type { DatasetRepo, DatasetSummary } from './repo-datasets.js';
import { datasetTarget } from './targets.js';

/** Market histories a desk uploads to train and test models on. */
export function createDatasetService(deps: { dbs: Databases; datasets: DatasetRepo }) {
  const withTarget = (d: DatasetSummary) => ({ ...d, target: datasetTarget(d.id) });
  return {
    async upload(upload: { name: string; market: string; csv: string }, uploadedBy: string) {
      const history = parseMarketHistoryCsv(upload.csv);
      return withTarget(
        await deps.datasets.insert(deps.dbs.db, {
          name: upload.name,
          market: upload.market,
          uploadedBy,
          history,
        }),
      );
    },
    async list() {
      return (await deps.datasets.list(deps.dbs.reader)).map(withTarget);
    },
  };
}

export type DatasetService = ReturnType<typeof createDatasetService>;
