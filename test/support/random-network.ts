/**
 * A small random trust network for checking the network queries against an independent
 * computation. It is written straight into the graph (the data shapes, not the rules, are
 * under test here), and the expected answers are computed in plain TypeScript below.
 */
import { TestApp } from './test-app.js';

export type Status = 'APPROVED' | 'ENDED' | 'PENDING';
export interface Net {
  viewerId: string;
  people: string[];
  orgs: { id: string; name: string; supplies: string[] }[];
  employments: { personId: string; orgId: string; status: Status }[];
  edges: [string, string][];
  trades: {
    id: string;
    buyerId: string;
    supplierId: string;
    categoryId: string;
    status: 'CONFIRMED' | 'PENDING' | 'REJECTED';
    visibility: 'PUBLIC' | 'PRIVATE';
    occurredOn: string;
    recordedBy: string;
    feedback: [number, number, number] | null;
  }[];
  endorsements: {
    id: string;
    endorserId: string;
    supplierId: string;
    categoryId: string;
    rating: number;
    updatedAt: string;
  }[];
  referrals: { id: string; fromId: string; toId: string; supplierId: string; categoryId: string; createdAt: string }[];
  /** connectionsVisibility of the people who changed it from EVERYONE. */
  visibility: Record<string, 'CONNECTIONS' | 'ONLY_ME'>;
  /** People with appearInNetworkSearches: false. */
  optedOut: string[];
  /** [blocker, blocked]; blocking removed any connection between the two. */
  blocks: [string, string][];
}

export const IN_C = ['metals', 'metals-steel', 'metals-fasteners', 'metals-castings'];
const OUT_OF_C = ['plastics-resins', 'plastics-films-sheets'];

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Generates a network around `viewerId` (who already exists as a Person with an account), with
 * privacy settings and blocks unless `withPrivacy` is false.
 */
export function randomNetwork(seed: number, viewerId: string, withPrivacy = true): Net {
  const rnd = mulberry32(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(rnd() * list.length)];
  const tag = `s${seed}`;
  const people = [viewerId, ...Array.from({ length: 24 }, (_, i) => `${tag}-p${String(i).padStart(2, '0')}`)];
  const orgs = Array.from({ length: 8 }, (_, i) => ({
    id: `${tag}-o${i}`,
    name: `Org ${String.fromCharCode(65 + ((i * 5) % 8))}${i}`,
    supplies:
      i < 5 ? [pick(IN_C.slice(1)), ...(rnd() < 0.5 ? [pick(OUT_OF_C)] : [])] : rnd() < 0.5 ? [pick(OUT_OF_C)] : [],
  }));
  const employments: Net['employments'] = [];
  for (const personId of people) {
    const count = personId === viewerId ? 1 : Math.floor(rnd() * 3);
    for (let i = 0; i < count; i += 1) {
      const orgId = pick(orgs).id;
      if (employments.some((e) => e.personId === personId && e.orgId === orgId)) continue;
      employments.push({ personId, orgId, status: rnd() < 0.65 ? 'APPROVED' : rnd() < 0.6 ? 'ENDED' : 'PENDING' });
    }
  }
  const edges: [string, string][] = [];
  const key = (a: string, b: string) => [a, b].sort().join('|');
  const seen = new Set<string>();
  while (edges.length < 34) {
    const [a, b] = [pick(people), pick(people)];
    if (a === b || seen.has(key(a, b))) continue;
    seen.add(key(a, b));
    edges.push([a, b]);
  }
  const day = (offset: number) => new Date(Date.UTC(2026, 0, 1) - offset * 86400000).toISOString().slice(0, 10);
  const trades: Net['trades'] = Array.from({ length: 45 }, (_, i) => {
    const supplier = pick(orgs.slice(0, 5));
    let buyer = pick(orgs);
    while (buyer.id === supplier.id) buyer = pick(orgs);
    const members = employments.filter((e) => e.orgId === buyer.id).map((e) => e.personId);
    return {
      id: `${tag}-t${String(i).padStart(2, '0')}`,
      buyerId: buyer.id,
      supplierId: supplier.id,
      categoryId: rnd() < 0.8 ? pick(supplier.supplies.filter((c) => IN_C.includes(c))) : pick(OUT_OF_C),
      status: rnd() < 0.75 ? 'CONFIRMED' : rnd() < 0.5 ? 'PENDING' : 'REJECTED',
      visibility: rnd() < 0.7 ? 'PUBLIC' : 'PRIVATE',
      occurredOn: day(Math.floor(rnd() * 1500)),
      recordedBy: members.length > 0 && rnd() < 0.8 ? pick(members) : pick(people),
      feedback: rnd() < 0.5 ? [1 + Math.floor(rnd() * 5), 1 + Math.floor(rnd() * 5), 1 + Math.floor(rnd() * 5)] : null,
    };
  });
  const endorsements: Net['endorsements'] = [];
  for (let i = 0; i < 30; i += 1) {
    const supplier = pick(orgs.slice(0, 5));
    const endorserId = pick(people);
    const categoryId = pick(supplier.supplies);
    const isMember = employments.some(
      (e) => e.personId === endorserId && e.orgId === supplier.id && e.status === 'APPROVED',
    );
    if (isMember) continue;
    if (
      endorsements.some(
        (e) => e.endorserId === endorserId && e.supplierId === supplier.id && e.categoryId === categoryId,
      )
    )
      continue;
    endorsements.push({
      id: `${tag}-e${String(i).padStart(2, '0')}`,
      endorserId,
      supplierId: supplier.id,
      categoryId,
      rating: 1 + Math.floor(rnd() * 5),
      updatedAt: `${day(Math.floor(rnd() * 1000))}T12:00:00.000Z`,
    });
  }
  const referrals: Net['referrals'] = Array.from({ length: 10 }, (_, i) => {
    const supplier = pick(orgs.slice(0, 5));
    return {
      id: `${tag}-r${i}`,
      fromId: pick(people.slice(1)),
      toId: rnd() < 0.7 ? viewerId : pick(people.slice(1)),
      supplierId: supplier.id,
      categoryId: pick(supplier.supplies),
      createdAt: `${day(Math.floor(rnd() * 800))}T08:00:00.000Z`,
    };
  });
  // Privacy settings and blocks come from their own sequence, so the rest of a seed's network stays as it was.
  const privacy = mulberry32(seed * 7919 + 1);
  const visibility: Net['visibility'] = {};
  const optedOut: string[] = [];
  for (const personId of withPrivacy ? people.slice(1) : []) {
    const draw = privacy();
    if (draw < 0.2) visibility[personId] = 'CONNECTIONS';
    else if (draw < 0.4) visibility[personId] = 'ONLY_ME';
    if (privacy() < 0.15) optedOut.push(personId);
  }
  const other = () => people[1 + Math.floor(privacy() * (people.length - 1))];
  // The viewer's blocks are with people further away, who may still lie on the viewer's paths.
  const distant = () => {
    let personId = other();
    while (edges.some((edge) => edge.includes(viewerId) && edge.includes(personId))) personId = other();
    return personId;
  };
  const blocks: [string, string][] = withPrivacy
    ? [
        [viewerId, distant()],
        [distant(), viewerId],
        [other(), other()],
      ]
    : [];
  const blocked = blocks.filter(([a, b]) => a !== b);
  const isBlockedPair = ([a, b]: [string, string]) =>
    blocked.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
  return {
    viewerId,
    people,
    orgs,
    employments,
    edges: edges.filter((edge) => !isBlockedPair(edge)),
    trades,
    endorsements,
    referrals,
    visibility,
    optedOut,
    blocks: blocked,
  };
}

/** Writes the network into the graph with the production data model. */
export async function loadNetwork(t: TestApp, net: Net): Promise<void> {
  const w = (cypher: string, rows: unknown[]) => t.neo4j.write(`UNWIND $rows AS row ${cypher}`, { rows });
  await w(`MERGE (p:Person {id: row}) ON CREATE SET p.name = 'Person ' + row`, net.people);
  await w(
    `CREATE (o:Organization {id: row.id, name: row.name, country: 'DE', roles: ['BUYER', 'SUPPLIER']})
     WITH o, row UNWIND row.supplies AS categoryId MATCH (c:Category {id: categoryId}) MERGE (o)-[:SUPPLIES]->(c)`,
    net.orgs,
  );
  await w(
    `MATCH (p:Person {id: row.personId}), (o:Organization {id: row.orgId})
     CREATE (p)-[:WORKS_AT {id: randomUUID(), title: 'Staff', status: row.status, isAdmin: false,
       approvedAt: CASE WHEN row.status = 'PENDING' THEN null ELSE datetime() END}]->(o)`,
    net.employments,
  );
  await w(
    `MATCH (a:Person {id: row[0]}), (b:Person {id: row[1]}) CREATE (a)-[:CONNECTED_TO {since: datetime()}]->(b)`,
    net.edges,
  );
  await w(
    `MATCH (p:Person {id: row.id}) SET p.connectionsVisibility = row.visibility`,
    Object.entries(net.visibility).map(([id, visibility]) => ({ id, visibility })),
  );
  await w(`MATCH (p:Person {id: row}) SET p.appearInNetworkSearches = false`, net.optedOut);
  await w(
    `MATCH (a:Person {id: row[0]}), (b:Person {id: row[1]}) MERGE (a)-[:BLOCKED {createdAt: datetime()}]->(b)`,
    net.blocks,
  );
  await w(
    `MATCH (b:Organization {id: row.buyerId}), (s:Organization {id: row.supplierId}), (c:Category {id: row.categoryId}),
           (r:Person {id: row.recordedBy})
     CREATE (t:Trade {id: row.id, status: row.status, visibility: row.visibility, occurredOn: date(row.occurredOn),
                      amountBand: 'UNDER_10K', createdAt: datetime()})
     CREATE (t)-[:BUYER]->(b), (t)-[:SUPPLIER]->(s), (t)-[:IN_CATEGORY]->(c), (r)-[:RECORDED]->(t)
     FOREACH (f IN CASE WHEN row.feedback IS NULL THEN [] ELSE [row.feedback] END |
       CREATE (:Feedback {id: row.id + '-f', tradeId: row.id, quality: f[0], delivery: f[1], communication: f[2],
                          createdAt: datetime(), updatedAt: datetime()})-[:ABOUT]->(t))`,
    net.trades,
  );
  await w(
    `MATCH (p:Person {id: row.endorserId}), (s:Organization {id: row.supplierId}), (c:Category {id: row.categoryId})
     CREATE (p)-[:ENDORSED]->(e:Endorsement {id: row.id, endorserId: row.endorserId, supplierId: row.supplierId,
       categoryId: row.categoryId, rating: row.rating, createdAt: datetime(row.updatedAt), updatedAt: datetime(row.updatedAt)})
     CREATE (e)-[:OF]->(s), (e)-[:IN_CATEGORY]->(c)`,
    net.endorsements,
  );
  await w(
    `MATCH (a:Person {id: row.fromId}), (b:Person {id: row.toId}), (s:Organization {id: row.supplierId}), (c:Category {id: row.categoryId})
     CREATE (a)-[:REFERRED]->(r:Referral {id: row.id, createdAt: datetime(row.createdAt)})-[:REFERRED_TO]->(b)
     CREATE (r)-[:ABOUT]->(s), (r)-[:IN_CATEGORY]->(c)`,
    net.referrals,
  );
}
