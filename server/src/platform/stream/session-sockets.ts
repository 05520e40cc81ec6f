import type { StreamSocket } from './hub.js';

/** Published by identity once a transaction that ended sessions has committed. */
export const SESSION_ENDED_TOPIC = 'identity.session_ended';

export interface SessionEndedMessage {
  sessionIds: string[];
}

/** The close code a socket gets when the sign-in it was opened under ends (policy violation). */
export const SESSION_ENDED_CLOSE = 1008;

/**
 * Stream sockets by the sign-in session they were opened in. A socket is authenticated
 * once, at the upgrade, so without this a logout, a revoked token family, a disabled
 * user or a password change would leave an open stream running on the old credentials.
 * The end of a session reaches every instance on the bus, and each closes its own.
 */
export class SessionSockets {
  private readonly bySession = new Map<string, Set<StreamSocket>>();

  track(sessionId: string, socket: StreamSocket): void {
    let sockets = this.bySession.get(sessionId);
    if (!sockets) {
      sockets = new Set();
      this.bySession.set(sessionId, sockets);
    }
    sockets.add(socket);
    socket.on('close', () => {
      const open = this.bySession.get(sessionId);
      open?.delete(socket);
      if (open?.size === 0) this.bySession.delete(sessionId);
    });
  }

  /** Closes every socket opened in one of the sessions; returns how many it closed. */
  ended(sessionIds: readonly string[]): number {
    let closed = 0;
    for (const id of sessionIds) {
      const sockets = this.bySession.get(id);
      if (!sockets) continue;
      this.bySession.delete(id);
      for (const socket of sockets) {
        socket.close(SESSION_ENDED_CLOSE, 'session ended');
        closed++;
      }
    }
    return closed;
  }
}
