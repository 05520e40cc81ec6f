import { describe, expect, it } from 'vitest';
import { Progress } from './progress.js';

function recorder(isTTY: boolean) {
  const written: string[] = [];
  let clock = 0;
  return {
    written,
    tick: (ms: number) => (clock += ms),
    opts: { sink: { isTTY, write: (text: string) => written.push(text) }, now: () => clock },
  };
}

describe('command-line progress', () => {
  it('prints one line per tenth and one at the end when written to a log', () => {
    const log = recorder(false);
    const progress = new Progress('replay', 1000, log.opts);
    for (let done = 1; done <= 1000; done++) {
      log.tick(10);
      progress.update(done);
    }
    progress.done();
    progress.done();
    expect(log.written).toHaveLength(10);
    expect(log.written.every((line) => line.endsWith('\n') && !line.includes('\r'))).toBe(true);
    expect(log.written[0]).toBe('replay 10% 100/1000 1 s, 9 s left\n');
    expect(log.written[8]).toMatch(/^replay 90% /);
    expect(log.written[9]).toBe('replay 100% in 10.0 s\n');
  });

  it('skips tenths it jumps over instead of printing each', () => {
    const log = recorder(false);
    const progress = new Progress('import', 10, log.opts);
    progress.update(3);
    progress.update(3);
    progress.update(9);
    expect(log.written.map((l) => l.split(' ')[1])).toEqual(['30%', '90%']);
  });

  it('redraws one line in place on a terminal, once per percent', () => {
    const tty = recorder(true);
    const progress = new Progress('walk-forward', 10_000, tty.opts);
    for (let done = 0; done <= 10_000; done++) progress.update(done);
    progress.done();
    expect(tty.written).toHaveLength(102);
    expect(tty.written.every((line) => line.startsWith('\r'))).toBe(true);
    expect(tty.written[50]).toContain('[###############...............]  50%');
    expect(tty.written.at(-1)).toMatch(/100% in 0\.0 s\n$/);
  });
});
