/**
 * Day-ahead price forecasting benchmark on the epftoolbox data (Lago et al. 2021).
 *
 *   npx tsx bench/forecast.ts --data FILE [--published FILE] [--days N] [--models a,b]
 *
 * Forecasts each of the last N days (728 by default, the paper's test period) with
 * prices up to the day before, and prints MAE, rMAE, sMAPE and RMSE per model; with
 * --published, also the published LEAR and DNN ensembles over exactly the same hours.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { accuracyReport, type AccuracyReport } from '../src/modules/forecasting/domain/metrics.js';
import { walkForward } from '../src/modules/forecasting/domain/walk-forward.js';
import { readEpfCsv, readPublishedForecasts } from './forecast/epf-csv.js';
import { benchmarkModels, combineForecasts } from './forecast/models.js';
import { dieboldMarianoLines, intervalCoverage } from './forecast/coverage.js';
import { progressBar } from './forecast/progress.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    published: { type: 'string' },
    days: { type: 'string', default: '728' },
    models: { type: 'string', default: 'naive,lear,mlp' },
  },
});
if (values.data === undefined) {
  console.error(
    'usage: npx tsx bench/forecast.ts --data FILE [--published FILE] [--days N] [--models naive,lear,mlp]',
  );
  process.exit(2);
}

// `npm run bench:forecast -- --data FILE` runs in server/; paths are the caller's.
const fromCaller = (p: string): string => resolve(process.env.INIT_CWD ?? process.cwd(), p);
const started = performance.now();
const file = readEpfCsv(fromCaller(values.data));
const testDays = Number(values.days);
const firstDay = file.market.days - testDays;
const enabled = new Set(values.models.split(','));
console.log(
  `market file ${values.data}: ${file.market.days} days, columns ${file.header.join(' | ')}`,
);
console.log(
  `test period ${file.dates[firstDay]} .. ${file.dates[file.market.days - 1]} (${testDays} days)`,
);

const result = walkForward(
  file.market,
  firstDay,
  benchmarkModels(enabled),
  progressBar('walk-forward', started),
);
combineForecasts(result);

const rows: [string, AccuracyReport][] = result.names.map((n) => [
  n,
  accuracyReport(result.actual, result.forecasts.get(n)!),
]);
const ours = new Map(rows);
const format = (r: AccuracyReport): string =>
  `${r.mae.toFixed(3).padStart(8)} ${r.rmae.toFixed(3).padStart(7)} ${r.smape.toFixed(3).padStart(8)} ${r.rmse.toFixed(3).padStart(8)}`;
console.log(
  `\n${'model'.padEnd(22)} ${'MAE'.padStart(8)} ${'rMAE'.padStart(7)} ${'sMAPE%'.padStart(8)} ${'RMSE'.padStart(8)}`,
);
for (const [name, report] of rows) console.log(`${name.padEnd(22)} ${format(report)}`);

if (values.published !== undefined) {
  const published = readPublishedForecasts(fromCaller(values.published));
  // Hour of the published file where our test period starts.
  const offset = (firstDay - file.dates.indexOf(published.firstDate)) * 24;
  const hours = result.actual.length;
  console.log(`\npublished forecasts over the same ${hours} hours:`);
  for (const name of ['LEAR Ensemble', 'DNN Ensemble']) {
    const column = published.columns.get(name);
    if (column === undefined || offset < 0 || offset + hours > column.length) {
      console.log(`${name}: not available for this test period`);
      continue;
    }
    const theirColumn = column.subarray(offset, offset + hours);
    const theirs = accuracyReport(result.actual, theirColumn);
    console.log(`${`published ${name}`.padEnd(22)} ${format(theirs)}`);
    for (const mine of ['LEAR ensemble', 'MLP ensemble', 'LEAR+MLP ensemble', 'LEAR+MLP 2:1']) {
      const r = ours.get(mine);
      if (r === undefined) continue;
      console.log(
        `  ${mine} / ${name}: MAE ${(r.mae / theirs.mae).toFixed(3)}  rMAE ${(r.rmae / theirs.rmae).toFixed(3)}  sMAPE ${(r.smape / theirs.smape).toFixed(3)}  RMSE ${(r.rmse / theirs.rmse).toFixed(3)}`,
      );
    }
    for (const line of dieboldMarianoLines(result, `published ${name}`, theirColumn))
      console.log(line);
  }
}

const coverage = intervalCoverage(result, 0.1);
if (coverage !== undefined) console.log(`\n${coverage}`);
const cpu = process.cpuUsage();
// CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
console.log(
  `\nelapsed ${((performance.now() - started) / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU`,
);
