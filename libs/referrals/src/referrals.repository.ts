import { Injectable } from '@nestjs/common';
import { Neo4jService } from '#tradegraph/graph';
import { MAY_CONTACT } from '#tradegraph/policy';
import { int } from 'neo4j-driver';
import { Referral } from './models/referral.model.js';

/** Binds `from`, `r`, `to`, `o` and `c` around a referral `r`. */
const REFERRAL_PATTERN = `(from:Person)-[:REFERRED]->(r:Referral)-[:REFERRED_TO]->(to:Person),
  (r)-[:ABOUT]->(o:Organization), (r)-[:IN_CATEGORY]->(c:Category)`;
const REFERRAL_FIELDS = `r {.id, message: r.message, .createdAt, fromId: from.id, toId: to.id,
  supplierId: o.id, categoryId: c.id}`;

/** One person's page of referrals. */
export interface ReferralPage {
  personId: string;
  total: number;
  items: Referral[];
}

export interface ReferralDraft {
  id: string;
  fromId: string;
  toId: string;
  supplierId: string;
  categoryId: string;
  message: string | null;
}

/**
 * Cypher for referrals: (:Person)-[:REFERRED]->(:Referral)-[:REFERRED_TO]->(:Person),
 * (:Referral)-[:ABOUT]->(:Organization), (:Referral)-[:IN_CATEGORY]->(:Category).
 */
@Injectable()
export class ReferralsRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  /**
   * Creates the referral while the sender and recipient are connected, neither blocked the other and
   * the supplier supplies the category (checked in the same statement); null when one of these no
   * longer holds or a node is missing. The pair is write-locked in id order first, as blocking locks
   * it, so that a block made meanwhile is seen.
   */
  async create(draft: ReferralDraft): Promise<Referral | null> {
    const [row] = await this.neo4j.write<{ referral: Referral }>(
      'ReferralsRepository.create',
      `MATCH (from:Person {id: $fromId}), (to:Person {id: $toId}),
             (o:Organization {id: $supplierId})-[:SUPPLIES]->(c:Category {id: $categoryId})
       FOREACH (n IN CASE WHEN from.id < to.id THEN [from, to] ELSE [to, from] END | SET n._lock = true REMOVE n._lock)
       WITH from, to, o, c
       WHERE EXISTS { (from)-[:CONNECTED_TO]-(to) } AND ${MAY_CONTACT('from', 'to')}
       CREATE (from)-[:REFERRED]->(r:Referral {id: $id, message: $message, createdAt: datetime()})-[:REFERRED_TO]->(to),
              (r)-[:ABOUT]->(o), (r)-[:IN_CATEGORY]->(c)
       RETURN ${REFERRAL_FIELDS} AS referral`,
      { ...draft },
    );
    return row?.referral ?? null;
  }

  async findByIds(ids: readonly string[]): Promise<Referral[]> {
    const rows = await this.neo4j.read<{ referral: Referral }>(
      'ReferralsRepository.findByIds',
      `UNWIND $ids AS id
       MATCH ${REFERRAL_PATTERN}
       WHERE r.id = id
       RETURN ${REFERRAL_FIELDS} AS referral`,
      { ids },
    );
    return rows.map((row) => row.referral);
  }

  /**
   * True when the sender may refer to the recipient: they are connected directly (in either
   * direction) and neither blocked the other. False as well when either does not exist.
   */
  async mayReach(senderId: string, recipientId: string): Promise<boolean> {
    const [row] = await this.neo4j.read<{ reachable: boolean }>(
      'ReferralsRepository.mayReach',
      `MATCH (from:Person {id: $senderId}), (to:Person {id: $recipientId})
       RETURN EXISTS { (from)-[:CONNECTED_TO]-(to) } AND ${MAY_CONTACT('from', 'to')} AS reachable`,
      { senderId, recipientId },
    );
    return row?.reachable ?? false;
  }

  /** The same page of referrals received by each person, newest first, leaving out those of a blocked pair. */
  async receivedPages(personIds: readonly string[], offset: number, limit: number): Promise<ReferralPage[]> {
    return this.neo4j.read<ReferralPage>(
      'ReferralsRepository.receivedPages',
      `UNWIND $personIds AS personId
       MATCH (to:Person {id: personId})
       CALL (to) {
         MATCH ${REFERRAL_PATTERN}
         WHERE ${MAY_CONTACT('from', 'to')}
         RETURN count(r) AS total
       }
       CALL (to) {
         MATCH ${REFERRAL_PATTERN}
         WHERE ${MAY_CONTACT('from', 'to')}
         WITH from, r, to, o, c ORDER BY r.createdAt DESC, r.id SKIP $offset LIMIT $limit
         RETURN collect(${REFERRAL_FIELDS}) AS items
       }
       RETURN personId, total, items`,
      { personIds, offset: int(offset), limit: int(limit) },
    );
  }

  /** The same page of referrals sent by each person, newest first, leaving out those of a blocked pair. */
  async sentPages(personIds: readonly string[], offset: number, limit: number): Promise<ReferralPage[]> {
    return this.neo4j.read<ReferralPage>(
      'ReferralsRepository.sentPages',
      `UNWIND $personIds AS personId
       MATCH (from:Person {id: personId})
       CALL (from) {
         MATCH ${REFERRAL_PATTERN}
         WHERE ${MAY_CONTACT('from', 'to')}
         RETURN count(r) AS total
       }
       CALL (from) {
         MATCH ${REFERRAL_PATTERN}
         WHERE ${MAY_CONTACT('from', 'to')}
         WITH from, r, to, o, c ORDER BY r.createdAt DESC, r.id SKIP $offset LIMIT $limit
         RETURN collect(${REFERRAL_FIELDS}) AS items
       }
       RETURN personId, total, items`,
      { personIds, offset: int(offset), limit: int(limit) },
    );
  }
}
