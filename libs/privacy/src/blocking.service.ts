import { Injectable } from '@nestjs/common';
import { AuthUser, badInput, byKeys, Connection, toConnection } from '#tradegraph/common';
import { Person } from '#tradegraph/people';
import { BlockingRepository } from './blocking.repository.js';

@Injectable()
export class BlockingService {
  constructor(private readonly blocking: BlockingRepository) {}

  /**
   * Blocks a person; idempotent. An unknown id is answered true as well: a NOT_FOUND would tell a
   * person who was blocked (and so sees the blocker as absent) that the blocker still exists.
   */
  async block(user: AuthUser, personId: string): Promise<boolean> {
    if (personId === user.id) throw badInput('personId', 'You cannot block yourself.');
    await this.blocking.block(user.id, personId);
    return true;
  }

  /** Lifts a block; fine when there was none or the id is unknown. The removed connection stays removed. */
  async unblock(user: AuthUser, personId: string): Promise<boolean> {
    if (personId === user.id) throw badInput('personId', 'You cannot unblock yourself.');
    await this.blocking.unblock(user.id, personId);
    return true;
  }

  /** The same page of whom each given person blocked; null for anyone but the viewer. */
  async blockedPeople(
    viewer: AuthUser,
    personIds: readonly string[],
    first: number,
    offset: number,
  ): Promise<(Connection<Person> | null)[]> {
    const own = personIds.filter((id) => id === viewer.id);
    const rows = own.length > 0 ? await this.blocking.blockedPages(own, offset, first) : [];
    const pages = byKeys(personIds, rows, (row) => row.personId);
    return personIds.map((id, i) =>
      id === viewer.id ? toConnection(pages[i]?.items ?? [], offset, pages[i]?.total ?? 0) : null,
    );
  }
}
