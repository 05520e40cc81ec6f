import { parentPort, workerData } from 'node:worker_threads';
import { readEpfCsv } from './epf-csv.js';
import { runTask, type ForecastTask } from './tasks.js';

/** A benchmark thread: reads the market file once, then runs the tasks it is sent. */
const { dataPath } = workerData as { dataPath: string };
const { market } = readEpfCsv(dataPath);
const port = parentPort!;
port.on('message', (task: ForecastTask) => {
  const result = runTask(market, task, () => port.postMessage({ kind: 'day' }));
  port.postMessage(
    { kind: 'done', result },
    result.forecasts.map((f) => f.buffer as ArrayBuffer),
  );
});
