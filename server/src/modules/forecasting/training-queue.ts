/**
 * Training jobs run one at a time, each fitting on a worker thread: the models are
 * CPU-bound, and two at once would only make each take twice as long while leaving no
 * core for on-demand forecasts. A job that is running when the app closes is told to
 * stop through its abort signal, which terminates its worker.
 */
export interface TrainingQueue {
  enqueue(jobId: string): void;
  /** Resolves once nothing is queued or running; for tests and orderly shutdown. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function createTrainingQueue(
  run: (jobId: string, signal: AbortSignal) => Promise<void>,
  onError: (error: unknown, jobId: string) => void,
): TrainingQueue {
  const pending: string[] = [];
  const abort = new AbortController();
  let current: Promise<void> | undefined;
  let waiters: (() => void)[] = [];

  function pump(): void {
    if (current !== undefined) return;
    const jobId = pending.shift();
    if (jobId === undefined || abort.signal.aborted) {
      waiters.forEach((w) => w());
      waiters = [];
      return;
    }
    current = run(jobId, abort.signal)
      .catch((error: unknown) => onError(error, jobId))
      .finally(() => {
        current = undefined;
        pump();
      });
  }

  return {
    enqueue(jobId) {
      pending.push(jobId);
      pump();
    },
    idle() {
      if (current === undefined && pending.length === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    async stop() {
      abort.abort();
      pending.length = 0;
      await current;
    },
  };
}
