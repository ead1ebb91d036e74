import { BenchCase, PAGE } from './cases.js';
import { GraphQLAnswer } from './measure.js';

export interface TraderRow {
  personId: string;
  degree: number;
  tradeCount: number;
  lastTradedOn: string;
  organizationId: string;
  averageRating: number | null;
}

const key = (r: TraderRow) =>
  [
    r.personId,
    r.degree,
    r.tradeCount,
    String(r.lastTradedOn),
    r.organizationId,
    r.averageRating?.toFixed(6) ?? '-',
  ].join('|');

interface HttpNode {
  degree: number;
  tradeCount: number;
  lastTradedOn: string;
  averageRating: number | null;
  person: { id: string } | null;
  organization: { id: string };
}

/**
 * The API's page, the raw statement's page and PostgreSQL's rows must agree: the same people with the
 * same degree, trade count, latest trade date and buyer, and average rating, in the same order, and
 * the same total. Returns one line per disagreement.
 */
export function crossCheck(
  c: BenchCase,
  http: GraphQLAnswer,
  raw: Record<string, unknown>[],
  sql: TraderRow[],
): string[] {
  const where = `${c.name} (${c.viewer})`;
  const page = http.data?.networkTradersWith as { totalCount: number; edges: { node: HttpNode }[] };
  const fromHttp = page.edges.map(({ node }) => ({
    personId: node.person?.id ?? '(hidden)',
    degree: node.degree,
    tradeCount: node.tradeCount,
    lastTradedOn: node.lastTradedOn,
    organizationId: node.organization.id,
    averageRating: node.averageRating,
  }));
  const rawRow = raw[0] as { total: number; items: TraderRow[] } | undefined;
  const fromRaw = (rawRow?.items ?? []).map((item) => ({ ...item, lastTradedOn: String(item.lastTradedOn) }));
  const fromSql = sql
    .slice(0, PAGE)
    .map((r) => ({ ...r, averageRating: r.averageRating === null ? null : Number(r.averageRating) }));
  const problems: string[] = [];
  const totals = [page.totalCount, rawRow?.total ?? 0, sql.length];
  if (new Set(totals).size !== 1) problems.push(`${where}: totals differ (API, raw, SQL) = ${totals.join(', ')}`);
  const [a, b, s] = [fromHttp.map(key), fromRaw.map(key), fromSql.map(key)];
  for (let i = 0; i < Math.max(a.length, b.length, s.length); i += 1) {
    if (a[i] !== b[i] || a[i] !== s[i]) {
      problems.push(`${where}: row ${i} differs: API ${a[i]} / raw ${b[i]} / SQL ${s[i]}`);
      break;
    }
  }
  return problems;
}
