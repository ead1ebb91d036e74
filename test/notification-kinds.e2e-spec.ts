import { newEmployment, newOrganization, newPerson, TestPerson } from './support/factories.js';
import { createTestApp, TestApp } from './support/test-app.js';

const KINDS = `query { notifications(first: 50) { edges { node { kind subjectId actor { id } } } } }`;

/** The notification kinds not covered in notifications.e2e-spec.ts, each stored for the right person. */
describe('notification kinds', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const ok = async (query: string, variables: Record<string, unknown>, who: TestPerson) => {
    const res = await t.gql(query, variables, who.token);
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const kindsOf = async (person: TestPerson) =>
    (await ok(KINDS, {}, person)).notifications.edges.map((edge: any) => edge.node);
  const connect = (a: TestPerson, b: TestPerson) =>
    t.neo4j.write(
      'MATCH (a:Person {id: $a}), (b:Person {id: $b}) CREATE (a)-[:CONNECTED_TO {since: datetime()}]->(b)',
      {
        a: a.id,
        b: b.id,
      },
    );

  it('tells the sender when a connection request is accepted', async () => {
    const [ada, bob] = [await newPerson(t), await newPerson(t)];
    const { requestConnection } = await ok(
      `mutation($id: ID!) { requestConnection(personId: $id) { id } }`,
      { id: bob.id },
      ada,
    );
    await ok(
      `mutation($id: ID!) { respondToConnectionRequest(requestId: $id, accept: true) { id } }`,
      { id: requestConnection.id },
      bob,
    );
    expect(await kindsOf(ada)).toContainEqual({
      kind: 'CONNECTION_REQUEST_ACCEPTED',
      subjectId: requestConnection.id,
      actor: { id: bob.id },
    });
  });

  it('walks an introduction: waiting for each person in turn, then accepted or declined for the requester', async () => {
    const [requester, middle, target] = [await newPerson(t), await newPerson(t), await newPerson(t)];
    await connect(requester, middle);
    await connect(middle, target);
    const request = `mutation($path: [ID!]!) { requestIntroduction(input: { path: $path, message: "Please introduce me" }) { id } }`;
    const respond = `mutation($id: ID!, $accept: Boolean!) { respondToIntroduction(introductionId: $id, accept: $accept) { id } }`;

    const first = (await ok(request, { path: [middle.id, target.id] }, requester)).requestIntroduction.id;
    expect(await kindsOf(middle)).toContainEqual({
      kind: 'INTRODUCTION_WAITING',
      subjectId: first,
      actor: { id: requester.id },
    });
    await ok(respond, { id: first, accept: true }, middle);
    expect((await kindsOf(target)).map((n: any) => [n.kind, n.subjectId])).toContainEqual([
      'INTRODUCTION_WAITING',
      first,
    ]);
    await ok(respond, { id: first, accept: true }, target);
    expect((await kindsOf(requester)).map((n: any) => [n.kind, n.subjectId])).toContainEqual([
      'INTRODUCTION_ACCEPTED',
      first,
    ]);

    const second = (await ok(request, { path: [middle.id, target.id] }, requester)).requestIntroduction.id;
    await ok(respond, { id: second, accept: false }, middle);
    expect((await kindsOf(requester)).map((n: any) => [n.kind, n.subjectId])).toContainEqual([
      'INTRODUCTION_DECLINED',
      second,
    ]);
  });

  it('tells a supplier’s members about an endorsement and about feedback on their trade', async () => {
    const [supplierAdmin, buyerAdmin, endorser] = [await newPerson(t), await newPerson(t), await newPerson(t)];
    const supplier = await newOrganization(t, supplierAdmin, { categoryIds: ['metals-steel'] });
    const buyer = await newOrganization(t, buyerAdmin);
    const endorsement = await ok(
      `mutation($s: ID!) { endorseSupplier(input: { supplierId: $s, categoryId: "metals-steel", rating: 5 }) { id } }`,
      { s: supplier.id },
      endorser,
    );
    expect((await kindsOf(supplierAdmin)).map((n: any) => [n.kind, n.subjectId])).toContainEqual([
      'ORGANIZATION_ENDORSED',
      endorsement.endorseSupplier.id,
    ]);

    const trade = await ok(
      `mutation($b: ID!, $s: ID!) { recordTrade(input: { buyerId: $b, supplierId: $s, categoryId: "metals-steel",
         occurredOn: "2025-01-15", amountBand: UNDER_10K }) { id } }`,
      { b: buyer.id, s: supplier.id },
      buyerAdmin,
    );
    await ok(`mutation($id: ID!) { confirmTrade(tradeId: $id) { id } }`, { id: trade.recordTrade.id }, supplierAdmin);
    await ok(
      `mutation($id: ID!) { leaveFeedback(input: { tradeId: $id, quality: 5, delivery: 4, communication: 4 }) { id } }`,
      { id: trade.recordTrade.id },
      buyerAdmin,
    );
    expect((await kindsOf(supplierAdmin)).map((n: any) => n.kind)).toContain('FEEDBACK_RECEIVED');
  });

  it('tells the network about a sourcing request, and the requester about each answer', async () => {
    const [requester, friend, supplierAdmin] = [await newPerson(t), await newPerson(t), await newPerson(t)];
    const supplier = await newOrganization(t, supplierAdmin, { categoryIds: ['metals-fasteners'] });
    await newEmployment(t, friend, supplier, { approvedBy: supplierAdmin });
    await connect(requester, friend);
    const posted = await ok(
      `mutation { postSourcingRequest(input: { categoryId: "metals", description: "Need M8 bolts" }) { id } }`,
      {},
      requester,
    );
    const requestId = posted.postSourcingRequest.id;
    expect(await kindsOf(friend)).toContainEqual({
      kind: 'SOURCING_REQUEST_FROM_NETWORK',
      subjectId: requestId,
      actor: { id: requester.id },
    });
    await ok(
      `mutation($r: ID!, $s: ID!) { answerSourcingRequest(input: { requestId: $r, supplierId: $s }) { id } }`,
      { r: requestId, s: supplier.id },
      friend,
    );
    expect((await kindsOf(requester)).map((n: any) => [n.kind, n.actor.id])).toContainEqual([
      'SOURCING_REQUEST_ANSWERED',
      friend.id,
    ]);
  });
});
