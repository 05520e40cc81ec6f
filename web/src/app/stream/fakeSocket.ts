import type { StreamSocket, Timers } from './streamClient';

/** Stands in for the browser's WebSocket in unit tests; the test plays the server. */
export class FakeSocket implements StreamSocket {
  readyState = 0;
  sent: unknown[] = [];
  closedWith: number | null = null;
  onopen: StreamSocket['onopen'] = null;
  onmessage: StreamSocket['onmessage'] = null;
  onclose: StreamSocket['onclose'] = null;
  onerror: StreamSocket['onerror'] = null;
  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close(code = 1000) {
    this.closedWith = code;
    this.readyState = 3;
  }
  accept() {
    this.readyState = 1;
    this.onopen?.({});
  }
  /** Delivers a message as the server would send it; a string goes as it is (to test bad frames). */
  push(message: unknown) {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
  }
  drop(code: number) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
}

/** Timers that run only when the test says so, so no assertion depends on real time. */
export class ManualTimers implements Timers {
  pending = new Map<number, { run: () => void; ms: number }>();
  private next = 1;
  set = (run: () => void, ms: number) => {
    const id = this.next++;
    this.pending.set(id, { run, ms });
    return id;
  };
  clear = (handle: unknown) => {
    this.pending.delete(handle as number);
  };
  delays() {
    return [...this.pending.values()].map((p) => p.ms);
  }
  fireAll() {
    const due = [...this.pending.values()];
    this.pending.clear();
    due.forEach((p) => p.run());
  }
}
