import type { Databases } from '../../platform/db/database.js';
import { DomainError, invalid } from '../../platform/errors.js';
import {
  alignWholeDays,
  commonForecastDays,
  compareAligned,
  SIGNIFICANCE,
  type Loss,
} from './comparison.js';
import type { ForecastRepo } from './repo-forecasts.js';
import type { ModelRepo, ModelVersion } from './repo-models.js';
import { actualsBetween } from './service-forecasts.js';
import type { TargetSeriesService } from './target-series.js';

/** The Diebold-Mariano test needs the loss differential's variance: at least two days. */
const MIN_DAYS = 2;

const modelNotFound = (field: 'a' | 'b', id: string) =>
  new DomainError('not_found', 'model_not_found', `model ${field} (${id}) was not found`, [
    { field, rule: 'exists', message: `no model version has the id ${id}` },
  ]);

/** Compares two model versions of one target on the stored forecasts they share. */
export function createCompareService(deps: {
  dbs: Databases;
  models: ModelRepo;
  forecasts: ForecastRepo;
  targets: TargetSeriesService;
}) {
  const { reader } = deps.dbs;
  const summary = (m: ModelVersion, meanLoss: number) => ({
    modelId: m.id,
    version: m.version,
    kind: m.kind,
    meanLoss,
  });

  return {
    async compare(q: { a: string; b: string; loss: Loss }) {
      if (q.a === q.b) throw invalid('b', 'distinct', 'compare two different model versions');
      const a = await deps.models.get(reader, q.a);
      if (a === undefined) throw modelNotFound('a', q.a);
      const b = await deps.models.get(reader, q.b);
      if (b === undefined) throw modelNotFound('b', q.b);
      if (a.target !== b.target)
        throw invalid(
          'b',
          'same_target',
          `model b forecasts ${b.target}, model a ${a.target}: compare versions of one target`,
        );
      const rowsA = await deps.forecasts.all(reader, a.id);
      const rowsB = await deps.forecasts.all(reader, b.id);
      const common = commonForecastDays(rowsA, rowsB);
      const actual =
        common.length > 0
          ? await actualsBetween(
              deps.targets,
              reader,
              a.target,
              common[0]!,
              common[common.length - 1]!,
            )
          : () => null;
      const aligned = alignWholeDays(rowsA, rowsB, actual);
      if (aligned.days.length < MIN_DAYS) {
        throw invalid(
          'b',
          'overlap',
          `models a and b share ${aligned.days.length} whole days of forecasts with known outcomes; the test needs at least ${MIN_DAYS}`,
        );
      }
      const { meanLossA, meanLossB, ...result } = compareAligned(aligned, q.loss);
      return {
        target: a.target,
        loss: q.loss,
        significance: SIGNIFICANCE,
        a: summary(a, meanLossA),
        b: summary(b, meanLossB),
        ...result,
      };
    },
  };
}

export type CompareService = ReturnType<typeof createCompareService>;
