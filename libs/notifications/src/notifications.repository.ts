import { Injectable } from '@nestjs/common';
import type { KeyedRow, TimeKey } from '#tradegraph/common';
import { KEY_TIME, Neo4jService } from '#tradegraph/graph';
import { MAY_CONTACT } from '#tradegraph/policy';
import { int } from 'neo4j-driver';
import { NotificationKind } from './models/notification-kind.enum.js';
import { Notification } from './models/notification.model.js';

const FIELDS = `n {.id, .kind, .createdAt, .subjectId, .summary, readAt: n.readAt, actorId: n.actorId,
  recipientId: p.id}`;

/**
 * Notification `n` of recipient `p` may be shown: it has no actor, its actor is gone, or neither
 * blocked the other (the policy's MAY_CONTACT). Those of a blocked actor stay stored but are not listed.
 */
const shown = (p: string, n: string, actor = 'actor'): string =>
  `NOT EXISTS { MATCH (${actor}:Person {id: ${n}.actorId}) WHERE NOT ${MAY_CONTACT(p, actor)} }`;
const SHOWN = shown('p', 'n');

export interface NewNotification {
  id: string;
  recipientId: string;
  kind: NotificationKind;
  actorId: string | null;
  subjectId: string;
  summary: string;
  /** Skip the recipient when they have an unread notification of the same kind and subject. */
  once: boolean;
}

@Injectable()
export class NotificationsRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  /**
   * Stores every notification in one statement; recipients that no longer exist, and recipients
   * blocked either way with the actor, are skipped, and so are those with `once` who still have an unread
   * notification of the same kind about the same subject that they may see: one of an actor blocked since is
   * hidden from them (they cannot read it), so it must not hold back the others'. (Its actor gets a name of
   * its own, apart from the new notification's.)
   */
  async createMany(rows: NewNotification[]): Promise<Notification[]> {
    const created = await this.neo4j.write<{ notification: Notification }>(
      'NotificationsRepository.createMany',
      `UNWIND $rows AS row
       MATCH (p:Person {id: row.recipientId})
       OPTIONAL MATCH (actor:Person {id: row.actorId})
       WITH row, p, actor WHERE actor IS NULL OR ${MAY_CONTACT('p', 'actor')}
       WITH row, p WHERE NOT row.once OR NOT EXISTS {
         (p)-[:HAS_NOTIFICATION]->(old:Notification {kind: row.kind, subjectId: row.subjectId})
         WHERE old.readAt IS NULL AND ${shown('p', 'old', 'oldActor')}
       }
       CREATE (p)-[:HAS_NOTIFICATION]->(n:Notification {
         id: row.id, kind: row.kind, createdAt: datetime(), subjectId: row.subjectId,
         summary: row.summary, actorId: row.actorId})
       RETURN ${FIELDS} AS notification`,
      { rows },
    );
    return created.map((row) => row.notification);
  }

  /**
   * The person's notifications that may be shown, newest first (createdAt, then id, descending): up to
   * `limit + 1` of those strictly after the key `after` (of the last one already listed), each with its key.
   */
  async page(
    personId: string,
    unreadOnly: boolean,
    after: TimeKey | null,
    limit: number,
  ): Promise<KeyedRow<Notification>[]> {
    return this.neo4j.read<KeyedRow<Notification>>(
      'NotificationsRepository.page',
      `MATCH (p:Person {id: $personId})-[:HAS_NOTIFICATION]->(n:Notification)
       WHERE (NOT $unreadOnly OR n.readAt IS NULL)
         AND ($after IS NULL OR n.createdAt < datetime($after.at)
              OR (n.createdAt = datetime($after.at) AND n.id < $after.id))
         AND ${SHOWN}
       WITH p, n ORDER BY n.createdAt DESC, n.id DESC LIMIT $limit + 1
       RETURN ${FIELDS} AS node, [${KEY_TIME('n.createdAt')}, n.id] AS key`,
      { personId, unreadOnly, after, limit: int(limit) },
    );
  }

  /** How many of the person's notifications may be shown (unread ones only with `unreadOnly`). */
  async count(personId: string, unreadOnly: boolean): Promise<number> {
    const [row] = await this.neo4j.read<{ count: number }>(
      'NotificationsRepository.count',
      `MATCH (p:Person {id: $personId})-[:HAS_NOTIFICATION]->(n:Notification)
       WHERE (NOT $unreadOnly OR n.readAt IS NULL) AND ${SHOWN}
       RETURN count(n) AS count`,
      { personId, unreadOnly },
    );
    return row?.count ?? 0;
  }

  /** Marks the person's unread shown notifications read (only those in `ids` when given); how many changed. */
  async markRead(personId: string, ids: string[] | null): Promise<number> {
    const [row] = await this.neo4j.write<{ changed: number }>(
      'NotificationsRepository.markRead',
      `MATCH (p:Person {id: $personId})-[:HAS_NOTIFICATION]->(n:Notification)
       WHERE n.readAt IS NULL AND ($ids IS NULL OR n.id IN $ids) AND ${SHOWN}
       SET n.readAt = datetime()
       RETURN count(n) AS changed`,
      { personId, ids },
    );
    return row?.changed ?? 0;
  }

  /** Marks the person's unread notifications about one subject read; how many changed. */
  async markSubjectRead(personId: string, subjectId: string): Promise<number> {
    const [row] = await this.neo4j.write<{ changed: number }>(
      'NotificationsRepository.markSubjectRead',
      `MATCH (:Person {id: $personId})-[:HAS_NOTIFICATION]->(n:Notification {subjectId: $subjectId})
       WHERE n.readAt IS NULL
       SET n.readAt = datetime()
       RETURN count(n) AS changed`,
      { personId, subjectId },
    );
    return row?.changed ?? 0;
  }

  async unreadCount(personId: string): Promise<number> {
    const [row] = await this.neo4j.read<{ count: number }>(
      'NotificationsRepository.unreadCount',
      `MATCH (p:Person {id: $personId})-[:HAS_NOTIFICATION]->(n:Notification)
       WHERE n.readAt IS NULL AND ${SHOWN}
       RETURN count(n) AS count`,
      { personId },
    );
    return row?.count ?? 0;
  }

  /** Ids of the current members (APPROVED WORKS_AT) of an organization. */
  async currentMembers(organizationId: string): Promise<string[]> {
    const [row] = await this.neo4j.read<{ ids: string[] }>(
      'NotificationsRepository.currentMembers',
      `OPTIONAL MATCH (p:Person)-[:WORKS_AT {status: 'APPROVED'}]->(:Organization {id: $organizationId})
       RETURN collect(DISTINCT p.id) AS ids`,
      { organizationId },
    );
    return row?.ids ?? [];
  }

  /** Deletes up to `limit` notifications created more than `days` days ago; how many it deleted. */
  async deleteExpired(days: number, limit: number): Promise<number> {
    const [row] = await this.neo4j.write<{ removed: number }>(
      'NotificationsRepository.deleteExpired',
      `MATCH (n:Notification) WHERE n.createdAt < datetime() - duration({days: $days})
       WITH n LIMIT $limit
       DETACH DELETE n
       RETURN count(*) AS removed`,
      { days: int(days), limit: int(limit) },
    );
    return row?.removed ?? 0;
  }

  /**
   * Deletes up to `limit` notifications beyond each person's newest `keep` (in the listing's order:
   * createdAt, then id, newest first); how many it deleted.
   */
  async deleteBeyondNewest(keep: number, limit: number): Promise<number> {
    const [row] = await this.neo4j.write<{ removed: number }>(
      'NotificationsRepository.deleteBeyondNewest',
      `MATCH (p:Person) WHERE COUNT { (p)-[:HAS_NOTIFICATION]->() } > $keep
       CALL (p) {
         MATCH (p)-[:HAS_NOTIFICATION]->(n:Notification)
         WITH n ORDER BY n.createdAt DESC, n.id DESC SKIP $keep
         RETURN n
       }
       WITH n LIMIT $limit
       DETACH DELETE n
       RETURN count(*) AS removed`,
      { keep: int(keep), limit: int(limit) },
    );
    return row?.removed ?? 0;
  }

  /** Display names of people by id, for summaries. */
  async names(ids: string[]): Promise<Map<string, string>> {
    const rows = await this.neo4j.read<{ id: string; name: string }>(
      'NotificationsRepository.names',
      `UNWIND $ids AS id MATCH (p:Person {id: id}) RETURN p.id AS id, p.name AS name`,
      { ids },
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
