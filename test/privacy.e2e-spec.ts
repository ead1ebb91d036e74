import { newPerson, TestPerson } from './support/factories.js';
import { shortlistOf } from './support/page-helpers.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';

const SETTINGS = 'connectionsVisibility appearInNetworkSearches';
const ME_SETTINGS = `query { me { privacySettings { ${SETTINGS} } } }`;
const UPDATE = `mutation Update($input: UpdatePrivacySettingsInput!) {
  updatePrivacySettings(input: $input) { ${SETTINGS} }
}`;
const PERSON_NETWORK = `query($id: ID!) { person(id: $id) { connectionCount connections { totalCount edges { node { id } } } privacySettings { ${SETTINGS} } } }`;
const TRADERS = `query($supplierId: ID!, $maxDegree: Int) {
  networkTradersWith(supplierId: $supplierId, maxDegree: $maxDegree) { totalCount edges { node { person { id } } } }
}`;
const SHORTLIST = `query($categoryId: ID!) {
  supplierShortlist(categoryId: $categoryId) {
    edges { node { score supplier { id } evidence { edges { node { kind degree contribution person { id } trade { id } } } } } }
  }
}`;
const SUMMARY = `query($supplierId: ID!, $maxDegree: Int) {
  networkTradeSummary(supplierId: $supplierId, maxDegree: $maxDegree) {
    supplier { id } maxDegree total byDegree { degree people }
  }
}`;
const STEEL = 'metals-steel';

describe('privacy settings and what others see', () => {
  let t: TestApp;
  let seq = 0;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const update = (who: TestPerson, input: Record<string, unknown>) => t.gql(UPDATE, { input }, who.token);
  const connect = (a: TestPerson | { id: string }, b: TestPerson | { id: string }) =>
    t.neo4j.write(
      'MATCH (a:Person {id: $a}), (b:Person {id: $b}) CREATE (a)-[:CONNECTED_TO {since: datetime()}]->(b)',
      { a: a.id, b: b.id },
    );
  /** A supplier of steel, created straight in the graph. */
  const newSupplier = async () => {
    const id = `supplier-${++seq}-${Math.random().toString(36).slice(2, 8)}`;
    await t.neo4j.write(
      `MATCH (c:Category {id: $category})
       CREATE (o:Organization {id: $id, name: $id, country: 'DE', roles: ['SUPPLIER']})-[:SUPPLIES]->(c)`,
      { id, category: STEEL },
    );
    return id;
  };
  /** A confirmed public steel trade with the supplier, bought by a fresh organization where `person` works and recorded by them. */
  const trade = async (person: { id: string }, supplierId: string) => {
    const id = `trade-${++seq}`;
    await t.neo4j.write(
      `MATCH (p:Person {id: $personId}), (s:Organization {id: $supplierId}), (c:Category {id: $category})
       CREATE (b:Organization {id: $id + '-buyer', name: $id + ' buyer', country: 'DE', roles: ['BUYER']}),
              (p)-[:WORKS_AT {id: $id + '-w', title: 'Buyer', status: 'APPROVED', isAdmin: true, approvedAt: datetime()}]->(b),
              (t:Trade {id: $id, status: 'CONFIRMED', visibility: 'PUBLIC', occurredOn: date(), amountBand: 'UNDER_10K',
                        createdAt: datetime()}),
              (t)-[:BUYER]->(b), (t)-[:SUPPLIER]->(s), (t)-[:IN_CATEGORY]->(c), (p)-[:RECORDED]->(t)`,
      { id, personId: person.id, supplierId, category: STEEL },
    );
    return id;
  };

  describe('settings', () => {
    it('defaults to connections visible to everyone and appearing in network searches', async () => {
      const ada = await newPerson(t);
      const res = await t.gql(ME_SETTINGS, {}, ada.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.me.privacySettings).toEqual({
        connectionsVisibility: 'EVERYONE',
        appearInNetworkSearches: true,
      });
    });

    it('changes only the given settings and keeps the others', async () => {
      const ada = await newPerson(t);
      const first = await update(ada, { connectionsVisibility: 'CONNECTIONS' });
      expect(first.errors).toBeUndefined();
      expect(first.data!.updatePrivacySettings).toEqual({
        connectionsVisibility: 'CONNECTIONS',
        appearInNetworkSearches: true,
      });
      await update(ada, { appearInNetworkSearches: false });
      const res = await t.gql(ME_SETTINGS, {}, ada.token);
      expect(res.data!.me.privacySettings).toEqual({
        connectionsVisibility: 'CONNECTIONS',
        appearInNetworkSearches: false,
      });
    });

    it('rejects an unknown visibility and an anonymous caller, storing nothing', async () => {
      const ada = await newPerson(t);
      const bad = await update(ada, { connectionsVisibility: 'FRIENDS' });
      expect(onlyError(bad).extensions.code).toBe('BAD_USER_INPUT');
      const anonymous = await t.gql(UPDATE, { input: { connectionsVisibility: 'ONLY_ME' } });
      expect(onlyError(anonymous).extensions.code).toBe('UNAUTHENTICATED');
      const res = await t.gql(ME_SETTINGS, {}, ada.token);
      expect(res.data!.me.privacySettings.connectionsVisibility).toBe('EVERYONE');
    });

    it('are visible to nobody else', async () => {
      const [ada, ben] = [await newPerson(t), await newPerson(t)];
      const res = await t.gql(PERSON_NETWORK, { id: ada.id }, ben.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.person.privacySettings).toBeNull();
    });
  });

  describe('connections and connectionCount follow connectionsVisibility', () => {
    let owner: TestPerson;
    let friend: TestPerson;
    let stranger: TestPerson;
    beforeAll(async () => {
      [owner, friend, stranger] = [await newPerson(t), await newPerson(t), await newPerson(t)];
      await connect(owner, friend);
      await connect(owner, await newPerson(t));
    });

    const seenBy = async (viewer: TestPerson) => {
      const res = await t.gql(PERSON_NETWORK, { id: owner.id }, viewer.token);
      expect(res.errors).toBeUndefined();
      const { connectionCount, connections } = res.data!.person;
      return { connectionCount, totalCount: connections?.totalCount ?? null, hidden: connections === null };
    };
    const shown = { connectionCount: 2, totalCount: 2, hidden: false };
    const hidden = { connectionCount: null, totalCount: null, hidden: true };

    it.each([
      ['EVERYONE', shown, shown, shown],
      ['CONNECTIONS', shown, shown, hidden],
      ['ONLY_ME', shown, hidden, hidden],
    ])(
      '%s: the person themself, a connection and a stranger see what the setting allows',
      async (setting, self, conn, other) => {
        expect((await update(owner, { connectionsVisibility: setting })).errors).toBeUndefined();
        expect(await seenBy(owner)).toEqual(self);
        expect(await seenBy(friend)).toEqual(conn);
        expect(await seenBy(stranger)).toEqual(other);
      },
    );

    it('applies each person’s own setting within one batched list', async () => {
      await update(owner, { connectionsVisibility: 'ONLY_ME' });
      await update(friend, { connectionsVisibility: 'EVERYONE' });
      const res = await t.gql(
        `query($id: ID!) { person(id: $id) { connections { edges { node { id connectionCount } } } } }`,
        { id: friend.id },
        stranger.token,
      );
      expect(res.errors).toBeUndefined();
      // friend's list shows owner, whose own count is hidden from the stranger.
      expect(res.data!.person.connections.edges).toEqual([{ node: { id: owner.id, connectionCount: null } }]);
    });
  });

  describe('appearInNetworkSearches: false', () => {
    it('leaves the person out of networkTradersWith and unnamed in shortlist evidence, which still counts', async () => {
      const viewer = await newPerson(t);
      const trader = await newPerson(t);
      await connect(viewer, trader);
      const supplierId = await newSupplier();
      const tradeId = await trade(trader, supplierId);

      const before = await t.gql(TRADERS, { supplierId }, viewer.token);
      expect(before.data!.networkTradersWith.edges).toEqual([{ node: { person: { id: trader.id } } }]);
      const shortlistBefore = await t.gql(SHORTLIST, { categoryId: STEEL }, viewer.token);
      const recommendation = shortlistOf(shortlistBefore.data!.supplierShortlist).find(
        (r: any) => r.supplier.id === supplierId,
      );
      expect(recommendation.evidence).toEqual([
        expect.objectContaining({ kind: 'TRADE', degree: 1, person: { id: trader.id }, trade: { id: tradeId } }),
      ]);

      expect((await update(trader, { appearInNetworkSearches: false })).errors).toBeUndefined();

      const after = await t.gql(TRADERS, { supplierId }, viewer.token);
      expect(after.errors).toBeUndefined();
      expect(after.data!.networkTradersWith).toEqual({ totalCount: 0, edges: [] });
      const shortlistAfter = await t.gql(SHORTLIST, { categoryId: STEEL }, viewer.token);
      expect(shortlistAfter.errors).toBeUndefined();
      const hidden = shortlistOf(shortlistAfter.data!.supplierShortlist).find((r: any) => r.supplier.id === supplierId);
      // Equal up to the decay of the seconds between the two queries.
      expect(hidden.score).toBeCloseTo(recommendation.score, 5);
      expect(hidden.evidence).toEqual([
        // The trade is withheld too: `trade(id)` would name its recorder.
        expect.objectContaining({ kind: 'TRADE', degree: 1, person: null, trade: null }),
      ]);
    });
  });

  describe('networkTradeSummary', () => {
    it('reports counts below 3 as null, counting people who opted out of network searches', async () => {
      const viewer = await newPerson(t);
      const supplierId = await newSupplier();
      const summary = async (maxDegree?: number) => {
        const res = await t.gql(SUMMARY, { supplierId, maxDegree }, viewer.token);
        expect(res.errors).toBeUndefined();
        return res.data!.networkTradeSummary;
      };
      expect(await summary()).toEqual({
        supplier: { id: supplierId },
        maxDegree: 2,
        total: null,
        byDegree: [
          { degree: 1, people: null },
          { degree: 2, people: null },
        ],
      });

      const traders: TestPerson[] = [];
      for (const expected of [null, null, 3]) {
        const trader = await newPerson(t);
        await connect(viewer, trader);
        await trade(trader, supplierId);
        traders.push(trader);
        expect((await summary(1)).byDegree).toEqual([{ degree: 1, people: expected }]);
      }
      await update(traders[0], { appearInNetworkSearches: false });
      expect((await summary(1)).byDegree).toEqual([{ degree: 1, people: 3 }]);

      // A connection's connection who traded: degree 2 has one person, the total is 4. Showing the
      // 3 at degree 1 next to the total would give that one person away (4 - 3), so it is hidden
      // too, in every maxDegree's answer.
      const far = await newPerson(t);
      await connect(traders[1], far);
      await trade(far, supplierId);
      expect(await summary(2)).toMatchObject({
        total: 4,
        byDegree: [
          { degree: 1, people: null },
          { degree: 2, people: null },
        ],
      });
      expect(await summary(1)).toMatchObject({ total: null, byDegree: [{ degree: 1, people: null }] });
      expect((await summary(3)).total).toBe(4);
      // The opted-out person still is no networkTradersWith result.
      const listed = await t.gql(TRADERS, { supplierId, maxDegree: 2 }, viewer.token);
      expect(listed.data!.networkTradersWith.totalCount).toBe(3);
    });

    it('rejects an unknown supplier and a degree outside 1 to 3', async () => {
      const viewer = await newPerson(t);
      const unknown = await t.gql(SUMMARY, { supplierId: 'nope' }, viewer.token);
      expect(onlyError(unknown).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'supplierId' });
      const tooFar = await t.gql(SUMMARY, { supplierId: await newSupplier(), maxDegree: 4 }, viewer.token);
      expect(onlyError(tooFar).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'maxDegree' });
    });
  });
});
