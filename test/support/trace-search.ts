/**
 * Searches both databases for any trace of given texts (an email, a name, an id): every column of
 * every SQL table read as text, and every property of every Neo4j node and relationship.
 */
import { TestApp } from './test-app.js';

export interface Trace {
  where: string;
  property: string;
  value: string;
}

/** Every table and column of the SQL database, on SQLite and PostgreSQL. */
async function sqlColumns(t: TestApp): Promise<{ table: string; column: string }[]> {
  if (t.sql.options.type === 'postgres') {
    return t.sql.query(
      `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
       WHERE table_schema = current_schema()`,
    );
  }
  const tables: { name: string }[] = await t.sql.query(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
  );
  const columns = await Promise.all(
    tables.map(async ({ name }) =>
      ((await t.sql.query(`PRAGMA table_info("${name}")`)) as { name: string }[]).map((column) => ({
        table: name,
        column: column.name,
      })),
    ),
  );
  return columns.flat();
}

/** Cells of the SQL database whose text contains one of the needles, ignoring letter case. */
export async function sqlTraces(t: TestApp, needles: string[]): Promise<Trace[]> {
  const traces: Trace[] = [];
  for (const { table, column } of await sqlColumns(t)) {
    for (const needle of needles) {
      const rows: { value: string }[] = await t.sql
        .createQueryBuilder()
        .select(`CAST(x."${column}" AS TEXT)`, 'value')
        .from(table, 'x')
        .where(`LOWER(CAST(x."${column}" AS TEXT)) LIKE :pattern`, { pattern: `%${needle.toLowerCase()}%` })
        .getRawMany();
      traces.push(...rows.map((row) => ({ where: table, property: column, value: row.value })));
    }
  }
  return traces;
}

/** Node and relationship properties (list elements included) containing one of the needles, ignoring case. */
export async function graphTraces(t: TestApp, needles: string[]): Promise<Trace[]> {
  return t.neo4j.read<Trace>(
    `CALL () {
       MATCH (n) UNWIND keys(n) AS key
       RETURN 'node ' + reduce(s = '', l IN labels(n) | s + ':' + l) AS where, key, n[key] AS value
       UNION ALL
       MATCH ()-[r]->() UNWIND keys(r) AS key
       RETURN 'relationship :' + type(r) AS where, key, r[key] AS value
     }
     WITH where, key, CASE WHEN value IS :: LIST<ANY> THEN value ELSE [value] END AS values
     UNWIND values AS element
     WITH where, key, toString(element) AS text
     WHERE any(needle IN $needles WHERE toLower(text) CONTAINS needle)
     RETURN where, key AS property, text AS value`,
    { needles: needles.map((needle) => needle.toLowerCase()) },
  );
}
