import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import pg from 'pg';

/** A throwaway PostgreSQL cluster, started and stopped through the same script CI uses (.ci/postgres.sh). */
export interface ThrowawayPostgres {
  url: string;
  stop(): void;
}

const SCRIPT = path.resolve('.ci/postgres.sh');

export function startPostgres(log: (line: string) => void): ThrowawayPostgres {
  const out = execFileSync(
    'bash',
    ['-c', `source "${SCRIPT}" && pg_start >&2 && pg_createdb bench >&2 && echo "$PG_URL|$PG_DIR|$PG_BIN"`],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [url, dir, bin] = out.trim().split('\n').pop()!.split('|');
  log(`PostgreSQL ready at ${url}/bench.`);
  return {
    url: `${url}/bench`,
    stop: () => {
      execFileSync('bash', ['-c', `source "${SCRIPT}" && PG_DIR="$1" && PG_BIN="$2" && pg_stop`, 'pg', dir, bin], {
        stdio: 'inherit',
      });
    },
  };
}

/** The relational schema a SQL engineer would write for the same facts, with the indexes the query needs. */
const SCHEMA = `
CREATE TABLE person (id text PRIMARY KEY, appear_in_network_searches boolean NOT NULL DEFAULT true);
CREATE TABLE connection (a text NOT NULL, b text NOT NULL);
CREATE TABLE blocked (blocker text NOT NULL, blocked text NOT NULL);
CREATE TABLE employment (person_id text NOT NULL, organization_id text NOT NULL, status text NOT NULL);
CREATE TABLE trade (id text PRIMARY KEY, buyer_id text NOT NULL, supplier_id text NOT NULL, status text NOT NULL,
                    visibility text NOT NULL, occurred_on text NOT NULL, recorded_by text NOT NULL);
CREATE TABLE feedback (trade_id text NOT NULL, rating double precision NOT NULL);`;

const INDEXES = `
CREATE INDEX connection_a ON connection (a, b);
CREATE INDEX blocked_pair ON blocked (blocker, blocked);
CREATE INDEX employment_org ON employment (organization_id, status, person_id);
CREATE INDEX employment_person ON employment (person_id, status, organization_id);
CREATE INDEX trade_supplier ON trade (supplier_id, status);
CREATE INDEX feedback_trade ON feedback (trade_id);
ANALYZE;`;

export interface TableRows {
  person: { id: string; appear: boolean }[];
  connection: { a: string; b: string }[];
  blocked: { blocker: string; blocked: string }[];
  employment: { personId: string; organizationId: string; status: string }[];
  trade: {
    id: string;
    buyerId: string;
    supplierId: string;
    status: string;
    visibility: string;
    occurredOn: string;
    recordedBy: string;
  }[];
  feedback: { tradeId: string; rating: number }[];
}

/** Loads the rows with multi-row INSERTs of unnest()ed arrays (each connection stored both ways). */
export async function loadPostgres(client: pg.Client, rows: TableRows): Promise<void> {
  await client.query(SCHEMA);
  const insert = async <T>(
    table: string,
    columns: string[],
    types: string[],
    data: T[],
    pick: (row: T) => unknown[],
  ) => {
    for (let start = 0; start < data.length; start += 50_000) {
      const batch = data.slice(start, start + 50_000).map(pick);
      const arrays = columns.map((_, i) => batch.map((row) => row[i]));
      const unnest = types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
      await client.query(`INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${unnest})`, arrays);
    }
  };
  await insert('person', ['id', 'appear_in_network_searches'], ['text', 'boolean'], rows.person, (r) => [
    r.id,
    r.appear,
  ]);
  const both = rows.connection.flatMap((c) => [c, { a: c.b, b: c.a }]);
  await insert('connection', ['a', 'b'], ['text', 'text'], both, (r) => [r.a, r.b]);
  await insert('blocked', ['blocker', 'blocked'], ['text', 'text'], rows.blocked, (r) => [r.blocker, r.blocked]);
  await insert(
    'employment',
    ['person_id', 'organization_id', 'status'],
    ['text', 'text', 'text'],
    rows.employment,
    (r) => [r.personId, r.organizationId, r.status],
  );
  await insert(
    'trade',
    ['id', 'buyer_id', 'supplier_id', 'status', 'visibility', 'occurred_on', 'recorded_by'],
    ['text', 'text', 'text', 'text', 'text', 'text', 'text'],
    rows.trade,
    (r) => [r.id, r.buyerId, r.supplierId, r.status, r.visibility, r.occurredOn, r.recordedBy],
  );
  await insert('feedback', ['trade_id', 'rating'], ['text', 'float8'], rows.feedback, (r) => [r.tradeId, r.rating]);
  await client.query(INDEXES);
}

/**
 * "Who in my network traded with X", the way a SQL engineer would write it: the viewer's network
 * level by level (each level the new neighbours of the previous one, with the exact distance), the
 * supplier's visible confirmed trades and the people behind them (current buyer members and the
 * recorder), joined on the person; blocks either way and opted-out people left out; ordered like the API.
 */
export const NETWORK_TRADERS_SQL = `
WITH
visible_trade AS (
  SELECT t.* FROM trade t
  WHERE t.supplier_id = $2 AND t.status = 'CONFIRMED'
    AND (t.visibility = 'PUBLIC' OR EXISTS (
      SELECT 1 FROM employment e WHERE e.person_id = $1 AND e.status = 'APPROVED'
        AND e.organization_id IN (t.buyer_id, t.supplier_id)))
),
trade_person AS (
  SELECT e.person_id, t.id AS trade_id FROM visible_trade t
  JOIN employment e ON e.organization_id = t.buyer_id AND e.status = 'APPROVED'
  UNION
  SELECT t.recorded_by, t.id FROM visible_trade t
),
level1 AS (SELECT DISTINCT c.b AS person_id FROM connection c WHERE c.a = $1 AND c.b <> $1),
level2 AS (
  SELECT DISTINCT c.b AS person_id FROM level1 l JOIN connection c ON c.a = l.person_id
  WHERE $3::int >= 2 AND c.b <> $1 AND NOT EXISTS (SELECT 1 FROM level1 x WHERE x.person_id = c.b)
),
level3 AS (
  SELECT DISTINCT c.b AS person_id FROM level2 l JOIN connection c ON c.a = l.person_id
  WHERE $3::int >= 3 AND c.b <> $1
    AND NOT EXISTS (SELECT 1 FROM level1 x WHERE x.person_id = c.b)
    AND NOT EXISTS (SELECT 1 FROM level2 x WHERE x.person_id = c.b)
),
network AS (
  SELECT person_id, 1 AS degree FROM level1 UNION ALL
  SELECT person_id, 2 FROM level2 UNION ALL
  SELECT person_id, 3 FROM level3
),
candidate AS (
  SELECT tp.person_id, n.degree, t.id AS trade_id, t.occurred_on, t.buyer_id, f.rating
  FROM trade_person tp
  JOIN network n ON n.person_id = tp.person_id
  JOIN visible_trade t ON t.id = tp.trade_id
  JOIN person p ON p.id = tp.person_id AND p.appear_in_network_searches
  LEFT JOIN feedback f ON f.trade_id = t.id
  WHERE NOT EXISTS (SELECT 1 FROM blocked b WHERE (b.blocker = $1 AND b.blocked = tp.person_id)
                                              OR (b.blocker = tp.person_id AND b.blocked = $1))
)
SELECT person_id AS "personId", degree, count(*)::int AS "tradeCount",
       (array_agg(occurred_on ORDER BY occurred_on DESC, trade_id ASC))[1] AS "lastTradedOn",
       (array_agg(buyer_id ORDER BY occurred_on DESC, trade_id ASC))[1] AS "organizationId",
       avg(rating) AS "averageRating"
FROM candidate
GROUP BY person_id, degree
ORDER BY degree ASC, "tradeCount" DESC, "lastTradedOn" DESC, "personId" ASC`;
