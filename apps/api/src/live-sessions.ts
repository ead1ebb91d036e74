import type { SessionEnded, SessionEventsService, VerifiedAccess } from '#tradegraph/accounts';

/** graphql-ws closes with this code when the access behind a connection ends; the client must sign in again. */
export const SESSION_ENDED_CLOSE_CODE = 4401;

/** The part of a ws socket this needs. */
export interface ClosableSocket {
  close(code: number, reason: string): void;
  once(event: 'close', listener: () => void): unknown;
}

interface Tracked {
  sessionId: string;
  socket: ClosableSocket;
  timer: NodeJS.Timeout;
}

const REASONS: Record<SessionEnded['reason'], string> = {
  logout: 'Session ended: logged out',
  revoked: 'Session ended: revoked',
  ended: 'Session ended: ended from another session',
  loggedOutEverywhere: 'Session ended: logged out everywhere',
  passwordChanged: 'Session ended: password changed',
  deleted: 'Session ended: account deleted',
};

/**
 * The live graphql-ws connections of this instance, by account. A connection is closed when its access
 * token expires, and when its session or account ends anywhere (announced through SessionEventsService,
 * so a logout on another instance closes connections here too).
 */
export class LiveSessions {
  private readonly byAccount = new Map<string, Set<Tracked>>();

  constructor(events: SessionEventsService) {
    events.onEnded((event) => this.end(event));
  }

  /** Watches one authenticated connection until it closes. */
  track(socket: ClosableSocket, access: VerifiedAccess): void {
    const accountId = access.user.id;
    const timer = setTimeout(
      () => socket.close(SESSION_ENDED_CLOSE_CODE, 'Access token expired'),
      Math.max(0, access.expiresAt.getTime() - Date.now()),
    );
    const tracked: Tracked = { sessionId: access.sessionId, socket, timer };
    const set = this.byAccount.get(accountId) ?? new Set<Tracked>();
    set.add(tracked);
    this.byAccount.set(accountId, set);
    socket.once('close', () => {
      clearTimeout(timer);
      set.delete(tracked);
      if (set.size === 0 && this.byAccount.get(accountId) === set) this.byAccount.delete(accountId);
    });
  }

  private end(event: SessionEnded): void {
    for (const tracked of this.byAccount.get(event.accountId) ?? []) {
      if (event.sessionId === null || event.sessionId === tracked.sessionId) {
        tracked.socket.close(SESSION_ENDED_CLOSE_CODE, REASONS[event.reason]);
      }
    }
  }
}
