import * as fs from 'node:fs';
import * as path from 'node:path';
import { once } from 'node:events';
import { websiteDomain } from '#tradegraph/common';
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

/** The importer's header type of a column: '' for a plain string property. */
type CsvType = '' | 'datetime' | 'date' | 'long' | 'boolean' | 'string[]';

/** One column of a file: its property name, its importer type and how a row's value is got. */
type Column<T> = [name: string, type: CsvType, value: (row: T) => Cell];

interface FileSpec {
  name: string;
  /** The importer's typed header, e.g. `id:ID(Person)`, `createdAt:datetime`, `:START_ID(Person)`. */
  header: string[];
  rows: Iterable<Cell[]>;
}

/** The header and the rows of `items`, both from one column list. */
function table<T>(name: string, items: readonly T[], columns: [header: string, value: (row: T) => Cell][]): FileSpec {
  return {
    name,
    header: columns.map(([header]) => header),
    rows: (function* () {
      for (const item of items) yield columns.map(([, value]) => value(item));
    })(),
  };
}

const typed = <T>([name, type, value]: Column<T>): [string, (row: T) => Cell] => [
  type ? `${name}:${type}` : name,
  value,
];

/** The nodes of one label: an `id` column, then `columns`. */
function nodeFile<T extends { id: string }>(name: string, label: string, items: readonly T[], columns: Column<T>[]) {
  return table(name, items, [[`id:ID(${label})`, (row) => row.id], ...columns.map(typed), [':LABEL', () => label]]);
}

/** The relationships of one type from `start` nodes to `end` nodes (label and id getter each), then `columns`. */
function relationshipFile<T>(
  name: string,
  type: string,
  [startLabel, startId]: [string, (row: T) => string],
  [endLabel, endId]: [string, (row: T) => string],
  items: readonly T[],
  columns: Column<T>[] = [],
) {
  return table(name, items, [
    [`:START_ID(${startLabel})`, startId],
    [`:END_ID(${endLabel})`, endId],
    ...columns.map(typed),
    [':TYPE', () => type],
  ]);
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
  const categories = taxonomy.flatMap((root) => [root, ...root.children]).map(({ id }) => ({ id }));
  const decided = (status: string) => n.trades.filter((t) => t.status === status && t.decidedById !== null);
  const nodeSpecs: FileSpec[] = [
    nodeFile('categories', 'Category', categories, []),
    nodeFile('people', 'Person', n.people, [
      ['name', '', (p) => p.name],
      ['headline', '', (p) => p.headline],
      ['country', '', (p) => p.country],
      ['createdAt', 'datetime', (p) => p.createdAt],
    ]),
    nodeFile('organizations', 'Organization', n.organizations, [
      ['name', '', (o) => o.name],
      ['country', '', (o) => o.country],
      ['roles', 'string[]', (o) => o.roles.join(';')],
      ['website', '', (o) => o.website],
      ['websiteDomain', '', (o) => websiteDomain(o.website)],
      ['description', '', (o) => o.description],
      ['createdAt', 'datetime', (o) => o.createdAt],
    ]),
    nodeFile('trades', 'Trade', n.trades, [
      ['occurredOn', 'date', (t) => t.occurredOn],
      ['amountBand', '', (t) => t.amountBand],
      ['visibility', '', (t) => t.visibility],
      ['status', '', (t) => t.status],
      ['createdAt', 'datetime', (t) => t.createdAt],
      ['confirmedAt', 'datetime', (t) => (t.status === 'CONFIRMED' ? t.decidedAt : null)],
      ['rejectedAt', 'datetime', (t) => (t.status === 'REJECTED' ? t.decidedAt : null)],
      ['rejectionReason', '', (t) => t.rejectionReason],
    ]),
    nodeFile('feedback', 'Feedback', n.feedback, [
      ['tradeId', '', (f) => f.tradeId],
      ['quality', 'long', (f) => f.quality],
      ['delivery', 'long', (f) => f.delivery],
      ['communication', 'long', (f) => f.communication],
      ['comment', '', (f) => f.comment],
      ['createdAt', 'datetime', (f) => f.createdAt],
      ['updatedAt', 'datetime', (f) => f.updatedAt],
    ]),
    nodeFile('endorsements', 'Endorsement', n.endorsements, [
      ['endorserId', '', (e) => e.endorserId],
      ['supplierId', '', (e) => e.supplierId],
      ['categoryId', '', (e) => e.categoryId],
      ['rating', 'long', (e) => e.rating],
      ['comment', '', (e) => e.comment],
      ['createdAt', 'datetime', (e) => e.createdAt],
      ['updatedAt', 'datetime', (e) => e.updatedAt],
    ]),
    nodeFile('referrals', 'Referral', n.referrals, [
      ['message', '', (r) => r.message],
      ['createdAt', 'datetime', (r) => r.createdAt],
    ]),
  ];
  const supplies = n.organizations.flatMap((o) => o.categoryIds.map((categoryId) => ({ id: o.id, categoryId })));
  const relationshipSpecs: FileSpec[] = [
    relationshipFile(
      'supplies',
      'SUPPLIES',
      ['Organization', (s) => s.id],
      ['Category', (s) => s.categoryId],
      supplies,
    ),
    relationshipFile(
      'employments',
      'WORKS_AT',
      ['Person', (e) => e.personId],
      ['Organization', (e) => e.organizationId],
      n.employments,
      [
        ['id', '', (e) => e.id],
        ['title', '', (e) => e.title],
        ['status', '', (e) => e.status],
        ['isAdmin', 'boolean', (e) => e.isAdmin],
        ['startedOn', 'date', (e) => e.startedOn],
        ['endedOn', 'date', (e) => e.endedOn],
        ['approvedAt', 'datetime', (e) => e.approvedAt],
        ['createdAt', 'datetime', (e) => e.createdAt],
      ],
    ),
    relationshipFile(
      'connections',
      'CONNECTED_TO',
      ['Person', (c) => c.fromId],
      ['Person', (c) => c.toId],
      n.connections,
      [['since', 'datetime', (c) => c.since]],
    ),
    relationshipFile('trade-buyers', 'BUYER', ['Trade', (t) => t.id], ['Organization', (t) => t.buyerId], n.trades),
    relationshipFile(
      'trade-suppliers',
      'SUPPLIER',
      ['Trade', (t) => t.id],
      ['Organization', (t) => t.supplierId],
      n.trades,
    ),
    relationshipFile(
      'trade-categories',
      'IN_CATEGORY',
      ['Trade', (t) => t.id],
      ['Category', (t) => t.categoryId],
      n.trades,
    ),
    relationshipFile(
      'trade-recorders',
      'RECORDED',
      ['Person', (t) => t.recordedById],
      ['Trade', (t) => t.id],
      n.trades,
    ),
    ...(['CONFIRMED', 'REJECTED'] as const).map((status) =>
      relationshipFile(
        `trade-${status.toLowerCase()}`,
        status,
        ['Person', (t) => t.decidedById ?? ''],
        ['Trade', (t) => t.id],
        decided(status),
        [['at', 'datetime', (t) => t.decidedAt]],
      ),
    ),
    relationshipFile('feedback-authors', 'WROTE', ['Person', (f) => f.authorId], ['Feedback', (f) => f.id], n.feedback),
    relationshipFile('feedback-trades', 'ABOUT', ['Feedback', (f) => f.id], ['Trade', (f) => f.tradeId], n.feedback),
    relationshipFile(
      'endorsers',
      'ENDORSED',
      ['Person', (e) => e.endorserId],
      ['Endorsement', (e) => e.id],
      n.endorsements,
    ),
    relationshipFile(
      'endorsed',
      'OF',
      ['Endorsement', (e) => e.id],
      ['Organization', (e) => e.supplierId],
      n.endorsements,
    ),
    relationshipFile(
      'endorsement-categories',
      'IN_CATEGORY',
      ['Endorsement', (e) => e.id],
      ['Category', (e) => e.categoryId],
      n.endorsements,
    ),
    relationshipFile('referrers', 'REFERRED', ['Person', (r) => r.fromId], ['Referral', (r) => r.id], n.referrals),
    relationshipFile('referred', 'REFERRED_TO', ['Referral', (r) => r.id], ['Person', (r) => r.toId], n.referrals),
    relationshipFile(
      'referral-suppliers',
      'ABOUT',
      ['Referral', (r) => r.id],
      ['Organization', (r) => r.supplierId],
      n.referrals,
    ),
    relationshipFile(
      'referral-categories',
      'IN_CATEGORY',
      ['Referral', (r) => r.id],
      ['Category', (r) => r.categoryId],
      n.referrals,
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
