/**
 * Day-ahead price forecasting benchmark on the epftoolbox data (Lago et al. 2021).
 *
 *   npx tsx bench/forecast.ts --data FILE [--published FILE] [--days N] [--models a,b]
 *                             [--skip N] [--threads N] [--save FILE]
 *
 * Forecasts each of the last N days (728 by default, the paper's test period) with
 * prices up to the day before, and prints MAE, rMAE, sMAPE and RMSE per model; with
 * --published, also the published LEAR and DNN ensembles over exactly the same hours.
 * --save FILE writes every model's forecasts and the actual prices as JSON.
 * --skip N leaves the last N days of the file out altogether, so that settings can be
 * chosen on a validation period before the test period without ever seeing it.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HOURS } from '../src/modules/forecasting/domain/market-days.js';
import { accuracyReport, type AccuracyReport } from '../src/modules/forecasting/domain/metrics.js';
import type { WalkForwardResult } from '../src/modules/forecasting/domain/walk-forward.js';
import { readEpfCsv, readPublishedForecasts } from './forecast/epf-csv.js';
import {
  combineForecasts,
  GROUP_NAMES,
  HEADLINE_MODELS,
  PRIMARY_MODEL,
} from './forecast/models.js';
import { dieboldMarianoLines, intervalCoverage } from './forecast/coverage.js';
import { runTasks } from './forecast/pool.js';
import { Progress } from '../src/platform/cli/progress.js';
import { planTasks } from './forecast/tasks.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    published: { type: 'string' },
    days: { type: 'string', default: '728' },
    skip: { type: 'string', default: '0' },
    models: { type: 'string', default: 'naive,lear,mlp' },
    threads: { type: 'string', default: String(Math.min(2, availableParallelism())) },
    save: { type: 'string' },
  },
});
if (values.data === undefined) {
  console.error(
    `usage: npx tsx bench/forecast.ts --data FILE [--published FILE] [--days N] [--skip N] [--threads N] [--save FILE] [--models ${GROUP_NAMES.join(',')}]`,
  );
  process.exit(2);
}

// `npm run bench:forecast -- --data FILE` runs in server/; paths are the caller's.
const fromCaller = (p: string): string => resolve(process.env.INIT_CWD ?? process.cwd(), p);
const started = performance.now();
const dataPath = fromCaller(values.data);
const file = readEpfCsv(dataPath);
const testDays = Number(values.days);
const endDay = file.market.days - Number(values.skip);
const firstDay = endDay - testDays;
const groups = values.models.split(',');
console.log(
  `market file ${values.data}: ${file.market.days} days, columns ${file.header.join(' | ')}`,
);
console.log(
  `test period ${file.dates[firstDay]} .. ${file.dates[endDay - 1]} (${testDays} days)${endDay < file.market.days ? `, the last ${file.market.days - endDay} days of the file left out` : ''}`,
);

const tasks = planTasks(groups, firstDay, endDay, 14);
const threads = Number(values.threads);
const totalDays = tasks.reduce((s, t) => s + t.endDay - t.firstDay, 0);
const progress = new Progress(`walk-forward on ${threads} thread(s)`, totalDays);
let daysDone = 0;
const taskResults = await runTasks(tasks, file.market, dataPath, threads, () =>
  progress.update(++daysDone),
);
progress.done();
const result: WalkForwardResult = {
  names: [],
  forecasts: new Map(),
  actual: file.market.price.slice(firstDay * HOURS, endDay * HOURS),
};
// Stitch the tasks' day ranges back together, models in the order they were asked for.
for (const group of groups) {
  taskResults.forEach((taskResult, k) => {
    const task = tasks[k]!;
    if (task.group !== group) return;
    taskResult.names.forEach((name, n) => {
      if (!result.forecasts.has(name)) {
        result.names.push(name);
        result.forecasts.set(name, new Float64Array(testDays * HOURS));
      }
      result.forecasts.get(name)!.set(taskResult.forecasts[n]!, (task.firstDay - firstDay) * HOURS);
    });
  });
}
combineForecasts(result);
if (values.save !== undefined) {
  // Every model's forecasts and the actual prices, for comparing blends without rerunning.
  const saved = {
    dates: file.dates.slice(firstDay, endDay),
    actual: Array.from(result.actual),
    forecasts: Object.fromEntries(
      result.names.map((n) => [n, Array.from(result.forecasts.get(n)!)]),
    ),
  };
  writeFileSync(fromCaller(values.save), JSON.stringify(saved));
}

const rows: [string, AccuracyReport][] = result.names.map((n) => [
  n,
  accuracyReport(result.actual, result.forecasts.get(n)!),
]);
const ours = new Map(rows);
const format = (r: AccuracyReport): string =>
  `${r.mae.toFixed(3).padStart(8)} ${r.rmae.toFixed(3).padStart(7)} ${r.smape.toFixed(3).padStart(8)} ${r.rmse.toFixed(3).padStart(8)}`;
console.log(
  `\n${'model'.padEnd(30)} ${'MAE'.padStart(8)} ${'rMAE'.padStart(7)} ${'sMAPE%'.padStart(8)} ${'RMSE'.padStart(8)}`,
);
for (const [name, report] of rows) console.log(`${name.padEnd(30)} ${format(report)}`);

if (values.published !== undefined) {
  const published = readPublishedForecasts(fromCaller(values.published));
  // Hour of the published file where our test period starts.
  const offset = (firstDay - file.dates.indexOf(published.firstDate)) * 24;
  const hours = result.actual.length;
  console.log(`\npublished forecasts over the same ${hours} hours:`);
  const summary: string[] = [];
  for (const name of ['LEAR Ensemble', 'DNN Ensemble']) {
    const column = published.columns.get(name);
    if (column === undefined || offset < 0 || offset + hours > column.length) {
      console.log(`${name}: not available for this test period`);
      continue;
    }
    const theirColumn = column.subarray(offset, offset + hours);
    const theirs = accuracyReport(result.actual, theirColumn);
    console.log(`${`published ${name}`.padEnd(30)} ${format(theirs)}`);
    summary.push(`published ${name} ${theirs.mae.toFixed(3)}`);
    for (const mine of HEADLINE_MODELS) {
      const r = ours.get(mine);
      if (r === undefined) continue;
      console.log(
        `  ${mine} / ${name}: MAE ${(r.mae / theirs.mae).toFixed(3)}  rMAE ${(r.rmae / theirs.rmae).toFixed(3)}  sMAPE ${(r.smape / theirs.smape).toFixed(3)}  RMSE ${(r.rmse / theirs.rmse).toFixed(3)}`,
      );
    }
    for (const line of dieboldMarianoLines(result, `published ${name}`, theirColumn))
      console.log(line);
  }
  const primary = ours.get(PRIMARY_MODEL);
  if (primary !== undefined && summary.length > 0)
    console.log(
      `\nMAE: ours (${PRIMARY_MODEL}) ${primary.mae.toFixed(3)} | ${summary.join(' | ')}`,
    );
}

const coverage = intervalCoverage(result, 0.1);
if (coverage !== undefined) console.log(`\n${coverage}`);
const cpu = process.cpuUsage();
// CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
console.log(
  `\nelapsed ${((performance.now() - started) / 1000).toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU`,
);
