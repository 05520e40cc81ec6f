/** A one-line progress indicator on stderr, so that stdout stays clean for the figures. */
export class Progress {
  private lastPercent = -1;

  constructor(
    private readonly label: string,
    private readonly total: number,
  ) {}

  update(done: number): void {
    const percent = Math.floor((done * 100) / this.total);
    if (percent === this.lastPercent) return;
    this.lastPercent = percent;
    process.stderr.write(`\r${this.label} ${String(percent).padStart(3)}%`);
  }

  done(): void {
    process.stderr.write(`\r${this.label} 100%\n`);
  }
}
