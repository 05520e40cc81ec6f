/** A one-line progress bar on stderr, so stdout stays a clean table. */
export function progressBar(label: string, started: number): (done: number, total: number) => void {
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    const seconds = (performance.now() - started) / 1000;
    const eta = done > 0 ? (seconds / done) * (total - done) : 0;
    process.stderr.write(
      `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${seconds.toFixed(0)}s eta ${eta.toFixed(0)}s `,
    );
    if (done === total) process.stderr.write('\n');
  };
}
