import type { Neo4jService, TxOptions } from '../neo4j.service.js';
import { CATEGORY_TAXONOMY } from './category-taxonomy.js';
import { refreshWebsiteDomains } from './website-domains.js';

/** One Cypher statement of a migration, run in its own transaction (schema and data changes cannot share one). */
export interface GraphMigrationStatement {
  cypher: string;
  params?: Record<string, unknown>;
}

/**
 * A migration step computed in Node (a rule Cypher cannot express): it runs its own statements, named
 * `${name}:...`, each in its own transaction, in batches when it may touch many nodes.
 */
export interface GraphMigrationStep {
  run: (neo4j: Neo4jService, name: string, options: TxOptions) => Promise<unknown>;
}

/**
 * The versioned graph migrations, applied in order at start-up. Every statement and step is idempotent
 * (IF NOT EXISTS, MERGE, setting computed values) so a partly applied version can simply run again.
 * Never edit an applied version: add a new one.
 */
export interface GraphMigration {
  version: number;
  description: string;
  /** Run one after the other, each in its own transaction(s). */
  statements: (GraphMigrationStatement | GraphMigrationStep)[];
}

/** The placeholder that takes over the records of deleted accounts (see the accounts lib). */
const FORMER_MEMBER_ID = 'former-member';

/**
 * A CONFIRMED trade whose confirmer recorded it, is or was a member of the buyer, or whose recorder is a
 * current member of the supplier goes back to PENDING: the confirmation is removed (so it counts nowhere
 * until a member of the supplier who is independent of the buyer confirms it) and demotedAt is set.
 * Feedback stays, and counts again only then. When both recorder and confirmer are the placeholder of
 * deleted accounts, nobody can tell whether they were one person: such trades are kept.
 */
const DEMOTE_DEPENDENT_TRADES = `
  MATCH (confirmer:Person)-[confirmation:CONFIRMED]->(t:Trade {status: 'CONFIRMED'}),
        (recorder:Person)-[:RECORDED]->(t), (t)-[:BUYER]->(buyer:Organization), (t)-[:SUPPLIER]->(supplier:Organization)
  WHERE (confirmer = recorder AND confirmer.id <> $formerMemberId)
     OR EXISTS { (confirmer)-[w:WORKS_AT]->(buyer) WHERE w.status IN ['APPROVED', 'ENDED'] }
     OR EXISTS { (recorder)-[:WORKS_AT {status: 'APPROVED'}]->(supplier) }
  SET t.status = 'PENDING', t.demotedAt = datetime()
  REMOVE t.confirmedAt
  DELETE confirmation`;

const categoryRows = CATEGORY_TAXONOMY.flatMap((root, rootIndex) => [
  { id: root.id, name: root.name, parentId: null, position: rootIndex },
  ...root.children.map((child, childIndex) => ({
    id: child.id,
    name: child.name,
    parentId: root.id,
    position: childIndex,
  })),
]);

export const GRAPH_MIGRATIONS: GraphMigration[] = [
  {
    version: 1,
    description: 'Uniqueness constraints on every id and the indexes of the foundation queries',
    statements: [
      { cypher: 'CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE' },
      { cypher: 'CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE' },
      { cypher: 'CREATE CONSTRAINT category_id IF NOT EXISTS FOR (n:Category) REQUIRE n.id IS UNIQUE' },
      { cypher: 'CREATE CONSTRAINT works_at_id IF NOT EXISTS FOR ()-[r:WORKS_AT]-() REQUIRE r.id IS UNIQUE' },
      { cypher: 'CREATE INDEX works_at_status IF NOT EXISTS FOR ()-[r:WORKS_AT]-() ON (r.status)' },
      { cypher: 'CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name)' },
      { cypher: 'CREATE INDEX organization_name IF NOT EXISTS FOR (n:Organization) ON (n.name)' },
    ],
  },
  {
    version: 2,
    description: 'Seed the industrial category taxonomy',
    statements: [
      {
        cypher: `
          UNWIND $categories AS row
          MERGE (c:Category {id: row.id})
          SET c.name = row.name, c.position = row.position`,
        params: { categories: categoryRows },
      },
      {
        cypher: `
          UNWIND $categories AS row
          WITH row WHERE row.parentId IS NOT NULL
          MATCH (child:Category {id: row.id}), (parent:Category {id: row.parentId})
          MERGE (child)-[:CHILD_OF]->(parent)`,
        params: { categories: categoryRows },
      },
    ],
  },
  {
    version: 3,
    description: 'Trust graph: ids and indexes of connection requests, endorsements, trades, feedback and referrals',
    statements: [
      {
        cypher:
          'CREATE CONSTRAINT connection_request_id IF NOT EXISTS FOR (n:ConnectionRequest) REQUIRE n.id IS UNIQUE',
      },
      { cypher: 'CREATE INDEX connection_request_status IF NOT EXISTS FOR (n:ConnectionRequest) ON (n.status)' },
      { cypher: 'CREATE CONSTRAINT endorsement_id IF NOT EXISTS FOR (n:Endorsement) REQUIRE n.id IS UNIQUE' },
      // One endorsement per (endorser, supplier, category), enforced by the database itself.
      {
        cypher:
          'CREATE CONSTRAINT endorsement_key IF NOT EXISTS FOR (n:Endorsement) REQUIRE (n.endorserId, n.supplierId, n.categoryId) IS UNIQUE',
      },
      { cypher: 'CREATE CONSTRAINT trade_id IF NOT EXISTS FOR (n:Trade) REQUIRE n.id IS UNIQUE' },
      { cypher: 'CREATE INDEX trade_status IF NOT EXISTS FOR (n:Trade) ON (n.status)' },
      { cypher: 'CREATE CONSTRAINT feedback_id IF NOT EXISTS FOR (n:Feedback) REQUIRE n.id IS UNIQUE' },
      { cypher: 'CREATE CONSTRAINT feedback_trade IF NOT EXISTS FOR (n:Feedback) REQUIRE n.tradeId IS UNIQUE' },
      { cypher: 'CREATE CONSTRAINT referral_id IF NOT EXISTS FOR (n:Referral) REQUIRE n.id IS UNIQUE' },
      {
        cypher:
          'CREATE FULLTEXT INDEX organization_text IF NOT EXISTS FOR (n:Organization) ON EACH [n.name, n.description]',
      },
    ],
  },
  {
    version: 4,
    description: 'Introductions and sourcing requests: ids, one answer per answerer and supplier, status index',
    statements: [
      { cypher: 'CREATE CONSTRAINT introduction_id IF NOT EXISTS FOR (n:Introduction) REQUIRE n.id IS UNIQUE' },
      { cypher: 'CREATE CONSTRAINT sourcing_request_id IF NOT EXISTS FOR (n:SourcingRequest) REQUIRE n.id IS UNIQUE' },
      { cypher: 'CREATE INDEX sourcing_request_status IF NOT EXISTS FOR (n:SourcingRequest) ON (n.status)' },
      { cypher: 'CREATE CONSTRAINT sourcing_answer_id IF NOT EXISTS FOR (n:SourcingAnswer) REQUIRE n.id IS UNIQUE' },
      {
        cypher:
          'CREATE CONSTRAINT sourcing_answer_key IF NOT EXISTS FOR (n:SourcingAnswer) REQUIRE (n.requestId, n.answererId, n.supplierId) IS UNIQUE',
      },
    ],
  },
  {
    version: 5,
    description: 'Notifications: ids and newest-first listing',
    statements: [
      { cypher: 'CREATE CONSTRAINT notification_id IF NOT EXISTS FOR (n:Notification) REQUIRE n.id IS UNIQUE' },
      { cypher: 'CREATE INDEX notification_created_at IF NOT EXISTS FOR (n:Notification) ON (n.createdAt)' },
    ],
  },
  {
    version: 6,
    description: 'Trades need two independent parties: CONFIRMED trades without them go back to PENDING',
    statements: [{ cypher: DEMOTE_DEPENDENT_TRADES, params: { formerMemberId: FORMER_MEMBER_ID } }],
  },
  {
    version: 7,
    description: 'Imported trades: a buyer imports each external order id at most once',
    statements: [
      {
        cypher:
          'CREATE CONSTRAINT trade_external_order IF NOT EXISTS FOR (n:Trade) REQUIRE (n.externalOrderBuyerId, n.externalOrderId) IS UNIQUE',
      },
    ],
  },
  {
    version: 8,
    description:
      'Organizations: the website domain stored again by the current rules (registrable domain, no freemail)',
    statements: [{ run: refreshWebsiteDomains }],
  },
];
