import { newPerson, TestPerson } from './support/factories.js';
import { pageOf } from './support/page-helpers.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';

const BLOCK = `mutation Block($personId: ID!) { blockPerson(personId: $personId) }`;
const FIELDS = `id status currentStep requester { id } path { id } target { id } steps { person { id } decision }`;
const REQUEST = `mutation Request($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { ${FIELDS} } }`;
const RESPOND = `mutation Respond($id: ID!, $accept: Boolean!) {
  respondToIntroduction(introductionId: $id, accept: $accept) { ${FIELDS} }
}`;
const MINE = `query { me {
  introductionsToHandle { totalCount edges { node { id } } }
  introductionsRequested { totalCount edges { node { ${FIELDS} } } }
} }`;

/** A block ends the pending introductions both people take part in; paths hide a blocked person. */
describe('blocking and introductions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const connect = (a: TestPerson, b: TestPerson) =>
    t.neo4j.write(
      'MATCH (a:Person {id: $a}), (b:Person {id: $b}) CREATE (a)-[:CONNECTED_TO {since: datetime()}]->(b)',
      { a: a.id, b: b.id },
    );
  const block = async (actor: TestPerson, other: TestPerson) =>
    expect((await t.gql(BLOCK, { personId: other.id }, actor.token)).data).toEqual({ blockPerson: true });
  const mine = async (who: TestPerson) => {
    const res = await t.gql(MINE, {}, who.token);
    expect(res.errors).toBeUndefined();
    return res.data!.me;
  };
  /** requester — first — second — target, connected in a row, with an introduction along it. */
  const pending = async () => {
    const [requester, first, second, target] = [
      await newPerson(t, { name: 'Requester' }),
      await newPerson(t, { name: 'First' }),
      await newPerson(t, { name: 'Second' }),
      await newPerson(t, { name: 'Target' }),
    ];
    await connect(requester, first);
    await connect(first, second);
    await connect(second, target);
    const res = await t.gql(
      REQUEST,
      { input: { path: [first.id, second.id, target.id], message: 'Hi' } },
      requester.token,
    );
    expect(res.errors).toBeUndefined();
    return { requester, first, second, target, id: res.data!.requestIntroduction.id as string };
  };
  const statusOf = async (id: string) =>
    (
      await t.neo4j.read<{ status: string; currentStep: number | null }>(
        'MATCH (i:Introduction {id: $id}) RETURN i.status AS status, i.currentStep AS currentStep',
        { id },
      )
    )[0];

  it('withdraws a pending introduction when its requester and its target block each other', async () => {
    const { requester, first, second, target, id } = await pending();
    expect((await mine(first)).introductionsToHandle).toEqual(pageOf({ id }));
    await block(target, requester);

    expect(await statusOf(id)).toEqual({ status: 'WITHDRAWN', currentStep: null });
    expect((await mine(first)).introductionsToHandle).toEqual(pageOf());
    const res = onlyError(await t.gql(RESPOND, { id, accept: true }, first.token));
    expect(res.extensions).toEqual({ code: 'CONFLICT', field: 'introductionId' });
    // The requester still sees their introduction, with the person they blocked with hidden.
    expect((await mine(requester)).introductionsRequested).toEqual(
      pageOf({
        id,
        status: 'WITHDRAWN',
        currentStep: null,
        requester: { id: requester.id },
        path: [{ id: first.id }, { id: second.id }, null],
        target: null,
        steps: [
          { person: { id: first.id }, decision: null },
          { person: { id: second.id }, decision: null },
          { person: null, decision: null },
        ],
      }),
    );
  });

  it('withdraws it when two people along the path block each other, whoever blocks', async () => {
    const a = await pending();
    await block(a.first, a.target);
    expect(await statusOf(a.id)).toEqual({ status: 'WITHDRAWN', currentStep: null });

    const b = await pending();
    await t.gql(RESPOND, { id: b.id, accept: true }, b.first.token);
    expect(await statusOf(b.id)).toEqual({ status: 'PENDING', currentStep: 1 });
    await block(b.target, b.second);
    expect(await statusOf(b.id)).toEqual({ status: 'WITHDRAWN', currentStep: null });
    expect((await mine(b.second)).introductionsToHandle).toEqual(pageOf());
  });

  it('leaves alone introductions the two do not both take part in, and decided ones', async () => {
    const { requester, first, id } = await pending();
    const outsider = await newPerson(t);
    await block(requester, outsider);
    await block(outsider, first);
    expect(await statusOf(id)).toEqual({ status: 'PENDING', currentStep: 0 });

    const declined = await pending();
    await t.gql(RESPOND, { id: declined.id, accept: false }, declined.first.token);
    await block(declined.requester, declined.first);
    expect((await statusOf(declined.id)).status).toBe('DECLINED');
  });

  it('leaves no pending introduction between a pair whose block races the request', async () => {
    for (let round = 0; round < 5; round++) {
      const [requester, first, target] = [await newPerson(t), await newPerson(t), await newPerson(t)];
      await connect(requester, first);
      await connect(first, target);
      const input = { path: [first.id, target.id], message: 'Hi' };
      await Promise.all([t.gql(REQUEST, { input }, requester.token), block(target, requester)]);
      const rows = await t.neo4j.read<{ status: string }>(
        'MATCH (:Person {id: $id})-[:REQUESTED_INTRODUCTION]->(i:Introduction) RETURN i.status AS status',
        { id: requester.id },
      );
      expect([round, rows.filter((row) => row.status === 'PENDING')]).toEqual([round, []]);
    }
  });

  it('never connects a blocked pair through an introduction that was pending when they blocked', async () => {
    const { requester, first, second, target, id } = await pending();
    await t.gql(RESPOND, { id, accept: true }, first.token);
    await t.gql(RESPOND, { id, accept: true }, second.token);
    await block(requester, target);
    const res = onlyError(await t.gql(RESPOND, { id, accept: true }, target.token));
    expect(res.extensions.code).toBe('CONFLICT');
    const links = await t.neo4j.read<{ n: number }>(
      'MATCH (:Person {id: $a})-[c:CONNECTED_TO]-(:Person {id: $b}) RETURN count(c) AS n',
      { a: requester.id, b: target.id },
    );
    expect(links[0].n).toBe(0);
  });
});
