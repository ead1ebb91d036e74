import { Injectable } from '@nestjs/common';
import { Neo4jService } from '#tradegraph/graph';
import { int } from 'neo4j-driver';
import { Employment } from './models/employment.model.js';

const EMPLOYMENT_FIELDS = `e {.id, .title, .status, .isAdmin, startedOn: e.startedOn, endedOn: e.endedOn,
  personId: p.id, organizationId: o.id,
  wasApproved: e.status = 'APPROVED' OR e.approvedAt IS NOT NULL}`;

/** Cypher for WORKS_AT relationships: (:Person)-[:WORKS_AT]->(:Organization). */
@Injectable()
export class EmploymentRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  /**
   * Creates a PENDING employment unless the person already has a PENDING or APPROVED one there.
   * The write on the person node locks it first, so concurrent requests cannot both pass the check.
   * Returns null when nothing was created.
   */
  async createPending(request: {
    id: string;
    personId: string;
    organizationId: string;
    title: string;
    startedOn: string | null;
  }): Promise<Employment | null> {
    const [row] = await this.neo4j.write<{ employment: Employment }>(
      `MATCH (p:Person {id: $personId}), (o:Organization {id: $organizationId})
       SET p._lock = true REMOVE p._lock
       WITH p, o
       WHERE NOT EXISTS { (p)-[open:WORKS_AT]->(o) WHERE open.status IN ['PENDING', 'APPROVED'] }
       CREATE (p)-[e:WORKS_AT {id: $id, title: $title, status: 'PENDING', isAdmin: false,
                               startedOn: date($startedOn), endedOn: null, createdAt: datetime()}]->(o)
       RETURN ${EMPLOYMENT_FIELDS} AS employment`,
      request,
    );
    return row?.employment ?? null;
  }

  async findByIds(ids: readonly string[]): Promise<Employment[]> {
    const rows = await this.neo4j.read<{ employment: Employment }>(
      `UNWIND $ids AS id
       MATCH (p:Person)-[e:WORKS_AT {id: id}]->(o:Organization)
       RETURN ${EMPLOYMENT_FIELDS} AS employment`,
      { ids },
    );
    return rows.map((row) => row.employment);
  }

  /**
   * Approves a PENDING employment; null when it was not PENDING any more. The status is checked
   * only after the write lock on the employment is held, so concurrent approvals cannot both pass.
   */
  async approve(id: string, approverId: string): Promise<Employment | null> {
    const [row] = await this.neo4j.write<{ employment: Employment }>(
      `MATCH (p:Person)-[e:WORKS_AT {id: $id}]->(o:Organization)
       SET e._lock = true REMOVE e._lock
       WITH p, e, o
       WHERE e.status = 'PENDING'
       SET e.status = 'APPROVED', e.approvedBy = $approverId, e.approvedAt = datetime()
       RETURN ${EMPLOYMENT_FIELDS} AS employment`,
      { id, approverId },
    );
    return row?.employment ?? null;
  }

  /**
   * Ends an employment that is not ENDED yet. An admin's employment ends only while another
   * current admin remains. Both are checked under a lock on the organization, so concurrent ends
   * cannot both pass. Null when nothing changed.
   */
  async end(id: string, endedOn: string, endedBy: string): Promise<Employment | null> {
    const [row] = await this.neo4j.write<{ employment: Employment }>(
      `MATCH (p:Person)-[e:WORKS_AT {id: $id}]->(o:Organization)
       SET o._lock = true REMOVE o._lock
       WITH p, e, o
       WHERE e.status <> 'ENDED'
         AND (NOT (e.isAdmin AND e.status = 'APPROVED')
              OR EXISTS { (:Person)-[other:WORKS_AT {status: 'APPROVED', isAdmin: true}]->(o) WHERE other.id <> e.id })
       SET e.status = 'ENDED', e.endedOn = date($endedOn), e.endedBy = $endedBy, e.endedAt = datetime()
       RETURN ${EMPLOYMENT_FIELDS} AS employment`,
      { id, endedOn, endedBy },
    );
    return row?.employment ?? null;
  }

  /** Every employment of each person, newest first. */
  async forPeople(personIds: readonly string[]): Promise<Employment[]> {
    const rows = await this.neo4j.read<{ employment: Employment }>(
      `UNWIND $personIds AS personId
       MATCH (p:Person {id: personId})-[e:WORKS_AT]->(o:Organization)
       RETURN ${EMPLOYMENT_FIELDS} AS employment
       ORDER BY e.createdAt DESC, e.id`,
      { personIds },
    );
    return rows.map((row) => row.employment);
  }

  /** The same page of employments in a status for each organization, ordered by person name then id. */
  async pagesByOrganizations(
    organizationIds: readonly string[],
    status: string,
    offset: number,
    limit: number,
  ): Promise<{ organizationId: string; total: number; items: Employment[] }[]> {
    return this.neo4j.read(
      `UNWIND $organizationIds AS organizationId
       MATCH (o:Organization {id: organizationId})
       CALL (o) {
         MATCH (p:Person)-[e:WORKS_AT {status: $status}]->(o)
         RETURN count(e) AS total
       }
       CALL (o) {
         MATCH (p:Person)-[e:WORKS_AT {status: $status}]->(o)
         WITH p, e ORDER BY p.name, p.id SKIP $offset LIMIT $limit
         RETURN collect(${EMPLOYMENT_FIELDS}) AS items
       }
       RETURN organizationId, total, items`,
      { organizationIds, status, offset: int(offset), limit: int(limit) },
    );
  }
}
