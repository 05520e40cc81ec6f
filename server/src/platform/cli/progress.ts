/** Where progress goes: stderr by default, so that stdout stays clean for the figures. */
export interface ProgressSink {
  isTTY?: boolean | undefined;
  write(text: string): unknown;
}

export interface ProgressOptions {
  sink?: ProgressSink;
  now?: () => number;
}

const BAR_WIDTH = 30;

/**
 * Progress of long command-line work. On a terminal it redraws one line in place (a bar,
 * the count and the time left); written to a file or a CI log, where a carriage return
 * does not rewind, it prints one line at each tenth of the way and one at the end, so a
 * log holds at most eleven lines per task instead of one per update.
 */
export class Progress {
  private readonly sink: ProgressSink;
  private readonly now: () => number;
  private readonly started: number;
  private lastPercent = -1;
  private lastTenth = 0;
  private finished = false;

  constructor(
    private readonly label: string,
    private readonly total: number,
    opts: ProgressOptions = {},
  ) {
    this.sink = opts.sink ?? process.stderr;
    this.now = opts.now ?? (() => performance.now());
    this.started = this.now();
  }

  update(done: number): void {
    if (this.finished) return;
    const fraction = this.total > 0 ? Math.min(1, Math.max(0, done / this.total)) : 1;
    if (this.sink.isTTY) {
      const percent = Math.floor(fraction * 100);
      if (percent === this.lastPercent) return;
      this.lastPercent = percent;
      const filled = Math.round(fraction * BAR_WIDTH);
      const bar = '#'.repeat(filled) + '.'.repeat(BAR_WIDTH - filled);
      this.sink.write(
        `\r${this.label} [${bar}] ${String(percent).padStart(3)}% ${this.timing(done)}`,
      );
      return;
    }
    const tenth = Math.floor(fraction * 10);
    if (tenth <= this.lastTenth || tenth >= 10) return;
    this.lastTenth = tenth;
    this.sink.write(`${this.label} ${tenth * 10}% ${this.timing(done)}\n`);
  }

  done(): void {
    if (this.finished) return;
    this.finished = true;
    const seconds = ((this.now() - this.started) / 1000).toFixed(1);
    this.sink.write(`${this.sink.isTTY ? '\r' : ''}${this.label} 100% in ${seconds} s\n`);
  }

  private timing(done: number): string {
    const seconds = (this.now() - this.started) / 1000;
    const left = done > 0 ? (seconds / done) * (this.total - done) : 0;
    return `${done}/${this.total} ${seconds.toFixed(0)} s, ${left.toFixed(0)} s left`;
  }
}
