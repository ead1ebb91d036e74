import * as fs from 'node:fs';
import * as path from 'node:path';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import { GeneratedNetwork, TaxonomyRootInput } from './network-types.js';

/** The node and relationship files of one network, as Neo4j's offline importer takes them. */
export interface ImportFiles {
  nodes: string[];
  relationships: string[];
  /** How many nodes and relationships the files hold. */
  nodeCount: number;
  relationshipCount: number;
}

type Cell = string | number | boolean | null | undefined;

interface FileSpec {
  name: string;
  /** The importer's typed header, e.g. `id:ID(Person)`, `createdAt:datetime`, `:START_ID(Person)`. */
  header: string[];
  rows: Iterable<Cell[]>;
}

/**
 * Writes a generated network as CSV files for `neo4j-admin database import` into `dir`: the same
 * labels, relationship types and properties that DemoNetworkRepository's statements create (a
 * null is an empty cell, which the importer leaves unset, as Cypher's CREATE does). Categories get
 * only their id: the taxonomy migration sets their names, positions and CHILD_OF links.
 */
export async function writeImportFiles(
  network: GeneratedNetwork,
  taxonomy: readonly TaxonomyRootInput[],
  dir: string,
): Promise<ImportFiles> {
  fs.mkdirSync(dir, { recursive: true });
  const n = network;
  const categories = taxonomy.flatMap((root) => [root.id, ...root.children.map((child) => child.id)]);
  const decided = (status: string) => n.trades.filter((t) => t.status === status && t.decidedById !== null);
  const nodeSpecs: FileSpec[] = [
    { name: 'categories', header: ['id:ID(Category)', ':LABEL'], rows: categories.map((id) => [id, 'Category']) },
    {
      name: 'people',
      header: ['id:ID(Person)', 'name', 'headline', 'country', 'createdAt:datetime', ':LABEL'],
      rows: n.people.map((p) => [p.id, p.name, p.headline, p.country, p.createdAt, 'Person']),
    },
    {
      name: 'organizations',
      header: [
        'id:ID(Organization)',
        'name',
        'country',
        'roles:string[]',
        'website',
        'description',
        'createdAt:datetime',
        ':LABEL',
      ],
      rows: n.organizations.map((o) => [
        o.id,
        o.name,
        o.country,
        o.roles.join(';'),
        o.website,
        o.description,
        o.createdAt,
        'Organization',
      ]),
    },
    {
      name: 'trades',
      header: [
        'id:ID(Trade)',
        'occurredOn:date',
        'amountBand',
        'visibility',
        'status',
        'createdAt:datetime',
        'confirmedAt:datetime',
        'rejectedAt:datetime',
        'rejectionReason',
        ':LABEL',
      ],
      rows: n.trades.map((t) => [
        t.id,
        t.occurredOn,
        t.amountBand,
        t.visibility,
        t.status,
        t.createdAt,
        t.status === 'CONFIRMED' ? t.decidedAt : null,
        t.status === 'REJECTED' ? t.decidedAt : null,
        t.rejectionReason,
        'Trade',
      ]),
    },
    {
      name: 'feedback',
      header: [
        'id:ID(Feedback)',
        'tradeId',
        'quality:long',
        'delivery:long',
        'communication:long',
        'comment',
        'createdAt:datetime',
        'updatedAt:datetime',
        ':LABEL',
      ],
      rows: n.feedback.map((f) => [
        f.id,
        f.tradeId,
        f.quality,
        f.delivery,
        f.communication,
        f.comment,
        f.createdAt,
        f.updatedAt,
        'Feedback',
      ]),
    },
    {
      name: 'endorsements',
      header: [
        'id:ID(Endorsement)',
        'endorserId',
        'supplierId',
        'categoryId',
        'rating:long',
        'comment',
        'createdAt:datetime',
        'updatedAt:datetime',
        ':LABEL',
      ],
      rows: n.endorsements.map((e) => [
        e.id,
        e.endorserId,
        e.supplierId,
        e.categoryId,
        e.rating,
        e.comment,
        e.createdAt,
        e.updatedAt,
        'Endorsement',
      ]),
    },
    {
      name: 'referrals',
      header: ['id:ID(Referral)', 'message', 'createdAt:datetime', ':LABEL'],
      rows: n.referrals.map((r) => [r.id, r.message, r.createdAt, 'Referral']),
    },
  ];
  const link = (name: string, from: string, to: string, type: string, pairs: Iterable<Cell[]>): FileSpec => ({
    name,
    header: [`:START_ID(${from})`, `:END_ID(${to})`, ':TYPE'],
    rows: withType(pairs, type),
  });
  const relationshipSpecs: FileSpec[] = [
    link(
      'supplies',
      'Organization',
      'Category',
      'SUPPLIES',
      n.organizations.flatMap((o) => o.categoryIds.map((c) => [o.id, c])),
    ),
    {
      name: 'employments',
      header: [
        ':START_ID(Person)',
        ':END_ID(Organization)',
        'id',
        'title',
        'status',
        'isAdmin:boolean',
        'startedOn:date',
        'endedOn:date',
        'approvedAt:datetime',
        'createdAt:datetime',
        ':TYPE',
      ],
      rows: n.employments.map((e) => [
        e.personId,
        e.organizationId,
        e.id,
        e.title,
        e.status,
        e.isAdmin,
        e.startedOn,
        e.endedOn,
        e.approvedAt,
        e.createdAt,
        'WORKS_AT',
      ]),
    },
    {
      name: 'connections',
      header: [':START_ID(Person)', ':END_ID(Person)', 'since:datetime', ':TYPE'],
      rows: n.connections.map((c) => [c.fromId, c.toId, c.since, 'CONNECTED_TO']),
    },
    link(
      'trade-buyers',
      'Trade',
      'Organization',
      'BUYER',
      n.trades.map((t) => [t.id, t.buyerId]),
    ),
    link(
      'trade-suppliers',
      'Trade',
      'Organization',
      'SUPPLIER',
      n.trades.map((t) => [t.id, t.supplierId]),
    ),
    link(
      'trade-categories',
      'Trade',
      'Category',
      'IN_CATEGORY',
      n.trades.map((t) => [t.id, t.categoryId]),
    ),
    link(
      'trade-recorders',
      'Person',
      'Trade',
      'RECORDED',
      n.trades.map((t) => [t.recordedById, t.id]),
    ),
    ...(['CONFIRMED', 'REJECTED'] as const).map((status) => ({
      name: `trade-${status.toLowerCase()}`,
      header: [':START_ID(Person)', ':END_ID(Trade)', 'at:datetime', ':TYPE'],
      rows: decided(status).map((t) => [t.decidedById, t.id, t.decidedAt, status]),
    })),
    link(
      'feedback-authors',
      'Person',
      'Feedback',
      'WROTE',
      n.feedback.map((f) => [f.authorId, f.id]),
    ),
    link(
      'feedback-trades',
      'Feedback',
      'Trade',
      'ABOUT',
      n.feedback.map((f) => [f.id, f.tradeId]),
    ),
    link(
      'endorsers',
      'Person',
      'Endorsement',
      'ENDORSED',
      n.endorsements.map((e) => [e.endorserId, e.id]),
    ),
    link(
      'endorsed',
      'Endorsement',
      'Organization',
      'OF',
      n.endorsements.map((e) => [e.id, e.supplierId]),
    ),
    link(
      'endorsement-categories',
      'Endorsement',
      'Category',
      'IN_CATEGORY',
      n.endorsements.map((e) => [e.id, e.categoryId]),
    ),
    link(
      'referrers',
      'Person',
      'Referral',
      'REFERRED',
      n.referrals.map((r) => [r.fromId, r.id]),
    ),
    link(
      'referred',
      'Referral',
      'Person',
      'REFERRED_TO',
      n.referrals.map((r) => [r.id, r.toId]),
    ),
    link(
      'referral-suppliers',
      'Referral',
      'Organization',
      'ABOUT',
      n.referrals.map((r) => [r.id, r.supplierId]),
    ),
    link(
      'referral-categories',
      'Referral',
      'Category',
      'IN_CATEGORY',
      n.referrals.map((r) => [r.id, r.categoryId]),
    ),
  ];
  const nodes = await Promise.all(nodeSpecs.map((spec) => writeFile(dir, 'nodes', spec)));
  const relationships = await Promise.all(relationshipSpecs.map((spec) => writeFile(dir, 'relationships', spec)));
  return {
    nodes: nodes.map((file) => file.path),
    relationships: relationships.map((file) => file.path),
    nodeCount: nodes.reduce((sum, file) => sum + file.rows, 0),
    relationshipCount: relationships.reduce((sum, file) => sum + file.rows, 0),
  };
}

function* withType(pairs: Iterable<Cell[]>, type: string): Iterable<Cell[]> {
  for (const pair of pairs) yield [...pair, type];
}

/** Streams one file through csv-stringify (the big ones hold millions of rows); how many rows it holds. */
async function writeFile(dir: string, kind: string, spec: FileSpec): Promise<{ path: string; rows: number }> {
  const file = path.join(dir, `${kind}-${spec.name}.csv`);
  const out = fs.createWriteStream(file);
  const csv = stringify({ cast: { boolean: (value) => String(value) } });
  csv.pipe(out);
  csv.write(spec.header);
  let rows = 0;
  for (const row of spec.rows) {
    rows++;
    if (!csv.write(row)) await once(csv, 'drain');
  }
  csv.end();
  await once(out, 'finish');
  return { path: file, rows };
}
