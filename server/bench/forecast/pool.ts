import { Worker } from 'node:worker_threads';
import type { MarketDays } from '../../src/modules/forecasting/domain/market-days.js';
import { runTask, type ForecastTask, type TaskResult } from './tasks.js';

type WorkerMessage = { kind: 'day' } | { kind: 'done'; result: TaskResult };

/**
 * Runs the tasks on `threads` worker threads, each taking the next task when it finishes
 * one, so a long stateful task on one thread is balanced by chunks on the others. With
 * one thread everything runs in this one, which is simpler to profile.
 */
export async function runTasks(
  tasks: readonly ForecastTask[],
  market: MarketDays,
  dataPath: string,
  threads: number,
  onDay: () => void,
): Promise<TaskResult[]> {
  if (threads <= 1) return tasks.map((task) => runTask(market, task, onDay));
  const queue = [...tasks];
  const results: TaskResult[] = [];
  const workers = Array.from({ length: Math.min(threads, tasks.length) }, () =>
    startWorker(dataPath),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = (): void => {
              const task = queue.shift();
              if (task === undefined) resolve();
              else worker.postMessage(task);
            };
            worker.on('message', (message: WorkerMessage) => {
              if (message.kind === 'day') onDay();
              else {
                results.push(message.result);
                next();
              }
            });
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (code !== 0) reject(new Error(`forecast worker stopped with code ${code}`));
            });
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.sort((a, b) => a.id - b.id);
}

/**
 * The benchmark runs through tsx, whose loader hooks a worker does not inherit: the
 * worker registers them first, then imports its TypeScript entry.
 */
function startWorker(dataPath: string): Worker {
  const entry = new URL('./worker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: { dataPath } });
}
