import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG } from '#tradegraph/config';
import type { AppConfig } from '#tradegraph/config';
import { NotificationsRepository } from './notifications.repository.js';

/** The name of the prune interval in the scheduler registry, which clears it on shutdown. */
const PRUNE_INTERVAL = 'notification-prune';

/** What one prune removed. */
export interface PruneResult {
  /** Older than NOTIFICATION_RETENTION_DAYS. */
  expired: number;
  /** Beyond a person's newest NOTIFICATION_MAX_PER_PERSON. */
  overflow: number;
}

/**
 * Keeps stored notifications bounded: every NOTIFICATION_PRUNE_INTERVAL_MINUTES it deletes those older
 * than the retention period and those beyond each person's newest NOTIFICATION_MAX_PER_PERSON, at most
 * NOTIFICATION_PRUNE_BATCH_SIZE per transaction, so one run never holds a large transaction.
 */
@Injectable()
export class NotificationRetentionService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(NotificationRetentionService.name);
  private running: Promise<PruneResult> | null = null;

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const minutes = this.config.boundedWork.notificationPruneIntervalMinutes;
    const timer = setInterval(() => void this.prune().catch(() => undefined), minutes * 60_000);
    // The job never keeps the process alive on its own.
    timer.unref();
    this.scheduler.addInterval(PRUNE_INTERVAL, timer);
  }

  /** Stops the job and lets a run under way finish while the database is still open. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.scheduler.doesExist('interval', PRUNE_INTERVAL)) this.scheduler.deleteInterval(PRUNE_INTERVAL);
    await this.running?.catch(() => undefined);
  }

  /** Runs one prune now (a run already under way is joined, not repeated) and logs what it removed. */
  prune(): Promise<PruneResult> {
    this.running ??= this.pruneAll().finally(() => (this.running = null));
    return this.running;
  }

  private async pruneAll(): Promise<PruneResult> {
    const { notificationRetentionDays, notificationMaxPerPerson, notificationPruneBatchSize } = this.config.boundedWork;
    try {
      const expired = await this.inBatches(notificationPruneBatchSize, (limit) =>
        this.notifications.deleteExpired(notificationRetentionDays, limit),
      );
      const overflow = await this.inBatches(notificationPruneBatchSize, (limit) =>
        this.notifications.deleteBeyondNewest(notificationMaxPerPerson, limit),
      );
      this.logger.log(
        `Pruned ${expired + overflow} notifications: ${expired} older than ${notificationRetentionDays} days, ` +
          `${overflow} beyond a person's newest ${notificationMaxPerPerson}`,
      );
      return { expired, overflow };
    } catch (error) {
      this.logger.error(`Could not prune notifications: ${String(error)}`);
      throw error;
    }
  }

  /** Repeats one bounded delete, each its own transaction, until a batch comes back short. */
  private async inBatches(size: number, deleteBatch: (limit: number) => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const removed = await deleteBatch(size);
      total += removed;
      if (removed < size) return total;
    }
  }
}
