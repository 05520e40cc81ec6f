/**
 * What a page wants a stream to send it, counted per component: two panels
 * watching the same instrument share one server subscription, and only the
 * last to let go unsubscribes. Kept apart from the socket so the whole set
 * can be replayed whenever a new socket opens.
 */

export interface SubscriptionRequest {
  type: 'subscribe' | 'unsubscribe';
  channel: string;
  /** Absent for a channel that is followed whole, such as the caller's own orders. */
  instruments?: string[];
}

interface ChannelInterest {
  /** How many callers follow the whole channel. */
  whole: number;
  /** How many callers follow each instrument on it. */
  instruments: Map<string, number>;
}

export interface Subscriptions {
  /** Counts the interest; returns the request to send when it is new, or null. */
  add(channel: string, instruments?: readonly string[]): SubscriptionRequest | null;
  /** Drops the interest; returns the request to send when nobody is left, or null. */
  remove(channel: string, instruments?: readonly string[]): SubscriptionRequest | null;
  /** Everything wanted now, channel by channel in the order first asked for. */
  all(): SubscriptionRequest[];
}

export function createSubscriptions(): Subscriptions {
  const channels = new Map<string, ChannelInterest>();

  function interestIn(channel: string): ChannelInterest {
    let interest = channels.get(channel);
    if (!interest) {
      interest = { whole: 0, instruments: new Map() };
      channels.set(channel, interest);
    }
    return interest;
  }

  function request(
    type: SubscriptionRequest['type'],
    channel: string,
    instruments: string[],
  ): SubscriptionRequest | null {
    return instruments.length > 0 ? { type, channel, instruments } : null;
  }

  return {
    add(channel, instruments) {
      const interest = interestIn(channel);
      if (instruments === undefined) {
        interest.whole += 1;
        return interest.whole === 1 ? { type: 'subscribe', channel } : null;
      }
      const added = instruments.filter((id) => {
        const count = interest.instruments.get(id) ?? 0;
        interest.instruments.set(id, count + 1);
        return count === 0;
      });
      return request('subscribe', channel, added);
    },
    remove(channel, instruments) {
      const interest = channels.get(channel);
      if (!interest) return null;
      if (instruments === undefined) {
        if (interest.whole === 0) return null;
        interest.whole -= 1;
        return interest.whole === 0 ? { type: 'unsubscribe', channel } : null;
      }
      const removed = instruments.filter((id) => {
        const count = interest.instruments.get(id) ?? 0;
        if (count <= 1) interest.instruments.delete(id);
        else interest.instruments.set(id, count - 1);
        return count === 1;
      });
      return request('unsubscribe', channel, removed);
    },
    all() {
      return [...channels].flatMap(([channel, interest]) => {
        const wanted: SubscriptionRequest[] = [];
        if (interest.whole > 0) wanted.push({ type: 'subscribe', channel });
        const instruments = request('subscribe', channel, [...interest.instruments.keys()]);
        if (instruments) wanted.push(instruments);
        return wanted;
      });
    },
  };
}
