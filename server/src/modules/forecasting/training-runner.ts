import { Worker } from 'node:worker_threads';
import type { TrainingSeries } from './training-series.js';
import type { ModelKind } from './tables.js';

/**
 * Model fitting runs on worker threads: a LEAR recalibration or an MLP epoch is seconds
 * of uninterrupted arithmetic, which on the event loop would stall every request the
 * API is serving. Each fit gets a fresh thread (the models are rebuilt per run anyway),
 * and at most `maxThreads` run at once so a burst of forecasts cannot starve the machine.
 */
export interface FitRequest {
  series: TrainingSeries;
  kind: ModelKind;
  windows: readonly number[];
  /** Forecast each of the series' last `days` days from the days before it. */
  days: number;
}

export interface FitOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface ModelFitter {
  /** The forecasts of the last `days` days, day-major, 24 hours a day. */
  walkForward(request: FitRequest, options?: FitOptions): Promise<Float64Array>;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'held' }
  | { type: 'done'; forecast: Float64Array };

export interface WorkerInput extends FitRequest {
  hold: Int32Array | undefined;
}

/**
 * A test's hand on a fit in progress: the worker stops after its first reported day,
 * blocking its own thread as a long synchronous fit would, until released.
 */
export interface TrainingHold {
  readonly state: Int32Array;
  reached(): Promise<void>;
  release(): void;
  /** Called by the fitter when the worker reports that it is held. */
  markReached(): void;
}

export function createTrainingHold(): TrainingHold {
  const state = new Int32Array(new SharedArrayBuffer(4));
  let markReached = () => undefined as void;
  const reached = new Promise<void>((resolve) => (markReached = resolve));
  return {
    state,
    reached: () => reached,
    release() {
      Atomics.store(state, 0, 1);
      Atomics.notify(state, 0);
    },
    markReached: () => markReached(),
  };
}

/**
 * Production runs the compiled JavaScript in dist/, where the worker entry is a .js
 * file beside this one. Tests (vitest) and `tsx` run the TypeScript sources, and a
 * worker does not inherit the loader hooks that compile them, so the worker registers
 * tsx (a dev dependency, absent from production images) before importing its entry.
 */
function startWorker(input: WorkerInput): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(
    fromSource ? './training-worker.ts' : './training-worker.js',
    import.meta.url,
  );
  if (!fromSource) return new Worker(entry, { workerData: input });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: input });
}

export function createWorkerFitter(
  opts: { maxThreads?: number; hold?: TrainingHold | undefined } = {},
): ModelFitter {
  const maxThreads = opts.maxThreads ?? 2;
  let running = 0;
  const waiting: (() => void)[] = [];

  async function slot(): Promise<() => void> {
    if (running >= maxThreads) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    return () => {
      running--;
      waiting.shift()?.();
    };
  }

  function run(request: FitRequest, options: FitOptions): Promise<Float64Array> {
    return new Promise((resolve, reject) => {
      const worker = startWorker({ ...request, hold: opts.hold?.state });
      let forecast: Float64Array | undefined;
      let failure: unknown;
      const stop = () => void worker.terminate();
      options.signal?.addEventListener('abort', stop, { once: true });
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'progress') options.onProgress?.(message.done, message.total);
        else if (message.type === 'held') opts.hold?.markReached();
        else forecast = message.forecast;
      });
      worker.on('error', (error) => (failure = error));
      worker.on('exit', (code) => {
        options.signal?.removeEventListener('abort', stop);
        if (forecast !== undefined) resolve(forecast);
        else if (options.signal?.aborted) reject(new Error('interrupted'));
        else
          reject(
            failure instanceof Error
              ? failure
              : new Error(`the model worker stopped with code ${code}`),
          );
      });
    });
  }

  return {
    async walkForward(request, options = {}) {
      if (options.signal?.aborted) throw new Error('interrupted');
      const release = await slot();
      try {
        return await run(request, options);
      } finally {
        release();
      }
    },
  };
}
