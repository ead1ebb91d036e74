import { AuditLogEntry, FORMER_MEMBER_ID } from '#tradegraph/accounts';
import { newEmployment, newOrganization, newPerson, TestPerson } from './support/factories.js';
import { createTestApp, GqlResponse, onlyError, TestApp } from './support/test-app.js';

const DELETE = `mutation Delete($password: String!) { deleteAccount(password: $password) }`;
const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }`;
const REFRESH = `mutation Refresh($token: String!) { refreshToken(refreshToken: $token) { accessToken } }`;
const ME = `query { me { id } }`;
const PERSON = `query Person($id: ID!) { person(id: $id) { id name } }`;
const TRADE = `query Trade($id: ID!) {
  trade(id: $id) { id status recordedBy { id name } confirmedBy { id } feedback { author { id name } } }
}`;
const AUDIT_LOG = `query Audit($id: ID!) {
  organization(id: $id) { auditLog(first: 100) { edges { node { action actor { id } details } } } }
}`;
const STEEL = 'metals-steel';
const PASSWORD = 'correct horse battery';

/** The data of a response's one root field; fails the test when the response has errors. */
const ok = (res: GqlResponse, name: string) => {
  expect(res.errors).toBeUndefined();
  return res.data![name];
};

describe('deleteAccount', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const gqlOk = async (name: string, query: string, variables: Record<string, unknown>, who: TestPerson) =>
    ok(await t.gql(query, variables, who.token), name);
  const connect = (a: TestPerson, b: TestPerson) =>
    t.neo4j.write(
      'MATCH (a:Person {id: $a}), (b:Person {id: $b}) CREATE (a)-[:CONNECTED_TO {since: datetime()}]->(b)',
      { a: a.id, b: b.id },
    );
  const count = async (cypher: string, params: Record<string, unknown> = {}) =>
    (await t.neo4j.read<{ n: number }>(cypher, params))[0].n;
  const sqlCount = async (sql: string, id: string) => Number((await t.sql.query(sql.replace(/:id/g, `'${id}'`)))[0].n);

  /** Every node and relationship that holds the id in any property, plus relationships of its node. */
  const graphTraces = (id: string) =>
    count(
      `CALL () { MATCH (n) WHERE any(k IN keys(n) WHERE n[k] = $id) RETURN count(n) AS c
                 UNION ALL
                 MATCH ()-[r]->() WHERE any(k IN keys(r) WHERE r[k] = $id) RETURN count(r) AS c }
       RETURN sum(c) AS n`,
      { id },
    );
  const sqlTraces = async (id: string) => ({
    accounts: await sqlCount('SELECT COUNT(*) AS n FROM accounts WHERE id = :id', id),
    refreshTokens: await sqlCount('SELECT COUNT(*) AS n FROM refresh_tokens WHERE account_id = :id', id),
    auditRows: await sqlCount(
      "SELECT COUNT(*) AS n FROM audit_log WHERE actor_id = :id OR target_id = :id OR details LIKE '%' || :id || '%'",
      id,
    ),
  });

  /**
   * A person with something of every kind: an employment, connections, connection requests both
   * ways, a trade they recorded with their feedback, an endorsement, referrals both ways, pending
   * introductions they asked for and stand on, sourcing requests and answers, and a block.
   */
  async function leaverWithEverything() {
    const buyerAdmin = await newPerson(t, { name: 'Buyer admin' });
    const buyer = await newOrganization(t, buyerAdmin);
    const supplierAdmin = await newPerson(t, { name: 'Supplier admin' });
    const supplier = await newOrganization(t, supplierAdmin, { categoryIds: [STEEL] });
    const otherSupplier = await newOrganization(t, await newPerson(t), { categoryIds: [STEEL] });
    const leaver = await newPerson(t, { name: 'Leaver' });
    await newEmployment(t, leaver, buyer, { approvedBy: buyerAdmin });
    const friend = await newPerson(t, { name: 'Friend' });
    const friendOfFriend = await newPerson(t, { name: 'Friend of friend' });
    const stranger = await newPerson(t, { name: 'Stranger' });
    await connect(leaver, friend);
    await connect(friend, friendOfFriend);

    const requestConnection = `mutation R($personId: ID!) { requestConnection(personId: $personId) { id } }`;
    await gqlOk('requestConnection', requestConnection, { personId: stranger.id }, leaver);
    await gqlOk('requestConnection', requestConnection, { personId: leaver.id }, friendOfFriend);

    const trade = await gqlOk(
      'recordTrade',
      `mutation R($input: RecordTradeInput!) { recordTrade(input: $input) { id } }`,
      {
        input: {
          buyerId: buyer.id,
          supplierId: supplier.id,
          categoryId: STEEL,
          occurredOn: '2025-03-01',
          amountBand: 'UNDER_10K',
        },
      },
      leaver,
    );
    await gqlOk(
      'confirmTrade',
      `mutation C($id: ID!) { confirmTrade(tradeId: $id) { id } }`,
      { id: trade.id },
      supplierAdmin,
    );
    await gqlOk(
      'leaveFeedback',
      `mutation F($input: LeaveFeedbackInput!) { leaveFeedback(input: $input) { id } }`,
      { input: { tradeId: trade.id, quality: 5, delivery: 4, communication: 4 } },
      leaver,
    );
    await gqlOk(
      'endorseSupplier',
      `mutation E($input: EndorseSupplierInput!) { endorseSupplier(input: $input) { id } }`,
      { input: { supplierId: supplier.id, categoryId: STEEL, rating: 5 } },
      leaver,
    );
    const refer = `mutation R($input: ReferSupplierInput!) { referSupplier(input: $input) { id } }`;
    await gqlOk(
      'referSupplier',
      refer,
      { input: { supplierId: supplier.id, toPersonId: friend.id, categoryId: STEEL } },
      leaver,
    );
    await gqlOk(
      'referSupplier',
      refer,
      { input: { supplierId: supplier.id, toPersonId: leaver.id, categoryId: STEEL } },
      friend,
    );

    const introduce = `mutation I($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { id } }`;
    const asked = await gqlOk(
      'requestIntroduction',
      introduce,
      { input: { path: [friend.id, friendOfFriend.id], message: 'Hi' } },
      leaver,
    );
    const through = await gqlOk(
      'requestIntroduction',
      introduce,
      { input: { path: [friend.id, leaver.id], message: 'Hi' } },
      friendOfFriend,
    );

    const post = `mutation P($input: PostSourcingRequestInput!) { postSourcingRequest(input: $input) { id } }`;
    const answer = `mutation A($input: AnswerSourcingRequestInput!) { answerSourcingRequest(input: $input) { id } }`;
    const theirRequest = await gqlOk(
      'postSourcingRequest',
      post,
      { input: { categoryId: STEEL, description: 'Steel' } },
      leaver,
    );
    const answerToThem = await gqlOk(
      'answerSourcingRequest',
      answer,
      { input: { requestId: theirRequest.id, supplierId: otherSupplier.id } },
      friend,
    );
    const friendsRequest = await gqlOk(
      'postSourcingRequest',
      post,
      { input: { categoryId: STEEL, description: 'Bolts' } },
      friend,
    );
    const theirAnswer = await gqlOk(
      'answerSourcingRequest',
      answer,
      { input: { requestId: friendsRequest.id, supplierId: supplier.id } },
      leaver,
    );
    // Blocking belongs to another lib; its relationship is written in the graph model.
    await t.neo4j.write('MATCH (a:Person {id: $a}), (b:Person {id: $b}) CREATE (a)-[:BLOCKED]->(b)', {
      a: leaver.id,
      b: stranger.id,
    });

    return {
      leaver,
      friend,
      friendOfFriend,
      stranger,
      buyer,
      buyerAdmin,
      supplier,
      supplierAdmin,
      trade,
      introductionIds: [asked.id, through.id],
      deletedAnswerIds: [answerToThem.id, theirAnswer.id],
      theirRequest,
      friendsRequest,
    };
  }

  it('refuses a wrong password (UNAUTHENTICATED) and removes nothing', async () => {
    const { leaver } = await leaverWithEverything();
    const [graphBefore, sqlBefore] = [await graphTraces(leaver.id), await sqlTraces(leaver.id)];
    expect(graphBefore).toBeGreaterThan(0);

    const res = await t.gql(DELETE, { password: 'not the password' }, leaver.token);
    expect(onlyError(res).extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(onlyError(res).message).toBe('The password is incorrect.');
    expect(res.data ?? null).toBeNull();

    // Nothing removed; the one new row is the audit entry of the failed password (it counts on the lockout).
    expect([await graphTraces(leaver.id), await sqlTraces(leaver.id)]).toEqual([
      graphBefore,
      { ...sqlBefore, auditRows: sqlBefore.auditRows + 1 },
    ]);
    const failures = await t.sql
      .getRepository(AuditLogEntry)
      .find({ where: { actorId: leaver.id, action: 'passwordConfirmationFailed' } });
    expect(failures).toHaveLength(1);
    expect(ok(await t.gql(ME, {}, leaver.token), 'me')).toEqual({ id: leaver.id });
  });

  it('needs a signed-in caller (UNAUTHENTICATED)', async () => {
    const res = await t.gql(DELETE, { password: PASSWORD });
    expect(onlyError(res).extensions.code).toBe('UNAUTHENTICATED');
  });

  it('removes the person and everything only theirs from both databases, and ends every session at once', async () => {
    const s = await leaverWithEverything();
    const { leaver, friend } = s;
    expect(ok(await t.gql(DELETE, { password: PASSWORD }, leaver.token), 'deleteAccount')).toBe(true);

    // Sessions: the access token, the refresh token and the password all stop working.
    expect(onlyError(await t.gql(ME, {}, leaver.token)).extensions.code).toBe('UNAUTHENTICATED');
    expect(onlyError(await t.gql(REFRESH, { token: leaver.refreshToken })).extensions.code).toBe('UNAUTHENTICATED');
    const login = await t.gql(LOGIN, { input: { email: leaver.email, password: PASSWORD } });
    expect(onlyError(login).extensions.code).toBe('UNAUTHENTICATED');

    // The graph holds nothing that names them, and their records are gone.
    expect(ok(await t.gql(PERSON, { id: leaver.id }, friend.token), 'person')).toBeNull();
    expect(await graphTraces(leaver.id)).toBe(0);
    expect(
      await count('MATCH (i:Introduction) WHERE i.id IN $ids RETURN count(i) AS n', { ids: s.introductionIds }),
    ).toBe(0);
    expect(
      await count('MATCH (a:SourcingAnswer) WHERE a.id IN $ids RETURN count(a) AS n', { ids: s.deletedAnswerIds }),
    ).toBe(0);
    expect(await count('MATCH (r:SourcingRequest {id: $id}) RETURN count(r) AS n', { id: s.theirRequest.id })).toBe(0);
    expect(await count('MATCH (e:Endorsement {supplierId: $id}) RETURN count(e) AS n', { id: s.supplier.id })).toBe(0);
    expect(
      await count(
        `MATCH (r) WHERE (r:ConnectionRequest OR r:Referral) AND NOT EXISTS { (r)--(:Person) } RETURN count(r) AS n`,
      ),
    ).toBe(0);

    // What belongs to others stays: the friend's request, their connection, the trade.
    expect(await count('MATCH (r:SourcingRequest {id: $id}) RETURN count(r) AS n', { id: s.friendsRequest.id })).toBe(
      1,
    );
    expect(
      await count('MATCH (:Person {id: $a})-[c:CONNECTED_TO]-(:Person {id: $b}) RETURN count(c) AS n', {
        a: friend.id,
        b: s.friendOfFriend.id,
      }),
    ).toBe(1);
    const trade = ok(await t.gql(TRADE, { id: s.trade.id }, s.buyerAdmin.token), 'trade');
    expect(trade).toEqual({
      id: s.trade.id,
      status: 'CONFIRMED',
      recordedBy: { id: FORMER_MEMBER_ID, name: 'Former member' },
      confirmedBy: { id: s.supplierAdmin.id },
      feedback: { author: { id: FORMER_MEMBER_ID, name: 'Former member' } },
    });

    // SQL: no account, no refresh token, and the audit trail kept without them.
    expect(await sqlTraces(leaver.id)).toEqual({ accounts: 0, refreshTokens: 0, auditRows: 0 });
    const log = ok(await t.gql(AUDIT_LOG, { id: s.buyer.id }, s.buyerAdmin.token), 'organization').auditLog;
    const actions = log.edges.map((edge: any) => [edge.node.action, edge.node.actor]);
    expect(actions).toContainEqual(['recordTrade', null]);
  });

  it('credits the trades of every deleted account to one shared former member', async () => {
    const first = await leaverWithEverything();
    const second = await leaverWithEverything();
    for (const leaver of [first.leaver, second.leaver]) {
      expect(ok(await t.gql(DELETE, { password: PASSWORD }, leaver.token), 'deleteAccount')).toBe(true);
    }
    expect(await count('MATCH (p:Person {id: $id}) RETURN count(p) AS n', { id: FORMER_MEMBER_ID })).toBe(1);
    expect(ok(await t.gql(PERSON, { id: FORMER_MEMBER_ID }, first.friend.token), 'person')).toEqual({
      id: FORMER_MEMBER_ID,
      name: 'Former member',
    });
    for (const { trade, buyerAdmin } of [first, second]) {
      const res = ok(await t.gql(TRADE, { id: trade.id }, buyerAdmin.token), 'trade');
      expect(res.recordedBy).toEqual({ id: FORMER_MEMBER_ID, name: 'Former member' });
    }
  });
});
