import { newPerson, TestPerson } from './support/factories.js';
import { sourcingHelpers } from './support/sourcing-helpers.js';
import { createTestApp, TestApp } from './support/test-app.js';

const BLOCK = `mutation Block($personId: ID!) { blockPerson(personId: $personId) }`;
/** Small enough to reach in a test, large enough to need two audience batches (100 per write). */
const CAP = 120;

describe('bounded work: the audience of a sourcing request', () => {
  let t: TestApp;
  const { connect, posted } = sourcingHelpers(() => t);

  beforeAll(async () => {
    t = await createTestApp({ SOURCING_AUDIENCE_MAX: String(CAP) });
  });
  afterAll(async () => {
    await t.close();
  });

  /** People of the network written straight into the graph, connected to `to`. */
  const networkOf = async (to: TestPerson | string, ids: string[]) => {
    await t.neo4j.write(
      `MATCH (to:Person {id: $to})
       UNWIND $ids AS id
       CREATE (p:Person {id: id, name: 'Person ' + id})-[:CONNECTED_TO {since: datetime()}]->(to)`,
      { to: typeof to === 'string' ? to : to.id, ids },
    );
  };
  const audienceOf = async (requestId: string) =>
    (
      await t.neo4j.read<{ id: string }>(
        'MATCH (:SourcingRequest {id: $requestId})-[:VISIBLE_TO]->(p:Person) RETURN p.id AS id ORDER BY id',
        { requestId },
      )
    ).map((row) => row.id);
  const notifiedAbout = async (requestId: string) =>
    (
      await t.neo4j.read<{ id: string }>(
        `MATCH (p:Person)-[:HAS_NOTIFICATION]->(:Notification {subjectId: $requestId, kind: 'SOURCING_REQUEST_FROM_NETWORK'})
         RETURN p.id AS id ORDER BY id`,
        { requestId },
      )
    ).map((row) => row.id);

  it('is capped at SOURCING_AUDIENCE_MAX, the nearest first, then by id; blocked people take no place', async () => {
    const requester = await newPerson(t, { name: 'Requester' });
    // Direct connections: all of them fit. Their ids sort after the second-degree ones, so an order by
    // id alone would pick the wrong people.
    const near = Array.from({ length: CAP - 2 }, (_, i) => `near-${String(i).padStart(3, '0')}`);
    await networkOf(requester, near);
    // A direct connection the requester blocked, and one who blocked the requester: left out, and
    // they do not use up places.
    const blocked = await newPerson(t, { name: 'Blocked' });
    const blocker = await newPerson(t, { name: 'Blocker' });
    await connect(requester, blocked);
    await connect(requester, blocker);
    expect((await t.gql(BLOCK, { personId: blocked.id }, requester.token)).errors).toBeUndefined();
    expect((await t.gql(BLOCK, { personId: requester.id }, blocker.token)).errors).toBeUndefined();
    // Second degree, through two of the direct connections; a direct connection that is also two steps
    // away (near-000 and near-001 are connected) counts as direct.
    await networkOf('near-000', ['far-c', 'far-a']);
    await networkOf('near-001', ['far-b', 'far-d']);
    await t.neo4j.write(
      `MATCH (a:Person {id: 'near-000'}), (b:Person {id: 'near-001'}) CREATE (a)-[:CONNECTED_TO {since: datetime()}]->(b)`,
    );

    const request = await posted(requester, { maxDegree: 2 });

    // CAP - 2 direct connections, then the two lowest ids of the second degree.
    const expected = [...near, 'far-a', 'far-b'].sort();
    expect(await audienceOf(request.id)).toEqual(expected);
    expect(await notifiedAbout(request.id)).toEqual(expected);
  });

  it('shows a maxDegree 1 request to direct connections only, even when the cap leaves room', async () => {
    const requester = await newPerson(t, { name: 'Requester 1' });
    await networkOf(requester, ['one-a', 'one-b']);
    await networkOf('one-a', ['two-a']);
    const request = await posted(requester, { maxDegree: 1 });
    expect(await audienceOf(request.id)).toEqual(['one-a', 'one-b']);
    expect(await notifiedAbout(request.id)).toEqual(['one-a', 'one-b']);
  });

  it('takes exactly the cap from a larger network, each person once', async () => {
    const requester = await newPerson(t, { name: 'Requester 2' });
    const many = Array.from({ length: CAP + 30 }, (_, i) => `many-${String(i).padStart(3, '0')}`);
    await networkOf(requester, many);
    // Each of them is also connected to the next, so most are reachable along several paths.
    await t.neo4j.write(
      `UNWIND range(0, size($ids) - 2) AS i
       MATCH (a:Person {id: $ids[i]}), (b:Person {id: $ids[i + 1]})
       CREATE (a)-[:CONNECTED_TO {since: datetime()}]->(b)`,
      { ids: many },
    );
    const request = await posted(requester, { maxDegree: 2 });
    expect(await audienceOf(request.id)).toEqual(many.slice(0, CAP));
    expect(await notifiedAbout(request.id)).toEqual(many.slice(0, CAP));
  });
});
