import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '#tradegraph/config';
import type { AppConfig } from '#tradegraph/config';
import { Neo4jService } from '#tradegraph/graph';

/** Id of the shared placeholder that takes over the trade records of deleted accounts. */
export const FORMER_MEMBER_ID = 'former-member';

/**
 * Creates the placeholder once (the Person id constraint makes the MERGE safe under concurrency) and
 * write-locks the person being deleted, so their data cannot change while it is removed.
 */
const MERGE_PLACEHOLDER_AND_LOCK = `MERGE (fm:Person {id: $formerMemberId})
  ON CREATE SET fm.name = 'Former member', fm.createdAt = datetime()
  WITH fm
  MATCH (p:Person {id: $personId})
  SET p._lock = true REMOVE p._lock
  RETURN count(p) AS found`;

/**
 * Records that stay because they belong to others too (trades, their decisions, feedback on them,
 * introductions the deleted person already decided on) are re-pointed to the placeholder with the
 * same properties, except the free text the person wrote there (a rejection reason, a feedback
 * comment, an introduction note): it is theirs and may name them, so it goes. One statement per
 * relationship type: types cannot be parameters.
 */
const REPOINT = {
  RECORDED: `MATCH (p:Person {id: $personId})-[r:RECORDED]->(x), (fm:Person {id: $formerMemberId})
    CREATE (fm)-[n:RECORDED]->(x) SET n = properties(r) DELETE r`,
  CONFIRMED: `MATCH (p:Person {id: $personId})-[r:CONFIRMED]->(x), (fm:Person {id: $formerMemberId})
    CREATE (fm)-[n:CONFIRMED]->(x) SET n = properties(r) DELETE r`,
  REJECTED: `MATCH (p:Person {id: $personId})-[r:REJECTED]->(x), (fm:Person {id: $formerMemberId})
    CREATE (fm)-[n:REJECTED]->(x) SET n = properties(r), x.rejectionReason = null DELETE r`,
  WROTE: `MATCH (p:Person {id: $personId})-[r:WROTE]->(x), (fm:Person {id: $formerMemberId})
    CREATE (fm)-[n:WROTE]->(x) SET n = properties(r), x.comment = null DELETE r`,
  STEP: `MATCH (i:Introduction)-[r:STEP]->(p:Person {id: $personId}), (fm:Person {id: $formerMemberId})
    WHERE i.status <> 'PENDING'
    CREATE (i)-[n:STEP]->(fm) SET n = properties(r), n.note = null DELETE r`,
};

/**
 * An organization whose last current admin leaves keeps an admin: its longest-standing current member
 * (earliest approval, then earliest start, then id) becomes admin. The organization is write-locked
 * before the check, so a concurrent change of admins cannot slip in between.
 */
const PROMOTE_SUCCESSORS = `MATCH (:Person {id: $personId})-[:WORKS_AT {status: 'APPROVED', isAdmin: true}]->(o:Organization)
  SET o._lock = true REMOVE o._lock
  WITH DISTINCT o
  WHERE NOT EXISTS {
    (other:Person)-[:WORKS_AT {status: 'APPROVED', isAdmin: true}]->(o) WHERE other.id <> $personId
  }
  CALL (o) {
    MATCH (member:Person)-[e:WORKS_AT {status: 'APPROVED'}]->(o) WHERE member.id <> $personId
    WITH e ORDER BY e.approvedAt, e.startedOn, e.id LIMIT 1
    SET e.isAdmin = true, e.adminChangedAt = datetime(), e.adminChangedBy = $formerMemberId
  }`;

/** Others' employments they approved, ended or made (non-)admin now name the former member. */
const REPOINT_EMPLOYMENT_DECISIONS = `MATCH (:Person)-[e:WORKS_AT]->(:Organization)
  WHERE $personId IN [e.approvedBy, e.endedBy, e.adminChangedBy]
  SET e.approvedBy = CASE e.approvedBy WHEN $personId THEN $formerMemberId ELSE e.approvedBy END,
      e.endedBy = CASE e.endedBy WHEN $personId THEN $formerMemberId ELSE e.endedBy END,
      e.adminChangedBy = CASE e.adminChangedBy WHEN $personId THEN $formerMemberId ELSE e.adminChangedBy END`;

/** The person's own records, each removed with all its relationships. */
const DELETE_OWNED = {
  connectionRequests: `MATCH (p:Person {id: $personId})
    MATCH (r:ConnectionRequest) WHERE (p)-[:SENT_REQUEST]->(r) OR (r)-[:REQUEST_TO]->(p)
    DETACH DELETE r`,
  endorsements: `MATCH (e:Endorsement) WHERE e.endorserId = $personId OR EXISTS { (:Person {id: $personId})-[:ENDORSED]->(e) }
    DETACH DELETE e`,
  referrals: `MATCH (p:Person {id: $personId})
    MATCH (r:Referral) WHERE (p)-[:REFERRED]->(r) OR (r)-[:REFERRED_TO]->(p)
    DETACH DELETE r`,
  // Every introduction they asked for, and the pending ones still waiting on them.
  introductions: `MATCH (p:Person {id: $personId})
    MATCH (i:Introduction)
    WHERE (p)-[:REQUESTED_INTRODUCTION]->(i) OR (i.status = 'PENDING' AND (i)-[:STEP]->(p))
    DETACH DELETE i`,
  // Answers to their requests go with the requests.
  sourcingAnswersToTheirRequests: `MATCH (:Person {id: $personId})-[:POSTED]->(:SourcingRequest)<-[:TO_REQUEST]-(a:SourcingAnswer)
    DETACH DELETE a`,
  sourcingRequests: `MATCH (:Person {id: $personId})-[:POSTED]->(r:SourcingRequest) DETACH DELETE r`,
  sourcingAnswers: `MATCH (:Person {id: $personId})-[:ANSWERED]->(a:SourcingAnswer) DETACH DELETE a`,
  // Their inbox, and what they caused in others' inboxes (the summaries name them).
  notifications: `MATCH (n:Notification)
    WHERE n.actorId = $personId OR EXISTS { (:Person {id: $personId})-[:HAS_NOTIFICATION]->(n) }
    DETACH DELETE n`,
  // Last: removes every remaining relationship (WORKS_AT, CONNECTED_TO, VISIBLE_TO, BLOCKED, …).
  person: `MATCH (p:Person {id: $personId}) DETACH DELETE p`,
};

/**
 * The time limit of a deletion: its 17 statements are planned on first use, which on a busy server takes
 * longer than the ordinary limit the first time after a start. Rare, and asked for by the person; never
 * less than the ordinary limit.
 */
const DELETE_TIMEOUT_MS = 30_000;

/** Cypher for removing a person's graph data when their account is deleted. */
@Injectable()
export class AccountGraphRepository {
  constructor(
    private readonly neo4j: Neo4jService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Removes the person and everything only theirs, in one transaction. False when there is no such person. */
  deletePerson(personId: string): Promise<boolean> {
    const params = { personId, formerMemberId: FORMER_MEMBER_ID };
    return this.neo4j.writeTx(
      async (tx) => {
        const [lock] = await tx.run<{ found: number }>(
          'AccountGraphRepository.deletePerson:lock',
          MERGE_PLACEHOLDER_AND_LOCK,
          params,
        );
        if (lock.found === 0) return false;
        await tx.run('AccountGraphRepository.deletePerson:promoteSuccessors', PROMOTE_SUCCESSORS, params);
        await tx.run(
          'AccountGraphRepository.deletePerson:repointEmploymentDecisions',
          REPOINT_EMPLOYMENT_DECISIONS,
          params,
        );
        for (const [key, cypher] of Object.entries(REPOINT))
          await tx.run(`AccountGraphRepository.deletePerson:repoint.${key}`, cypher, params);
        for (const [key, cypher] of Object.entries(DELETE_OWNED))
          await tx.run(`AccountGraphRepository.deletePerson:delete.${key}`, cypher, params);
        return true;
      },
      { timeoutMs: Math.max(DELETE_TIMEOUT_MS, this.config.neo4j.transactionTimeoutMs) },
    );
  }
}
