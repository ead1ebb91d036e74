import { todayIso } from '#tradegraph/common';
import {
  BatchProgress,
  DEMO_ACCOUNTS,
  DEMO_NETWORK,
  DEMO_PASSWORD,
  DemoNetworkService,
  DemoSeeder,
  generateNetwork,
  GeneratedNetwork,
  NetworkCounts,
  planDemoTies,
} from '#tradegraph/demo';
import { GRAPH_MIGRATIONS } from '#tradegraph/graph';
import { newPerson, TestPerson } from './support/factories.js';
import { createTestApp, TestApp } from './support/test-app.js';

/** One number from a Cypher query returning `n`. */
const count = async (t: TestApp, cypher: string, params: Record<string, unknown> = {}) =>
  (await t.neo4j.read<{ n: number }>(cypher, params))[0].n;

describe('a generated network loaded into the graph', () => {
  let t: TestApp;
  let network: GeneratedNetwork;
  let counts: NetworkCounts;
  let viewer: TestPerson;
  const progress: BatchProgress[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const service = t.app.get(DemoNetworkService);
    network = generateNetwork({ seed: 11, people: 60, today: todayIso(), taxonomy: await service.taxonomy() });
    counts = await service.load(network, { batchSize: 50, onBatch: (batch) => progress.push(batch) });
    viewer = await newPerson(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('writes every generated row, in batches, and reports each batch', async () => {
    const supplies = network.organizations.reduce((sum, o) => sum + o.categoryIds.length, 0);
    const expected = {
      people: network.people.length,
      organizations: network.organizations.length,
      supplies,
      employments: network.employments.length,
      connections: network.connections.length,
      trades: network.trades.length,
      feedback: network.feedback.length,
      endorsements: network.endorsements.length,
      referrals: network.referrals.length,
    };
    expect(counts).toEqual(expected);
    const [stored] = await t.neo4j.read(
      `CALL () { MATCH (p:Person) WHERE p.id STARTS WITH 'demo-s11-' RETURN count(p) AS people }
       CALL () { MATCH (o:Organization) RETURN count(o) AS organizations }
       CALL () { MATCH (:Organization)-[s:SUPPLIES]->(:Category) RETURN count(s) AS supplies }
       CALL () { MATCH (:Person)-[w:WORKS_AT]->(:Organization) RETURN count(w) AS employments }
       CALL () { MATCH (:Person)-[c:CONNECTED_TO]->(:Person) RETURN count(c) AS connections }
       CALL () { MATCH (t:Trade) RETURN count(t) AS trades }
       CALL () { MATCH (f:Feedback) RETURN count(f) AS feedback }
       CALL () { MATCH (e:Endorsement) RETURN count(e) AS endorsements }
       CALL () { MATCH (r:Referral) RETURN count(r) AS referrals }
       RETURN people, organizations, supplies, employments, connections, trades, feedback, endorsements, referrals`,
    );
    expect(stored).toEqual(expected);
    expect(progress.filter((batch) => batch.part === 'people')).toEqual([
      { part: 'people', written: 50, total: 60 },
      { part: 'people', written: 60, total: 60 },
    ]);
    expect(progress.at(-1)).toEqual({
      part: 'referrals',
      written: network.referrals.length,
      total: network.referrals.length,
    });
  });

  it('stores dates as dates, timestamps as datetimes and scores as integers', async () => {
    const [types] = await t.neo4j.read(
      `MATCH (t:Trade) WITH collect(t) AS trades
       MATCH ()-[w:WORKS_AT]->() WITH trades, collect(w) AS works
       MATCH (e:Endorsement) WITH trades, works, collect(e) AS endorsements
       MATCH (f:Feedback) WITH trades, works, endorsements, collect(f) AS feedback
       RETURN all(t IN trades WHERE t.occurredOn IS :: DATE NOT NULL AND t.createdAt IS :: ZONED DATETIME NOT NULL) AS trades,
              all(w IN works WHERE w.startedOn IS :: DATE NOT NULL AND w.approvedAt IS :: ZONED DATETIME NOT NULL
                                 AND (w.status = 'APPROVED') = (w.endedOn IS NULL)) AS works,
              all(e IN endorsements WHERE e.rating IS :: INTEGER NOT NULL AND e.updatedAt IS :: ZONED DATETIME NOT NULL) AS endorsements,
              all(f IN feedback WHERE f.quality IS :: INTEGER NOT NULL AND f.communication IS :: INTEGER NOT NULL) AS feedback`,
    );
    expect(types).toEqual({ trades: true, works: true, endorsements: true, feedback: true });
  });

  it('has exactly one CONNECTED_TO per connected pair, and none to oneself', async () => {
    expect(await count(t, 'MATCH (p:Person)-[:CONNECTED_TO]->(p) RETURN count(*) AS n')).toBe(0);
    expect(
      await count(
        t,
        `MATCH (a:Person)-[c:CONNECTED_TO]-(b:Person) WHERE a.id < b.id
         WITH a, b, count(c) AS links WHERE links > 1 RETURN count(*) AS n`,
      ),
    ).toBe(0);
  });

  it('gives every organization a current admin, and each person at most one current employment', async () => {
    expect(
      await count(
        t,
        `MATCH (o:Organization) WHERE NOT EXISTS { (:Person)-[:WORKS_AT {status: 'APPROVED', isAdmin: true}]->(o) }
         RETURN count(o) AS n`,
      ),
    ).toBe(0);
    expect(
      await count(
        t,
        `MATCH (p:Person)-[w:WORKS_AT {status: 'APPROVED'}]->() WITH p, count(w) AS current WHERE current > 1
         RETURN count(p) AS n`,
      ),
    ).toBe(0);
  });

  it('keeps trades within the rules: supplied category, members recording and deciding', async () => {
    const broken = await t.neo4j.read(
      `MATCH (t:Trade)-[:BUYER]->(b:Organization), (t)-[:SUPPLIER]->(s:Organization), (t)-[:IN_CATEGORY]->(c:Category),
             (r:Person)-[:RECORDED]->(t)
       WHERE b = s OR NOT 'SUPPLIER' IN s.roles OR NOT EXISTS { (s)-[:SUPPLIES]->(c) }
          OR NOT EXISTS { (r)-[:WORKS_AT {status: 'APPROVED'}]->(b) }
          OR (t.status = 'CONFIRMED') <> EXISTS { (:Person)-[:CONFIRMED]->(t) }
          OR (t.status = 'REJECTED') <> EXISTS { (:Person)-[:REJECTED]->(t) }
          OR EXISTS { (d:Person)-[:CONFIRMED|REJECTED]->(t) WHERE NOT (d)-[:WORKS_AT {status: 'APPROVED'}]->(s) }
       RETURN t.id AS id`,
    );
    expect(broken).toEqual([]);
    expect(await count(t, `MATCH (t:Trade {status: 'CONFIRMED'}) RETURN count(t) AS n`)).toBe(
      network.trades.filter((trade) => trade.status === 'CONFIRMED').length,
    );
  });

  it('has only trades of two independent parties, which the independence migration leaves alone', async () => {
    const dependent = await t.neo4j.read(
      `MATCH (r:Person)-[:RECORDED]->(t:Trade)-[:BUYER]->(b:Organization), (t)-[:SUPPLIER]->(s:Organization)
       WHERE EXISTS { (r)-[:WORKS_AT {status: 'APPROVED'}]->(s) }
          OR EXISTS { (d:Person)-[:CONFIRMED]->(t) WHERE d = r OR EXISTS { (d)-[:WORKS_AT]->(b) } }
       RETURN t.id AS id`,
    );
    expect(dependent).toEqual([]);
    const confirmed = () => count(t, `MATCH (t:Trade {status: 'CONFIRMED'}) RETURN count(t) AS n`);
    const before = await confirmed();
    for (const statement of GRAPH_MIGRATIONS.find((m) => m.version === 6)!.statements) {
      if ('cypher' in statement) await t.neo4j.write(statement.cypher, statement.params ?? {});
    }
    expect(await confirmed()).toBe(before);
  });

  it('has feedback only on confirmed trades, at most one each, written by a current member of the buyer', async () => {
    const broken = await t.neo4j.read(
      `MATCH (a:Person)-[:WROTE]->(f:Feedback)-[:ABOUT]->(t:Trade)-[:BUYER]->(b:Organization)
       WHERE t.status <> 'CONFIRMED' OR f.tradeId <> t.id OR NOT EXISTS { (a)-[:WORKS_AT {status: 'APPROVED'}]->(b) }
          OR EXISTS { (t)-[:SUPPLIER]->(:Organization)<-[:WORKS_AT {status: 'APPROVED'}]-(a) }
       RETURN f.id AS id`,
    );
    expect(broken).toEqual([]);
    expect(await count(t, 'MATCH (t:Trade) WHERE COUNT { (:Feedback)-[:ABOUT]->(t) } > 1 RETURN count(t) AS n')).toBe(
      0,
    );
  });

  it('has endorsements only by outsiders, in categories the supplier supplies', async () => {
    const broken = await t.neo4j.read(
      `MATCH (p:Person)-[:ENDORSED]->(e:Endorsement)-[:OF]->(s:Organization), (e)-[:IN_CATEGORY]->(c:Category)
       WHERE EXISTS { (p)-[:WORKS_AT {status: 'APPROVED'}]->(s) } OR NOT EXISTS { (s)-[:SUPPLIES]->(c) }
          OR e.endorserId <> p.id OR e.supplierId <> s.id OR e.categoryId <> c.id
       RETURN e.id AS id`,
    );
    expect(broken).toEqual([]);
    expect(await count(t, 'MATCH (e:Endorsement) RETURN count(e) AS n')).toBe(network.endorsements.length);
  });

  it('has referrals only between connected people, about a supplier of the category', async () => {
    const broken = await t.neo4j.read(
      `MATCH (a:Person)-[:REFERRED]->(r:Referral)-[:REFERRED_TO]->(b:Person), (r)-[:ABOUT]->(s:Organization),
             (r)-[:IN_CATEGORY]->(c:Category)
       WHERE NOT EXISTS { (a)-[:CONNECTED_TO]-(b) } OR NOT EXISTS { (s)-[:SUPPLIES]->(c) }
       RETURN r.id AS id`,
    );
    expect(broken).toEqual([]);
    expect(await count(t, 'MATCH (r:Referral) RETURN count(r) AS n')).toBe(network.referrals.length);
  });

  it('is read through the API like any other data', async () => {
    const organization = network.organizations.find((o) => o.roles.includes('SUPPLIER'))!;
    const members = network.employments.filter((e) => e.organizationId === organization.id && e.status === 'APPROVED');
    const res = await t.gql(
      `query($id: ID!) { organization(id: $id) { name roles suppliedCategories { id }
         members(first: 100) { totalCount edges { node { title isAdmin person { id name } } } } } }`,
      { id: organization.id },
      viewer.token,
    );
    expect(res.errors).toBeUndefined();
    const read = res.data!.organization;
    expect(read.name).toBe(organization.name);
    expect(read.suppliedCategories.map((c: { id: string }) => c.id).sort()).toEqual(
      [...organization.categoryIds].sort(),
    );
    expect(read.members.totalCount).toBe(members.length);
    expect(read.members.edges.map((edge: any) => edge.node.person.id).sort()).toEqual(
      members.map((e) => e.personId).sort(),
    );
    expect(read.members.edges.some((edge: any) => edge.node.isAdmin)).toBe(true);
  });

  it('writes nothing of a batch that refers to a missing node', async () => {
    const service = t.app.get(DemoNetworkService);
    await expect(
      service.load({
        referrals: [
          { ...network.referrals[0], id: 'demo-test-ok' },
          { ...network.referrals[1], id: 'demo-test-broken', toId: 'nobody' },
        ],
      }),
    ).rejects.toThrow(/referrals/);
    expect(await count(t, `MATCH (r:Referral) WHERE r.id STARTS WITH 'demo-test-' RETURN count(r) AS n`)).toBe(0);
  });
});

describe('the seeded demo network', () => {
  let t: TestApp;
  let adaId: string;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp();
    expect(await t.app.get(DemoSeeder).seed()).toBe(true);
    const login = await t.gql(`mutation($input: LoginInput!) { login(input: $input) { accessToken person { id } } }`, {
      input: { email: DEMO_ACCOUNTS[0].email, password: DEMO_PASSWORD },
    });
    adaId = login.data!.login.person.id;
    token = login.data!.login.accessToken;
  });
  afterAll(async () => {
    await t.close();
  });

  it('adds the generated people as graph-only people next to the demo accounts', async () => {
    expect(await count(t, 'MATCH (p:Person) RETURN count(p) AS n')).toBe(DEMO_ACCOUNTS.length + DEMO_NETWORK.people);
    const [accounts] = await t.sql.query('SELECT count(*) AS n FROM accounts');
    expect(Number(accounts.n)).toBe(DEMO_ACCOUNTS.length);
  });

  it('connects Ada to generated people whose networks traded in metals and electronic components', async () => {
    expect(await count(t, 'MATCH (:Person {id: $adaId})-[c:CONNECTED_TO]-() RETURN count(c) AS n', { adaId })).toBe(
      DEMO_NETWORK.tie.connections,
    );
    for (const root of DEMO_NETWORK.tie.rootIds) {
      const [reach] = await t.neo4j.read<{ buyers: number; suppliers: number }>(
        `MATCH (ada:Person {id: $adaId})-[:CONNECTED_TO*1..2]-(p:Person)-[:WORKS_AT {status: 'APPROVED'}]->(b:Organization)
         MATCH (b)<-[:BUYER]-(t:Trade {status: 'CONFIRMED', visibility: 'PUBLIC'})-[:SUPPLIER]->(s:Organization),
               (t)-[:IN_CATEGORY]->(:Category)-[:CHILD_OF]->(:Category {id: $root})
         RETURN count(DISTINCT b) AS buyers, count(DISTINCT s) AS suppliers`,
        { adaId, root },
      );
      expect(reach.buyers).toBeGreaterThanOrEqual(3);
      expect(reach.suppliers).toBeGreaterThanOrEqual(3);
    }
  });

  it('answers Ada’s networkTradersWith and supplierShortlist richly', async () => {
    // The supplier the seeder suggests in its log line.
    const service = t.app.get(DemoNetworkService);
    const today = todayIso();
    const taxonomy = await service.taxonomy();
    const network = generateNetwork({ seed: DEMO_NETWORK.seed, people: DEMO_NETWORK.people, today, taxonomy });
    const { account: _, ...tie } = DEMO_NETWORK.tie;
    const { featuredSupplierId } = planDemoTies(network, {
      ...tie,
      personId: adaId,
      givenName: 'Ada',
      seed: DEMO_NETWORK.seed,
      today,
      taxonomy,
    });
    const traders = await t.gql(
      `query($id: ID!) { networkTradersWith(supplierId: $id) { totalCount edges { node { degree organization { id } } } } }`,
      { id: featuredSupplierId },
      token,
    );
    expect(traders.errors).toBeUndefined();
    const { totalCount, edges } = traders.data!.networkTradersWith;
    expect(totalCount).toBeGreaterThanOrEqual(3);
    expect(new Set(edges.map((edge: any) => edge.node.organization.id)).size).toBeGreaterThanOrEqual(2);

    for (const categoryId of DEMO_NETWORK.tie.rootIds) {
      const shortlist = await t.gql(
        `query($categoryId: ID!) { supplierShortlist(categoryId: $categoryId) {
          edges { node { score supplier { id } evidence { edges { node { kind } } } } } } }`,
        { categoryId },
        token,
      );
      expect(shortlist.errors).toBeUndefined();
      const suppliers = shortlist.data!.supplierShortlist.edges.map((edge: any) => edge.node);
      expect(suppliers.length).toBeGreaterThanOrEqual(5);
      const kinds = new Set(suppliers.flatMap((s: any) => s.evidence.edges.map((e: any) => e.node.kind)));
      expect(kinds).toEqual(new Set(['ENDORSEMENT', 'TRADE', 'REFERRAL']));
    }
  });

  it('gives Ada referrals from her connections, and keeps her own organizations as they were', async () => {
    const referrals = await t.neo4j.read<{ connected: boolean; supplies: boolean }>(
      `MATCH (from:Person)-[:REFERRED]->(r:Referral)-[:REFERRED_TO]->(:Person {id: $adaId}),
             (r)-[:ABOUT]->(s:Organization), (r)-[:IN_CATEGORY]->(c:Category)
       RETURN EXISTS { (from)-[:CONNECTED_TO]-(:Person {id: $adaId}) } AS connected,
              EXISTS { (s)-[:SUPPLIES]->(c) } AS supplies`,
      { adaId },
    );
    expect(referrals.length).toBe(DEMO_NETWORK.tie.referrals);
    expect(referrals.every((r) => r.connected && r.supplies)).toBe(true);

    const me = await t.gql(
      `query { me { name employments { edges { node { status organization { name members { totalCount } } } } } } }`,
      {},
      token,
    );
    expect(me.data!.me.employments.edges.map((edge: any) => edge.node)).toContainEqual({
      status: 'APPROVED',
      organization: { name: 'Cascade Machinery Inc.', members: { totalCount: 2 } },
    });
  });

  it('seeds again after only the accounts were reset: the same network stays, the new Ada is tied into it', async () => {
    for (const table of ['audit_log', 'refresh_tokens', 'accounts']) await t.sql.query(`DELETE FROM ${table}`);
    expect(await t.app.get(DemoSeeder).seed()).toBe(true);
    const login = await t.gql(`mutation($input: LoginInput!) { login(input: $input) { person { id } } }`, {
      input: { email: DEMO_ACCOUNTS[0].email, password: DEMO_PASSWORD },
    });
    const newAdaId = login.data!.login.person.id;
    expect(newAdaId).not.toBe(adaId);
    expect(await count(t, `MATCH (p:Person) WHERE p.id STARTS WITH 'demo-s7-' RETURN count(p) AS n`)).toBe(
      DEMO_NETWORK.people,
    );
    expect(
      await count(t, 'MATCH (:Person {id: $id})-[c:CONNECTED_TO]-(:Person) RETURN count(c) AS n', { id: newAdaId }),
    ).toBe(DEMO_NETWORK.tie.connections);
    expect(
      await count(t, 'MATCH (:Person {id: $id})<-[:REFERRED_TO]-(r:Referral) RETURN count(r) AS n', { id: newAdaId }),
    ).toBe(DEMO_NETWORK.tie.referrals);
  });
});
