import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { PUB_SUB } from '#tradegraph/notifications';
import { PubSubEngine } from 'graphql-subscriptions';

/** The topic on which ended sessions are announced to every API instance. */
export const SESSION_ENDED = 'sessionEnded';

/** A session that ended: one (`sessionId`), or every session of the account (`sessionId` null: deleted). */
export interface SessionEnded {
  accountId: string;
  sessionId: string | null;
  /**
   * logout: that session logged out; revoked: its refresh token was reused; ended: endSession;
   * loggedOutEverywhere, passwordChanged (changePassword, resetPassword); deleted: the account.
   */
  reason: 'logout' | 'revoked' | 'ended' | 'loggedOutEverywhere' | 'passwordChanged' | 'deleted';
}

export type SessionEndedListener = (event: SessionEnded) => void;

/**
 * Announces ended sessions through the shared pub-sub engine (in-process, or Redis when REDIS_URL is
 * set), so that every instance closes the live connections of that session, not only the one that
 * handled the logout.
 */
@Injectable()
export class SessionEventsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SessionEventsService.name);
  private readonly listeners = new Set<SessionEndedListener>();
  private subscription: Promise<number | undefined> | undefined;

  constructor(@Inject(PUB_SUB) private readonly pubSub: PubSubEngine) {}

  onModuleInit(): void {
    this.subscription = this.pubSub
      .subscribe(
        SESSION_ENDED,
        (event: SessionEnded) => {
          for (const listener of this.listeners) listener(event);
        },
        {},
      )
      .catch((error: Error) => {
        // Access checks still hit the database on every request; only live connections would stay open.
        this.logger.error(`Listening for ended sessions failed: ${error.message}`);
        return undefined;
      });
  }

  async onModuleDestroy(): Promise<void> {
    const id = await this.subscription;
    // Over Redis, closing the connections at shutdown ends the subscription; an UNSUBSCRIBE sent now
    // would reject, unhandled inside the library, whenever Redis is already gone.
    if (id !== undefined && !('getSubscriber' in this.pubSub)) this.pubSub.unsubscribe(id);
  }

  /** Tells every instance. A failure is logged: the session is already ended in the database. */
  async publish(event: SessionEnded): Promise<void> {
    try {
      await this.pubSub.publish(SESSION_ENDED, event);
    } catch (error) {
      this.logger.error(`Announcing the end of a session failed: ${(error as Error).message}`);
    }
  }

  /** Calls `listener` for every ended session, on this instance or another; returns the unsubscribe. */
  onEnded(listener: SessionEndedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
