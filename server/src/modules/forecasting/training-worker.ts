import { parentPort, workerData } from 'node:worker_threads';
import { walkForwardWithProgress } from './service-training.js';
import type { WorkerInput, WorkerMessage } from './training-runner.js';

/**
 * One fit on its own thread: the walk-forward the training service defines, with its
 * progress posted to the thread that started it. Stopping is the parent's `terminate()`.
 */
const input = workerData as WorkerInput;
const port = parentPort!;
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);
let held = false;

const forecast = await walkForwardWithProgress(
  input.series,
  input.kind,
  input.windows,
  input.days,
  new AbortController().signal,
  async (done, total) => {
    post({ type: 'progress', done, total });
    if (input.hold !== undefined && !held) {
      held = true;
      post({ type: 'held' });
      Atomics.wait(input.hold, 0, 0);
    }
  },
);
post({ type: 'done', forecast }, [forecast.buffer as ArrayBuffer]);
