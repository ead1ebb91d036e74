import { Injectable, Logger } from '@nestjs/common';
import { AuthUser, unauthenticated } from '#tradegraph/common';
import { DataSource } from 'typeorm';
import { AccountGraphRepository, FORMER_MEMBER_ID } from './account-graph.repository.js';
import { AccountsService } from './accounts.service.js';
import { Account } from './entities/account.entity.js';
import { AuditLogEntry } from './entities/audit-log-entry.entity.js';
import { RefreshToken } from './entities/refresh-token.entity.js';

/**
 * Deletes an account and the person behind it from both databases.
 *
 * The audit log keeps what happened but not who: rows the person acted in get a null actor, rows about
 * them a null target, and their id inside the recorded arguments becomes the placeholder's id.
 */
@Injectable()
export class AccountDeletionService {
  private readonly logger = new Logger(AccountDeletionService.name);

  constructor(
    private readonly accounts: AccountsService,
    private readonly graph: AccountGraphRepository,
    private readonly sql: DataSource,
  ) {}

  async deleteAccount(user: AuthUser, password: string): Promise<boolean> {
    if (!(await this.accounts.verifyPassword(user.id, password))) {
      throw unauthenticated('The password is incorrect.');
    }
    // Graph first: should the SQL step then fail, the account still exists and deleting again finishes the job.
    await this.graph.deletePerson(user.id);
    try {
      await this.deleteSqlData(user.id);
    } catch (error) {
      this.logger.error(`Deleting the SQL data of account ${user.id} failed after its graph data was removed`);
      throw error;
    }
    return true;
  }

  private deleteSqlData(accountId: string): Promise<void> {
    return this.sql.transaction(async (manager) => {
      await manager.delete(RefreshToken, { accountId });
      await manager.update(AuditLogEntry, { actorId: accountId }, { actorId: null });
      await manager.update(AuditLogEntry, { targetId: accountId }, { targetId: null });
      await manager
        .createQueryBuilder()
        .update(AuditLogEntry)
        .set({ details: () => 'REPLACE(details, :accountId, :placeholder)' })
        .where('details LIKE :pattern', { pattern: `%${accountId}%` })
        .setParameters({ accountId, placeholder: FORMER_MEMBER_ID })
        .execute();
      await manager.delete(Account, { id: accountId });
    });
  }
}
