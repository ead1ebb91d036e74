import { Injectable, Logger } from '@nestjs/common';
import { AuthUser, unauthenticated } from '#tradegraph/common';
import { deleteConversationData } from '#tradegraph/conversations';
import { DataSource, EntityManager } from 'typeorm';
import { AccountGraphRepository, FORMER_MEMBER_ID } from './account-graph.repository.js';
import { AccountsService } from './accounts.service.js';
import { Account } from './entities/account.entity.js';
import { AccountToken } from './entities/account-token.entity.js';
import { AuditLogEntry } from './entities/audit-log-entry.entity.js';
import { RefreshToken } from './entities/refresh-token.entity.js';
import { SessionEventsService } from './session-events.service.js';
import { LoginService } from './login.service.js';

/**
 * Deletes an account and the person behind it from both databases.
 *
 * The audit log keeps what happened but not who: rows of the person's own actions keep their action
 * and time but lose actor and arguments (which held their email, name, headline); rows of other
 * people's actions about them lose the target, and their id and email inside the recorded arguments
 * become the former member's id. Their messages stay in their conversations without text or sender
 * ("message deleted"), and their participation goes (libs/conversations).
 */
@Injectable()
export class AccountDeletionService {
  private readonly logger = new Logger(AccountDeletionService.name);

  constructor(
    private readonly accounts: AccountsService,
    private readonly graph: AccountGraphRepository,
    private readonly sql: DataSource,
    private readonly sessions: SessionEventsService,
    private readonly login: LoginService,
  ) {}

  async deleteAccount(user: AuthUser, password: string): Promise<boolean> {
    if (!(await this.login.confirmPassword(user, password))) {
      throw unauthenticated('The password is incorrect.');
    }
    const account = await this.accounts.findUser(user.id);
    // Graph first: should the SQL step then fail, the account still exists and deleting again finishes the job.
    await this.graph.deletePerson(user.id);
    try {
      await this.deleteSqlData(user.id, account?.email ?? user.email);
    } catch (error) {
      this.logger.error(`Deleting the SQL data of account ${user.id} failed after its graph data was removed`);
      throw error;
    }
    // Live connections of every session close now, on every instance.
    await this.sessions.publish({ accountId: user.id, sessionId: null, reason: 'deleted' });
    return true;
  }

  private deleteSqlData(accountId: string, email: string): Promise<void> {
    return this.sql.transaction(async (manager) => {
      // Addresses it was mailed at (an email change not completed included) are traces too.
      const mailed = await manager.find(AccountToken, { where: { accountId }, select: { email: true } });
      await manager.delete(AccountToken, { accountId });
      await manager.delete(RefreshToken, { accountId });
      await deleteConversationData(manager, accountId);
      await manager.update(AuditLogEntry, { actorId: accountId }, { actorId: null, details: '{}' });
      await manager.update(AuditLogEntry, { targetId: accountId }, { targetId: null });
      const addresses = [email, ...mailed.map((token) => token.email)];
      const traces = [accountId, ...addresses, ...addresses.map((address) => address.toLowerCase())];
      for (const trace of new Set(traces)) {
        await this.replaceInDetails(manager, trace);
      }
      await manager.delete(Account, { id: accountId });
    });
  }

  /** Replaces `trace` inside other people's recorded arguments with the former member's id. */
  private async replaceInDetails(manager: EntityManager, trace: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(AuditLogEntry)
      .set({ details: () => 'REPLACE(details, :trace, :placeholder)' })
      .where('details LIKE :pattern', { pattern: `%${escapeLike(trace)}%` })
      .setParameters({ trace, placeholder: FORMER_MEMBER_ID })
      .execute();
  }
}

/** LIKE only preselects the rows (REPLACE is exact): a `%` or `_` in the text may match any one character. */
function escapeLike(text: string): string {
  return text.replace(/[%_]/g, '_');
}
