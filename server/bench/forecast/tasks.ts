import type { MarketDays } from '../../src/modules/forecasting/domain/market-days.js';
import { walkForward } from '../../src/modules/forecasting/domain/walk-forward.js';
import { benchmarkGroup } from './models.js';

/**
 * The benchmark's work cut into tasks that can run on any thread: a model group over a
 * run of consecutive test days. Groups that carry state from day to day (the networks
 * are fine-tuned, not refitted) run as one task; stateless ones (LEAR refits from
 * scratch every morning) are cut into chunks, which gives the same forecasts in any
 * order on any number of threads.
 */
export interface ForecastTask {
  id: number;
  group: string;
  firstDay: number;
  /** First day after the task's last test day. */
  endDay: number;
}

export interface TaskResult {
  id: number;
  names: string[];
  /** One array per name, (endDay - firstDay) × 24 hours. */
  forecasts: Float64Array[];
}

export function planTasks(
  groups: readonly string[],
  firstDay: number,
  endDay: number,
  chunkDays: number,
): ForecastTask[] {
  const tasks: ForecastTask[] = [];
  // Stateful groups first: each is one long task, and starting it early keeps the
  // threads busy until the end.
  const ordered = [...groups].sort(
    (a, b) => Number(benchmarkGroup(b).stateful) - Number(benchmarkGroup(a).stateful),
  );
  for (const group of ordered) {
    const step = benchmarkGroup(group).stateful ? endDay - firstDay : chunkDays;
    for (let day = firstDay; day < endDay; day += step) {
      tasks.push({ id: tasks.length, group, firstDay: day, endDay: Math.min(day + step, endDay) });
    }
  }
  return tasks;
}

export function runTask(
  market: MarketDays,
  task: ForecastTask,
  onDay: () => void = () => undefined,
): TaskResult {
  const model = benchmarkGroup(task.group).create();
  // Truncating the market at the task's end keeps every later day out of reach.
  const result = walkForward({ ...market, days: task.endDay }, task.firstDay, [model], onDay);
  return {
    id: task.id,
    names: result.names,
    forecasts: result.names.map((n) => result.forecasts.get(n)!),
  };
}
