import type { Principal } from '../../platform/http/access.js';
import type { VarRunState } from './var-runs.js';

/** Close code for a client that reads too slowly. */
export const TRY_AGAIN_LATER = 1013;

/** The slice of a `ws` socket the risk stream uses. */
export interface RiskSocket {
  readonly bufferedAmount: number;
  send(data: string): void;
  close(code: number, reason: string): void;
  on(event: 'close', listener: () => void): void;
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): void;
}

/** An alert as the API shows it; only the book matters for who may see it. */
export interface AlertMessage {
  book: string | null;
  [field: string]: unknown;
}

interface Client {
  socket: RiskSocket;
  username: string;
  /** A risk manager sees every book's alerts; anyone else their own book's. */
  manager: boolean;
}

/**
 * Who is connected to the risk stream and what each may see: limit alerts as they are
 * raised (the same rule as `GET /risk/alerts`) and the progress of their own VaR runs. A
 * client whose send buffer passes the bound is dropped rather than buffered without end.
 */
export class RiskStreamHub {
  private readonly clients = new Set<Client>();

  constructor(private readonly maxBufferedBytes: number) {}

  get size(): number {
    return this.clients.size;
  }

  attach(socket: RiskSocket, principal: Principal): void {
    const client: Client = { socket, username: principal.username, manager: principal.permissions.has('risk:write') };
    this.clients.add(client);
    socket.on('close', () => this.clients.delete(client));
    socket.on('message', (data, isBinary) => this.onMessage(client, isBinary ? '' : String(data)));
    this.deliver(client, { type: 'subscribed', channels: ['alerts', 'runs'] });
  }

  alert(alert: AlertMessage): void {
    for (const c of this.clients) if (c.manager || alert.book === c.username) this.deliver(c, { type: 'alert', alert });
  }

  /** Progress goes to whoever started the run; the figures are fetched once it is done. */
  run(state: VarRunState): void {
    const { result: _result, ...progress } = state;
    for (const c of this.clients) if (c.username === state.requestedBy) this.deliver(c, { type: 'var-run', run: progress });
  }

  /** The stream needs no subscribing; a client may only ask whether it is still there. */
  private onMessage(client: Client, text: string): void {
    let ping: boolean;
    try {
      ping = (JSON.parse(text) as { type?: unknown } | null)?.type === 'ping';
    } catch {
      ping = false;
    }
    this.deliver(client, ping ? { type: 'pong' } : { type: 'error', message: 'the risk stream sends alerts and run progress; it takes only {"type":"ping"}' });
  }

  closeAll(code: number, reason: string): void {
    for (const c of this.clients) c.socket.close(code, reason);
    this.clients.clear();
  }

  private deliver(client: Client, message: unknown): void {
    if (client.socket.bufferedAmount > this.maxBufferedBytes) {
      this.clients.delete(client);
      client.socket.close(TRY_AGAIN_LATER, 'client too slow');
      return;
    }
    client.socket.send(JSON.stringify(message));
  }
}
