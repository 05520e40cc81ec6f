/** Time is injected so that services and domain code can be tested with a controlled clock. */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to; for tests and replays. */
export class ManualClock implements Clock {
  constructor(private current: number = Date.UTC(2026, 0, 5, 9, 0, 0)) {}
  now(): number {
    return this.current;
  }
  set(ms: number): void {
    this.current = ms;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
