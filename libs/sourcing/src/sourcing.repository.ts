import { Injectable } from '@nestjs/common';
import type { KeyedRow, TimeKey } from '#tradegraph/common';
import { KEY_TIME, Neo4jService } from '#tradegraph/graph';
import { MAY_CONTACT } from '#tradegraph/policy';
import { int } from 'neo4j-driver';
import { SourcingAnswer } from './models/sourcing-answer.model.js';
import { SourcingRequest } from './models/sourcing-request.model.js';

const REQUEST_FIELDS = `r {.id, requesterId: requester.id, categoryId: c.id, .description, .maxDegree,
  neededBy: r.neededBy, .status, .createdAt}`;
const REQUEST_PATTERN = '(requester:Person)-[:POSTED]->(r:SourcingRequest)-[:FOR_CATEGORY]->(c:Category)';
const ANSWER_FIELDS = `a {.id, requestId: r.id, answererId: answerer.id, supplierId: s.id, comment: a.comment, .createdAt}`;
/** The answers `a` to an already bound request `r`, with `answerer` and supplier `s`. */
const ANSWERS_OF_R =
  '(answerer:Person)-[:ANSWERED]->(a:SourcingAnswer)-[:TO_REQUEST]->(r), (a)-[:SUGGESTS]->(s:Organization)';
/** Answer `a` (by `answerer`) of `requester`'s request is shown to $viewerId. */
const ANSWER_SHOWN = `((requester.id = $viewerId AND ${MAY_CONTACT('requester', 'answerer')}) OR answerer.id = $viewerId)`;
/** The OPEN requests `r` (of `requester`, in category `c`) whose audience holds $personId, not blocked either way. */
const OPEN_FOR = `MATCH (viewer:Person {id: $personId})<-[:VISIBLE_TO]-(r:SourcingRequest {status: 'OPEN'})
       MATCH (requester:Person)-[:POSTED]->(r)-[:FOR_CATEGORY]->(c:Category)
       WHERE ${MAY_CONTACT('requester', 'viewer')}`;

export interface SourcingRequestDraft {
  id: string;
  requesterId: string;
  categoryId: string;
  description: string;
  maxDegree: number;
  neededBy: string | null;
}

export interface SourcingAnswerDraft {
  id: string;
  requestId: string;
  answererId: string;
  supplierId: string;
  comment: string | null;
}

export interface AnswerPage {
  requestId: string;
  rows: KeyedRow<SourcingAnswer>[];
}

/**
 * Cypher for sourcing requests: (:Person)-[:POSTED]->(:SourcingRequest)-[:FOR_CATEGORY]->(:Category),
 * (:SourcingRequest)-[:VISIBLE_TO]->(:Person) for its audience, fixed when posted, and
 * (:Person)-[:ANSWERED]->(:SourcingAnswer)-[:TO_REQUEST]->(:SourcingRequest), (:SourcingAnswer)-[:SUGGESTS]->(:Organization).
 */
@Injectable()
export class SourcingRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  /**
   * Creates an OPEN request and chooses its audience as the network is now: everyone within maxDegree
   * connection steps of the requester, except people blocked either way with the requester, the
   * nearest first (direct connections, then theirs; by id within a degree), at most `audienceMax` of
   * them. The audience edges are written afterwards in batches (addAudience). Null when the requester
   * or category does not exist.
   */
  async create(
    draft: SourcingRequestDraft,
    audienceMax: number,
  ): Promise<{ request: SourcingRequest; audienceIds: string[] } | null> {
    const [row] = await this.neo4j.write<{ request: SourcingRequest; audienceIds: string[] }>(
      'SourcingRepository.create',
      `MATCH (requester:Person {id: $requesterId}), (c:Category {id: $categoryId})
       CALL (requester) {
         CALL (requester) {
           MATCH (requester)-[:CONNECTED_TO]-(p:Person)
           RETURN p, 1 AS degree
           UNION
           MATCH (requester)-[:CONNECTED_TO*2]-(p:Person) WHERE $maxDegree >= 2
           RETURN p, 2 AS degree
         }
         WITH requester, p, min(degree) AS degree
         WHERE p <> requester AND ${MAY_CONTACT('requester', 'p')}
         WITH p, degree ORDER BY degree, p.id LIMIT $audienceMax
         RETURN collect(p.id) AS audienceIds
       }
       CREATE (requester)-[:POSTED]->(r:SourcingRequest {id: $id, categoryId: $categoryId, description: $description,
                maxDegree: $maxDegree, neededBy: date($neededBy), status: 'OPEN', createdAt: datetime()})
              -[:FOR_CATEGORY]->(c)
       RETURN ${REQUEST_FIELDS} AS request, audienceIds`,
      { ...draft, maxDegree: int(draft.maxDegree), audienceMax: int(audienceMax) },
    );
    return row ?? null;
  }

  /**
   * Makes the request visible to these people (one batch of its audience), skipping anyone who blocked
   * or was blocked by the requester since it was chosen; the ids of those it was made visible to.
   */
  async addAudience(requestId: string, personIds: readonly string[]): Promise<string[]> {
    const rows = await this.neo4j.write<{ id: string }>(
      'SourcingRepository.addAudience',
      `MATCH (requester:Person)-[:POSTED]->(r:SourcingRequest {id: $requestId})
       UNWIND $personIds AS personId
       MATCH (p:Person {id: personId})
       WHERE p <> requester AND ${MAY_CONTACT('requester', 'p')}
       MERGE (r)-[:VISIBLE_TO]->(p)
       RETURN p.id AS id`,
      { requestId, personIds },
    );
    return rows.map((row) => row.id);
  }

  async findByIds(ids: readonly string[]): Promise<SourcingRequest[]> {
    const rows = await this.neo4j.read<{ request: SourcingRequest }>(
      'SourcingRepository.findByIds',
      `UNWIND $ids AS id
       MATCH ${REQUEST_PATTERN}
       WHERE r.id = id
       RETURN ${REQUEST_FIELDS} AS request`,
      { ids },
    );
    return rows.map((row) => row.request);
  }

  /**
   * Those of the requests the person posted or is in the audience of. A block ends the audience
   * edge; the check here keeps a blocked pair apart even so.
   */
  async findVisible(viewerId: string, ids: readonly string[]): Promise<SourcingRequest[]> {
    const rows = await this.neo4j.read<{ request: SourcingRequest }>(
      'SourcingRepository.findVisible',
      `UNWIND $ids AS id
       MATCH ${REQUEST_PATTERN}
       WHERE r.id = id AND (requester.id = $viewerId OR EXISTS {
         MATCH (r)-[:VISIBLE_TO]->(viewer:Person {id: $viewerId}) WHERE ${MAY_CONTACT('requester', 'viewer')}
       })
       RETURN ${REQUEST_FIELDS} AS request`,
      { ids, viewerId },
    );
    return rows.map((row) => row.request);
  }

  /** True when the person already suggested this supplier for the request. */
  async hasAnswered(requestId: string, answererId: string, supplierId: string): Promise<boolean> {
    const [row] = await this.neo4j.read<{ answered: boolean }>(
      'SourcingRepository.hasAnswered',
      `MATCH (r:SourcingRequest {id: $requestId})
       RETURN EXISTS {
         MATCH ${ANSWERS_OF_R}
         WHERE answerer.id = $answererId AND s.id = $supplierId
       } AS answered`,
      { requestId, answererId, supplierId },
    );
    return row?.answered ?? false;
  }

  /**
   * Creates the answer under a lock on the request, while the request is OPEN and visible to the
   * answerer (in its audience, not blocked either way with the requester), the supplier supplies its category (or a subcategory), and the answerer has not
   * suggested this supplier for it yet; null when any of these does not hold.
   */
  async createAnswer(draft: SourcingAnswerDraft): Promise<SourcingAnswer | null> {
    const [row] = await this.neo4j.write<{ answer: SourcingAnswer }>(
      'SourcingRepository.createAnswer',
      `MATCH (requester:Person)-[:POSTED]->(r:SourcingRequest {id: $requestId}),
             (answerer:Person {id: $answererId}), (s:Organization {id: $supplierId})
       SET r._lock = true REMOVE r._lock
       WITH requester, r, answerer, s
       WHERE r.status = 'OPEN' AND EXISTS { (r)-[:VISIBLE_TO]->(answerer) } AND ${MAY_CONTACT('requester', 'answerer')}
         AND EXISTS { (s)-[:SUPPLIES]->(:Category)-[:CHILD_OF*0..5]->(:Category)<-[:FOR_CATEGORY]-(r) }
         AND NOT EXISTS { MATCH (answerer)-[:ANSWERED]->(dup:SourcingAnswer)-[:TO_REQUEST]->(r), (dup)-[:SUGGESTS]->(s) }
       CREATE (answerer)-[:ANSWERED]->(a:SourcingAnswer {id: $id, requestId: $requestId, answererId: $answererId,
                supplierId: $supplierId, comment: $comment, createdAt: datetime()})-[:TO_REQUEST]->(r),
              (a)-[:SUGGESTS]->(s)
       RETURN ${ANSWER_FIELDS} AS answer`,
      { ...draft },
    );
    return row?.answer ?? null;
  }

  /** Closes an OPEN request under a lock on it; null when it was not OPEN any more. */
  async close(requestId: string): Promise<SourcingRequest | null> {
    const [row] = await this.neo4j.write<{ request: SourcingRequest }>(
      'SourcingRepository.close',
      `MATCH ${REQUEST_PATTERN}
       WHERE r.id = $requestId
       SET r._lock = true REMOVE r._lock
       WITH requester, r, c
       WHERE r.status = 'OPEN'
       SET r.status = 'CLOSED', r.closedAt = datetime()
       RETURN ${REQUEST_FIELDS} AS request`,
      { requestId },
    );
    return row?.request ?? null;
  }

  /**
   * One page of each request's answers, newest first (createdAt descending, then id): up to `limit + 1`
   * strictly after the key `after`, each with its key; for its requester all of them except those of
   * people blocked either way with the requester, only the viewer's own for anyone else.
   */
  async answerPages(
    viewerId: string,
    requestIds: readonly string[],
    after: TimeKey | null,
    limit: number,
  ): Promise<AnswerPage[]> {
    return this.neo4j.read<AnswerPage>(
      'SourcingRepository.answerPages',
      `UNWIND $requestIds AS requestId
       MATCH (requester:Person)-[:POSTED]->(r:SourcingRequest {id: requestId})
       CALL (r, requester) {
         MATCH ${ANSWERS_OF_R}
         WHERE ${ANSWER_SHOWN}
           AND ($after IS NULL OR a.createdAt < datetime($after.at)
                OR (a.createdAt = datetime($after.at) AND a.id > $after.id))
         WITH r, a, answerer, s ORDER BY a.createdAt DESC, a.id LIMIT $limit + 1
         RETURN collect({node: ${ANSWER_FIELDS}, key: [${KEY_TIME('a.createdAt')}, a.id]}) AS rows
       }
       RETURN requestId, rows`,
      { viewerId, requestIds, after, limit: int(limit) },
    );
  }

  /** How many answers of each request the viewer may see (as in answerPages). */
  async answerCounts(viewerId: string, requestIds: readonly string[]): Promise<{ requestId: string; total: number }[]> {
    return this.neo4j.read(
      'SourcingRepository.answerCounts',
      `UNWIND $requestIds AS requestId
       MATCH (requester:Person)-[:POSTED]->(r:SourcingRequest {id: requestId})
       CALL (r, requester) {
         MATCH ${ANSWERS_OF_R}
         WHERE ${ANSWER_SHOWN}
         RETURN count(a) AS total
       }
       RETURN requestId, total`,
      { viewerId, requestIds },
    );
  }

  /**
   * The OPEN requests the person is in the audience of (not blocked with the requester), newest first
   * (createdAt descending, then id): up to `limit + 1` strictly after the key `after`, each with its key.
   */
  async openFor(personId: string, after: TimeKey | null, limit: number): Promise<KeyedRow<SourcingRequest>[]> {
    return this.neo4j.read<KeyedRow<SourcingRequest>>(
      'SourcingRepository.openFor',
      `${OPEN_FOR}
         AND ($after IS NULL OR r.createdAt < datetime($after.at)
              OR (r.createdAt = datetime($after.at) AND r.id > $after.id))
       WITH requester, r, c ORDER BY r.createdAt DESC, r.id LIMIT $limit + 1
       RETURN ${REQUEST_FIELDS} AS node, [${KEY_TIME('r.createdAt')}, r.id] AS key`,
      { personId, after, limit: int(limit) },
    );
  }

  /** How many OPEN requests the person is in the audience of (as in openFor). */
  async countOpenFor(personId: string): Promise<number> {
    const [row] = await this.neo4j.read<{ total: number }>(
      'SourcingRepository.countOpenFor',
      `${OPEN_FOR}
       RETURN count(r) AS total`,
      { personId },
    );
    return row?.total ?? 0;
  }
}
