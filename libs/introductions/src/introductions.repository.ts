import { Injectable } from '@nestjs/common';
import { Neo4jService } from '#tradegraph/graph';
import { INTRODUCTION_LINK_OPEN, MAY_CONTACT } from '#tradegraph/policy';
import { int } from 'neo4j-driver';
import { Introduction } from './models/introduction.model.js';

/** Returns an introduction `i` requested by `req` as the plain Introduction. */
const INTRODUCTION_FIELDS = `CALL (i) {
    MATCH (i)-[s:STEP]->(p:Person)
    WITH s, p ORDER BY s.index
    RETURN collect(s {personId: p.id, decision: s.decision, note: s.note, decidedAt: s.decidedAt}) AS steps
  }
  OPTIONAL MATCH (i)-[:ABOUT]->(o:Organization)
  RETURN i {.id, .message, .status, currentStep: i.currentStep, createdAt: i.createdAt,
            requesterId: req.id, supplierId: o.id, steps: steps} AS introduction`;

/**
 * Write-locks the requester and the target in id order (as the network lib does for a pair), so that
 * creating their connection cannot race with another write creating it.
 */
const LOCK_PAIR =
  'FOREACH (n IN CASE WHEN req.id < p.id THEN [req, p] ELSE [p, req] END | SET n._lock = true REMOVE n._lock)';

/** One person's page of introductions. */
export interface IntroductionPage {
  personId: string;
  total: number;
  items: Introduction[];
}

export interface IntroductionDraft {
  id: string;
  requesterId: string;
  path: string[];
  supplierId: string | null;
  message: string;
}

/**
 * Cypher for introductions: (:Person)-[:REQUESTED_INTRODUCTION]->(i:Introduction {id, message, status,
 * currentStep, createdAt}), (i)-[:STEP {index, decision, note, decidedAt}]->(:Person) per path member,
 * (i)-[:ABOUT]->(:Organization) when about a supplier. Connections are the network lib's one
 * (:Person)-[:CONNECTED_TO {since}]->(:Person) per pair, matched undirected.
 * Introduction.id is under a uniqueness constraint (graph migration 4).
 */
@Injectable()
export class IntroductionsRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  /**
   * Index k of the first link of the chain [requester, ...path] (from chain[k] to chain[k + 1]) that
   * cannot carry the introduction (the policy's INTRODUCTION_LINK_OPEN: not connected, an edge the
   * requester may not learn, or a block), or null when every link can.
   */
  async firstBrokenLink(requesterId: string, path: readonly string[]): Promise<number | null> {
    const [row] = await this.neo4j.read<{ broken: number | null }>(
      'IntroductionsRepository.firstBrokenLink',
      `MATCH (req:Person {id: $requesterId})
       WITH req, [$requesterId] + $path AS chain
       UNWIND range(0, size(chain) - 2) AS k
       OPTIONAL MATCH (a:Person {id: chain[k]})
       OPTIONAL MATCH (b:Person {id: chain[k + 1]})
       WITH k, a IS NOT NULL AND b IS NOT NULL AND ${INTRODUCTION_LINK_OPEN('req', 'a', 'b')} AS open
       ORDER BY k
       // collect() skips the nulls, leaving the broken links in order.
       RETURN head(collect(CASE WHEN open THEN null ELSE k END)) AS broken`,
      { requesterId, path },
    );
    return row?.broken ?? null;
  }

  /**
   * Creates a PENDING introduction at step 0, but only while every link of the chain can still carry
   * it (INTRODUCTION_LINK_OPEN, checked in the same statement); false when a link broke or a person is gone.
   * The chain's people are write-locked in id order first (as blocking locks its pair), so that a block
   * made meanwhile is either seen here or ends this introduction.
   */
  async create(draft: IntroductionDraft): Promise<boolean> {
    const rows = await this.neo4j.write<{ id: string }>(
      'IntroductionsRepository.create',
      `MATCH (req:Person {id: $requesterId})
       WITH req, [$requesterId] + $path AS chain
       FOREACH (n IN COLLECT { MATCH (p:Person) WHERE p.id IN chain RETURN p ORDER BY p.id } |
         SET n._lock = true REMOVE n._lock)
       WITH req, chain
       WHERE all(k IN range(0, size(chain) - 2) WHERE EXISTS {
               MATCH (a:Person {id: chain[k]}), (b:Person {id: chain[k + 1]})
               WHERE ${INTRODUCTION_LINK_OPEN('req', 'a', 'b')}
             })
       CREATE (req)-[:REQUESTED_INTRODUCTION]->(i:Introduction {id: $id, message: $message, status: 'PENDING',
                                                               currentStep: 0, createdAt: datetime()})
       WITH i
       UNWIND range(0, size($path) - 1) AS index
       MATCH (p:Person {id: $path[index]})
       CREATE (i)-[:STEP {index: index}]->(p)
       WITH i, count(p) AS steps
       OPTIONAL MATCH (o:Organization {id: $supplierId})
       FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | CREATE (i)-[:ABOUT]->(o))
       RETURN i.id AS id`,
      { ...draft },
    );
    return rows.length === 1;
  }

  async findByIds(ids: readonly string[]): Promise<Introduction[]> {
    const rows = await this.neo4j.read<{ introduction: Introduction }>(
      'IntroductionsRepository.findByIds',
      `UNWIND $ids AS id
       MATCH (req:Person)-[:REQUESTED_INTRODUCTION]->(i:Introduction {id: id})
       ${INTRODUCTION_FIELDS}`,
      { ids },
    );
    return rows.map((row) => row.introduction);
  }

  /**
   * Records the decision of the person at step `index`, locking the introduction first so that only
   * one of concurrent responses passes the checks. A decline ends it; the target's acceptance ends it
   * and connects requester and target unless they already are or a block stands between them.
   * False when nothing changed.
   */
  async respond(id: string, personId: string, index: number, accept: boolean, note: string | null): Promise<boolean> {
    const rows = await this.neo4j.write<{ id: string }>(
      'IntroductionsRepository.respond',
      `MATCH (req:Person)-[:REQUESTED_INTRODUCTION]->(i:Introduction {id: $id})
       SET i._lock = true REMOVE i._lock
       WITH req, i
       WHERE i.status = 'PENDING' AND i.currentStep = $index
       MATCH (i)-[s:STEP {index: $index}]->(p:Person {id: $personId})
       SET s.decision = $decision, s.note = $note, s.decidedAt = datetime()
       WITH req, i, p, $index = COUNT { (i)-[:STEP]->() } - 1 AS last
       SET i.status = CASE WHEN NOT $accept THEN 'DECLINED' WHEN last THEN 'ACCEPTED' ELSE 'PENDING' END,
           i.currentStep = CASE WHEN NOT $accept OR last THEN null ELSE $index + 1 END,
           i.decidedAt = CASE WHEN NOT $accept OR last THEN datetime() ELSE null END
       WITH req, i, p, $accept AND last AS connect
       CALL (req, p, connect) {
         WITH req, p, connect WHERE connect
         ${LOCK_PAIR}
         WITH req, p WHERE NOT EXISTS { (req)-[:CONNECTED_TO]-(p) } AND ${MAY_CONTACT('req', 'p')}
         CREATE (req)-[:CONNECTED_TO {since: datetime()}]->(p)
       }
       RETURN i.id AS id`,
      { id, personId, index: int(index), accept, note, decision: accept ? 'ACCEPTED' : 'DECLINED' },
    );
    return rows.length === 1;
  }

  /** Withdraws a PENDING introduction, under the introduction's lock; false when it was not PENDING. */
  async withdraw(id: string): Promise<boolean> {
    const rows = await this.neo4j.write<{ id: string }>(
      'IntroductionsRepository.withdraw',
      `MATCH (i:Introduction {id: $id})
       SET i._lock = true REMOVE i._lock
       WITH i WHERE i.status = 'PENDING'
       SET i.status = 'WITHDRAWN', i.currentStep = null, i.withdrawnAt = datetime()
       RETURN i.id AS id`,
      { id },
    );
    return rows.length === 1;
  }

  /** The same page of PENDING introductions waiting for each person's decision, newest first. */
  async waitingForPages(personIds: readonly string[], offset: number, limit: number): Promise<IntroductionPage[]> {
    return this.neo4j.read<IntroductionPage>(
      'IntroductionsRepository.waitingForPages',
      `UNWIND $personIds AS personId
       MATCH (p:Person {id: personId})
       CALL (p) {
         MATCH (:Person)-[:REQUESTED_INTRODUCTION]->(i:Introduction {status: 'PENDING'})-[s:STEP]->(p)
         WHERE s.index = i.currentStep
         RETURN count(i) AS total
       }
       CALL (p) {
         MATCH (req:Person)-[:REQUESTED_INTRODUCTION]->(i:Introduction {status: 'PENDING'})-[s:STEP]->(p)
         WHERE s.index = i.currentStep
         WITH req, i ORDER BY i.createdAt DESC, i.id SKIP $offset LIMIT $limit
         CALL (req, i) {
           ${INTRODUCTION_FIELDS}
         }
         WITH i, introduction ORDER BY i.createdAt DESC, i.id
         RETURN collect(introduction) AS items
       }
       RETURN personId, total, items`,
      { personIds, offset: int(offset), limit: int(limit) },
    );
  }

  /** The same page of introductions each person requested, newest first. */
  async requestedPages(personIds: readonly string[], offset: number, limit: number): Promise<IntroductionPage[]> {
    return this.neo4j.read<IntroductionPage>(
      'IntroductionsRepository.requestedPages',
      `UNWIND $personIds AS personId
       MATCH (req:Person {id: personId})
       CALL (req) {
         MATCH (req)-[:REQUESTED_INTRODUCTION]->(i:Introduction)
         RETURN count(i) AS total
       }
       CALL (req) {
         MATCH (req)-[:REQUESTED_INTRODUCTION]->(i:Introduction)
         WITH req, i ORDER BY i.createdAt DESC, i.id SKIP $offset LIMIT $limit
         CALL (req, i) {
           ${INTRODUCTION_FIELDS}
         }
         WITH i, introduction ORDER BY i.createdAt DESC, i.id
         RETURN collect(introduction) AS items
       }
       RETURN personId, total, items`,
      { personIds, offset: int(offset), limit: int(limit) },
    );
  }
}
