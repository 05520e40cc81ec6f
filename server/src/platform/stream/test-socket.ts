import type { StreamSocket } from './hub.js';

type Listener = (...args: never[]) => void;

/**
 * A stand-in for a client's WebSocket in hub tests: the test sets its send buffer (as a
 * client that stopped reading would leave it), speaks for the client, and reads what the
 * server sent.
 */
export class TestSocket implements StreamSocket {
  bufferedAmount = 0;
  sent: Record<string, unknown>[] = [];
  closed: { code: number; reason: string } | undefined;
  terminated = false;
  pings = 0;
  private readonly listeners = new Map<string, Listener[]>();

  send(data: string): void {
    this.sent.push(JSON.parse(data) as Record<string, unknown>);
  }

  close(code: number, reason: string): void {
    this.closed = { code, reason };
    this.emit('close');
  }

  terminate(): void {
    this.terminated = true;
    this.emit('close');
  }

  ping(): void {
    this.pings += 1;
  }

  on(event: string, listener: Listener): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }

  /** The client sends a message: an object as JSON, a string as it is. */
  receive(message: unknown): void {
    const text = typeof message === 'string' ? message : JSON.stringify(message);
    for (const l of this.listeners.get('message') ?? [])
      (l as (data: Buffer, isBinary: boolean) => void)(Buffer.from(text), false);
  }

  /** The client's browser answers a ping. */
  pong(): void {
    this.emit('pong');
  }

  /** What the server sent of one type. */
  of(type: string): Record<string, unknown>[] {
    return this.sent.filter((m) => m.type === type);
  }

  private emit(event: 'close' | 'pong'): void {
    for (const l of this.listeners.get(event) ?? []) l();
  }
}
