import { z } from 'zod';

/** Close code for "try again later": the client fell too far behind to be served. */
export const TRY_AGAIN_LATER = 1013;
/** Close code for a server going away (shutting down). */
export const GOING_AWAY = 1001;

/** The slice of a `ws` WebSocket the hub uses, so tests can stand in a slow or silent client. */
export interface StreamSocket {
  readonly bufferedAmount: number;
  send(data: string): void;
  close(code: number, reason: string): void;
  /** A protocol-level ping; browsers answer it with a pong on their own. */
  ping(): void;
  /** Drops the connection without a closing handshake, for a peer that no longer answers. */
  terminate(): void;
  on(event: 'message', listener: (data: Buffer, isBinary: boolean) => void): void;
  on(event: 'close' | 'pong', listener: () => void): void;
}

/** What one channel of a stream means: the part each module supplies. */
export interface ChannelRule<Viewer> {
  /** Followed per instrument (`instruments` in the subscription) rather than as a whole. */
  keyed: boolean;
  /** Followed by every client from the moment it connects; such a channel takes no subscriptions. */
  automatic?: boolean;
  /** Why the viewer may not follow these keys (unknown instrument, no book), or undefined. */
  refuse?(keys: readonly string[], viewer: Viewer): string | undefined;
  /** What a client is sent first when it starts following a key, before the updates (a book's depth). */
  snapshot?(key: string, viewer: Viewer): unknown;
}

export interface StreamHubOptions<Viewer> {
  channels: Record<string, ChannelRule<Viewer>>;
  /** Bytes a client may have queued and unsent before it is dropped with 1013. */
  maxBufferedBytes: number;
  /** Keys one connection may follow, over all its channels. */
  maxSubscriptions?: number;
  /** Keys one subscribe or unsubscribe message may name. */
  maxKeysPerMessage?: number;
  /** What a client is told when it sends something the stream does not take. */
  usage?: string;
  /** How often every client is pinged; one that has not answered the last ping is dropped. 0 turns it off. */
  heartbeatMs?: number;
}

/** A connected client as a module sees it: who it is. */
export interface StreamClient<Viewer> {
  readonly viewer: Viewer;
}

interface Client<Viewer> extends StreamClient<Viewer> {
  socket: StreamSocket;
  /** Per channel, the keys followed; a whole channel is followed under the key ''. */
  follows: Map<string, Set<string>>;
  /** Whether it has shown a sign of life since the last ping. */
  alive: boolean;
}

const WHOLE = '';

const ping = z.object({ type: z.literal('ping') });

/**
 * The one WebSocket fan-out every module publishes through. It keeps who follows which
 * channel and key, answers subscribe, unsubscribe and ping messages, pings every client
 * and drops those that stopped answering, and closes with 1013 a client that cannot keep
 * up: the socket's own send buffer is the only queue, and it has a ceiling. Which
 * channels exist, what a key is and who may see which message is the module's part.
 */
export function createStreamHub<Viewer>(opts: StreamHubOptions<Viewer>) {
  const maxSubscriptions = opts.maxSubscriptions ?? 500;
  const maxKeysPerMessage = opts.maxKeysPerMessage ?? 500;
  const clients = new Set<Client<Viewer>>();
  /** Channel → key → followers, so a publish touches only the clients that asked. */
  const followers = new Map<string, Map<string, Set<Client<Viewer>>>>();
  const automatic = Object.keys(opts.channels).filter((name) => opts.channels[name]!.automatic);
  const subscribable = Object.keys(opts.channels).filter((name) => !opts.channels[name]!.automatic);
  const usage =
    opts.usage ??
    `expected {"type":"subscribe"|"unsubscribe","channel":${subscribable.map((c) => JSON.stringify(c)).join('|')},"instruments":[...]}`;
  const request = z.object({
    type: z.enum(['subscribe', 'unsubscribe']),
    channel: z.string().refine((c) => subscribable.includes(c)),
    instruments: z.array(z.string().min(1).max(64)).min(1).max(maxKeysPerMessage).optional(),
  });

  function follow(client: Client<Viewer>, channel: string, key: string): boolean {
    const keys = client.follows.get(channel) ?? new Set<string>();
    if (keys.has(key)) return false;
    keys.add(key);
    client.follows.set(channel, keys);
    const byKey = followers.get(channel) ?? new Map<string, Set<Client<Viewer>>>();
    followers.set(channel, byKey);
    const set = byKey.get(key) ?? new Set<Client<Viewer>>();
    byKey.set(key, set);
    set.add(client);
    return true;
  }

  function unfollow(client: Client<Viewer>, channel: string, key: string): void {
    client.follows.get(channel)?.delete(key);
    const byKey = followers.get(channel);
    const set = byKey?.get(key);
    set?.delete(client);
    if (set?.size === 0) byKey!.delete(key);
  }

  function drop(client: Client<Viewer>): void {
    if (!clients.delete(client)) return;
    for (const [channel, keys] of client.follows)
      for (const key of [...keys]) unfollow(client, channel, key);
  }

  /** Sends text already serialised; false when the client was dropped for being too slow. */
  function sendText(client: Client<Viewer>, text: string): boolean {
    if (!clients.has(client)) return false;
    if (client.socket.bufferedAmount > opts.maxBufferedBytes) {
      drop(client);
      client.socket.close(TRY_AGAIN_LATER, 'client too slow: send buffer over limit');
      return false;
    }
    client.socket.send(text);
    return true;
  }

  const send = (client: Client<Viewer>, message: unknown): boolean =>
    sendText(client, JSON.stringify(message));

  function subscriptionCount(client: Client<Viewer>): number {
    let n = 0;
    for (const [channel, keys] of client.follows)
      if (opts.channels[channel]!.keyed && !opts.channels[channel]!.automatic) n += keys.size;
    return n;
  }

  function onMessage(client: Client<Viewer>, data: Buffer, isBinary: boolean): void {
    client.alive = true;
    let parsed: unknown;
    try {
      parsed = isBinary ? undefined : JSON.parse(String(data));
    } catch {
      parsed = undefined;
    }
    if (ping.safeParse(parsed).success) {
      send(client, { type: 'pong' });
      return;
    }
    const message = request.safeParse(parsed);
    const rule = message.success ? opts.channels[message.data.channel]! : undefined;
    if (!message.success || !rule || (rule.keyed && !message.data.instruments)) {
      send(client, { type: 'error', message: usage });
      return;
    }
    const { type, channel } = message.data;
    const keys = rule.keyed ? [...new Set(message.data.instruments)] : [WHOLE];
    const ack = rule.keyed ? { channel, instruments: message.data.instruments } : { channel };
    const refused = rule.keyed ? rule.refuse?.(keys, client.viewer) : undefined;
    if (refused) {
      send(client, { type: 'error', message: refused });
      return;
    }
    if (type === 'unsubscribe') {
      for (const key of keys) unfollow(client, channel, key);
      send(client, { type: 'unsubscribed', ...ack });
      return;
    }
    const followed = client.follows.get(channel);
    const added = keys.filter((k) => !followed?.has(k));
    if (rule.keyed && subscriptionCount(client) + added.length > maxSubscriptions) {
      send(client, {
        type: 'error',
        message: `at most ${maxSubscriptions} subscriptions per connection`,
      });
      return;
    }
    for (const key of added) {
      follow(client, channel, key);
      // A new follower starts from the current state, then follows the updates.
      if (rule.snapshot && !send(client, rule.snapshot(key, client.viewer))) return;
    }
    send(client, { type: 'subscribed', ...ack });
  }

  /** One beat: drops whoever did not answer the previous ping, pings the rest. */
  function heartbeat(): void {
    for (const client of [...clients]) {
      if (!client.alive) {
        drop(client);
        client.socket.terminate();
        continue;
      }
      client.alive = false;
      try {
        client.socket.ping();
      } catch {
        // A socket that is still opening or already closing is dealt with by its close event.
      }
    }
  }

  const timer =
    opts.heartbeatMs === 0 ? undefined : setInterval(heartbeat, opts.heartbeatMs ?? 30_000);
  timer?.unref();

  return {
    /** Takes a connection the gateway has already authenticated. */
    attach(socket: StreamSocket, viewer: Viewer): StreamClient<Viewer> {
      const client: Client<Viewer> = { socket, viewer, follows: new Map(), alive: true };
      clients.add(client);
      socket.on('close', () => drop(client));
      socket.on('pong', () => {
        client.alive = true;
      });
      socket.on('message', (data, isBinary) => onMessage(client, data, isBinary));
      for (const channel of automatic) follow(client, channel, WHOLE);
      if (automatic.length > 0) send(client, { type: 'subscribed', channels: automatic });
      return client;
    },

    /** Sends one message to every follower of the key (of the whole channel without one), serialised once. */
    publish(channel: string, key: string | undefined, message: unknown): void {
      const set = followers.get(channel)?.get(key ?? WHOLE);
      if (!set || set.size === 0) return;
      const text = JSON.stringify(message);
      for (const client of [...set]) sendText(client, text);
    },

    /** Sends each follower its own message, or nothing when `messageFor` says it may not see this one. */
    publishEach(
      channel: string,
      key: string | undefined,
      messageFor: (viewer: Viewer) => unknown,
    ): void {
      const set = followers.get(channel)?.get(key ?? WHOLE);
      if (!set) return;
      for (const client of [...set]) {
        const message = messageFor(client.viewer);
        if (message !== undefined) send(client, message);
      }
    },

    heartbeat,

    get size(): number {
      return clients.size;
    },

    /** Stops the heartbeat and closes every connection (the server is shutting down). */
    close(code = GOING_AWAY, reason = 'server shutting down'): void {
      if (timer) clearInterval(timer);
      for (const client of [...clients]) {
        drop(client);
        client.socket.close(code, reason);
      }
    },
  };
}

export type StreamHub<Viewer> = ReturnType<typeof createStreamHub<Viewer>>;
