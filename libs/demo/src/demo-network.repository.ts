import { Injectable } from '@nestjs/common';
import { websiteDomain } from '#tradegraph/common';
import { Neo4jService } from '#tradegraph/graph';
import {
  GeneratedConnection,
  GeneratedEmployment,
  GeneratedEndorsement,
  GeneratedFeedback,
  GeneratedOrganization,
  GeneratedPerson,
  GeneratedReferral,
  GeneratedTrade,
} from './network-types.js';

type Rows<T> = readonly T[];

/**
 * Bulk writes of a generated network, one UNWIND statement per kind of fact, in the graph model
 * the feature libs query. Each method writes one batch in one transaction, all rows or none, and
 * returns how many it wrote.
 * Scores go through toInteger() because JavaScript numbers reach Cypher as floats.
 */
@Injectable()
export class DemoNetworkRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  async countPeople(): Promise<number> {
    const [row] = await this.neo4j.read<{ count: number }>(
      'DemoNetworkRepository.countPeople',
      'MATCH (p:Person) RETURN count(p) AS count',
    );
    return row.count;
  }

  /** People whose id starts with the prefix (a seek on the id constraint's index). */
  async countPeopleWithIdPrefix(prefix: string): Promise<number> {
    const [row] = await this.neo4j.read<{ count: number }>(
      'DemoNetworkRepository.countPeopleWithIdPrefix',
      'MATCH (p:Person) WHERE p.id STARTS WITH $prefix RETURN count(p) AS count',
      { prefix },
    );
    return row.count;
  }

  createPeople(rows: Rows<GeneratedPerson>): Promise<number> {
    return this.writeAll(
      'people',
      `UNWIND $rows AS row
       CREATE (:Person {id: row.id, name: row.name, headline: row.headline, country: row.country,
                        createdAt: datetime(row.createdAt)})
       RETURN count(*) AS written`,
      rows,
    );
  }

  createOrganizations(rows: Rows<GeneratedOrganization>): Promise<number> {
    return this.writeAll(
      'organizations',
      `UNWIND $rows AS row
       CREATE (:Organization {id: row.id, name: row.name, country: row.country, roles: row.roles,
                              website: row.website, websiteDomain: row.websiteDomain, description: row.description,
                              createdAt: datetime(row.createdAt)})
       RETURN count(*) AS written`,
      rows.map((row) => ({ ...row, websiteDomain: websiteDomain(row.website) })),
    );
  }

  createSupplies(rows: Rows<{ organizationId: string; categoryId: string }>): Promise<number> {
    return this.writeAll(
      'supplies',
      `UNWIND $rows AS row
       MATCH (o:Organization {id: row.organizationId}), (c:Category {id: row.categoryId})
       CREATE (o)-[:SUPPLIES]->(c)
       RETURN count(*) AS written`,
      rows,
    );
  }

  createEmployments(rows: Rows<GeneratedEmployment>): Promise<number> {
    return this.writeAll(
      'employments',
      `UNWIND $rows AS row
       MATCH (p:Person {id: row.personId}), (o:Organization {id: row.organizationId})
       CREATE (p)-[:WORKS_AT {id: row.id, title: row.title, status: row.status, isAdmin: row.isAdmin,
                              startedOn: date(row.startedOn), endedOn: date(row.endedOn),
                              approvedAt: datetime(row.approvedAt), createdAt: datetime(row.createdAt)}]->(o)
       RETURN count(*) AS written`,
      rows,
    );
  }

  createConnections(rows: Rows<GeneratedConnection>): Promise<number> {
    return this.writeAll(
      'connections',
      `UNWIND $rows AS row
       MATCH (a:Person {id: row.fromId}), (b:Person {id: row.toId})
       CREATE (a)-[:CONNECTED_TO {since: datetime(row.since)}]->(b)
       RETURN count(*) AS written`,
      rows,
    );
  }

  /** Trades with their sides, category and recorder, and who confirmed or rejected them (as the trades lib does). */
  createTrades(rows: Rows<GeneratedTrade>): Promise<number> {
    return this.writeAll(
      'trades',
      `UNWIND $rows AS row
       MATCH (buyer:Organization {id: row.buyerId}), (supplier:Organization {id: row.supplierId}),
             (category:Category {id: row.categoryId}), (recorder:Person {id: row.recordedById})
       OPTIONAL MATCH (decider:Person {id: row.decidedById})
       WITH row, buyer, supplier, category, recorder, decider
       WHERE row.decidedById IS NULL OR decider IS NOT NULL
       CREATE (t:Trade {id: row.id, occurredOn: date(row.occurredOn), amountBand: row.amountBand,
                        visibility: row.visibility, status: row.status, createdAt: datetime(row.createdAt),
                        confirmedAt: CASE row.status WHEN 'CONFIRMED' THEN datetime(row.decidedAt) END,
                        rejectedAt: CASE row.status WHEN 'REJECTED' THEN datetime(row.decidedAt) END,
                        rejectionReason: row.rejectionReason})
       CREATE (t)-[:BUYER]->(buyer), (t)-[:SUPPLIER]->(supplier), (t)-[:IN_CATEGORY]->(category),
              (recorder)-[:RECORDED]->(t)
       FOREACH (_ IN CASE row.status WHEN 'CONFIRMED' THEN [1] ELSE [] END |
         CREATE (decider)-[:CONFIRMED {at: datetime(row.decidedAt)}]->(t))
       FOREACH (_ IN CASE row.status WHEN 'REJECTED' THEN [1] ELSE [] END |
         CREATE (decider)-[:REJECTED {at: datetime(row.decidedAt)}]->(t))
       RETURN count(*) AS written`,
      rows,
    );
  }

  createFeedback(rows: Rows<GeneratedFeedback>): Promise<number> {
    return this.writeAll(
      'feedback',
      `UNWIND $rows AS row
       MATCH (t:Trade {id: row.tradeId}), (author:Person {id: row.authorId})
       CREATE (author)-[:WROTE]->(f:Feedback {id: row.id, tradeId: row.tradeId, quality: toInteger(row.quality),
                                              delivery: toInteger(row.delivery),
                                              communication: toInteger(row.communication), comment: row.comment,
                                              createdAt: datetime(row.createdAt),
                                              updatedAt: datetime(row.updatedAt)})-[:ABOUT]->(t)
       RETURN count(*) AS written`,
      rows,
    );
  }

  createEndorsements(rows: Rows<GeneratedEndorsement>): Promise<number> {
    return this.writeAll(
      'endorsements',
      `UNWIND $rows AS row
       MATCH (p:Person {id: row.endorserId}), (o:Organization {id: row.supplierId}), (c:Category {id: row.categoryId})
       CREATE (p)-[:ENDORSED]->(e:Endorsement {id: row.id, endorserId: row.endorserId, supplierId: row.supplierId,
                                               categoryId: row.categoryId, rating: toInteger(row.rating),
                                               comment: row.comment, createdAt: datetime(row.createdAt),
                                               updatedAt: datetime(row.updatedAt)})-[:OF]->(o)
       CREATE (e)-[:IN_CATEGORY]->(c)
       RETURN count(*) AS written`,
      rows,
    );
  }

  createReferrals(rows: Rows<GeneratedReferral>): Promise<number> {
    return this.writeAll(
      'referrals',
      `UNWIND $rows AS row
       MATCH (from:Person {id: row.fromId}), (to:Person {id: row.toId}),
             (o:Organization {id: row.supplierId}), (c:Category {id: row.categoryId})
       CREATE (from)-[:REFERRED]->(r:Referral {id: row.id, message: row.message,
                                               createdAt: datetime(row.createdAt)})-[:REFERRED_TO]->(to)
       CREATE (r)-[:ABOUT]->(o), (r)-[:IN_CATEGORY]->(c)
       RETURN count(*) AS written`,
      rows,
    );
  }

  /**
   * Runs one of the statements above on a batch, in one transaction that is rolled back unless
   * every row was written (a row whose MATCH finds nothing writes nothing).
   */
  private writeAll(part: string, cypher: string, rows: Rows<unknown>): Promise<number> {
    return this.neo4j.writeTx(async (tx) => {
      const [row] = await tx.run<{ written: number }>(`DemoNetworkRepository.writeAll:${part}`, cypher, { rows });
      if (row.written !== rows.length) {
        throw new Error(
          `Only ${row.written} of ${rows.length} ${part} rows could be written: a node they refer to is missing.`,
        );
      }
      return row.written;
    });
  }
}
