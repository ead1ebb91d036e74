/**
 * Shared by the sourcing end-to-end tests (test/sourcing*.e2e-spec.ts): the GraphQL operations and
 * small helpers to set up a network, post, answer and read requests back.
 */
import { newOrganization, newPerson, TestPerson } from './factories.js';
import { GqlResponse, TestApp } from './test-app.js';

const REQUEST_FIELDS = `id description maxDegree neededBy status createdAt requester { id } category { id }`;
const POST = `mutation Post($input: PostSourcingRequestInput!) { postSourcingRequest(input: $input) { ${REQUEST_FIELDS} } }`;
const ANSWER = `mutation Answer($input: AnswerSourcingRequestInput!) {
  answerSourcingRequest(input: $input) { id comment createdAt answerer { id } supplier { id } }
}`;
export const CLOSE = `mutation Close($id: ID!) { closeSourcingRequest(requestId: $id) { id status } }`;
const GET = `query Get($id: ID!) {
  sourcingRequest(id: $id) { id status answers { totalCount edges { node { id answerer { id } supplier { id } } } } }
}`;
const FOR_ME = `query ForMe($first: Int, $after: String) {
  me { sourcingRequestsForMe(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id requester { id } } } } }
}`;

export const METALS = 'metals';
export const STEEL = 'metals-steel';
export const FASTENERS = 'metals-fasteners';
export const PLASTICS = 'plastics-resins';

export const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86400000).toISOString().slice(0, 10);

/** The data of a response's one root field; fails the test when the response has errors. */
export const ok = <T = any>(res: GqlResponse, name: string): T => {
  expect(res.errors).toBeUndefined();
  return res.data![name];
};

/** Helpers bound to the test app, which each test file creates in its beforeAll. */
export function sourcingHelpers(app: () => TestApp) {
  /** Connections come from another lib; here they are written straight into the graph in its model. */
  const connect = (a: TestPerson, b: TestPerson) =>
    app().neo4j.write(
      'MATCH (a:Person {id: $a}), (b:Person {id: $b}) CREATE (a)-[:CONNECTED_TO {since: datetime()}]->(b)',
      { a: a.id, b: b.id },
    );
  const disconnect = (a: TestPerson, b: TestPerson) =>
    app().neo4j.write('MATCH (:Person {id: $a})-[c:CONNECTED_TO]-(:Person {id: $b}) DELETE c', { a: a.id, b: b.id });
  const newSupplier = async (categoryIds = [STEEL]) =>
    newOrganization(app(), await newPerson(app(), { name: 'Supplier admin' }), { categoryIds });

  /** A requester with a direct connection (friend), a connection of that friend, and a stranger. */
  const setup = async () => {
    const requester = await newPerson(app(), { name: 'Requester' });
    const friend = await newPerson(app(), { name: 'Friend' });
    const friendOfFriend = await newPerson(app(), { name: 'Friend of friend' });
    const stranger = await newPerson(app(), { name: 'Stranger' });
    await connect(requester, friend);
    await connect(friendOfFriend, friend);
    return { requester, friend, friendOfFriend, stranger, supplier: await newSupplier() };
  };
  /** Posts as `who`, or without a token when `who` is null. */
  const post = (who: TestPerson | null, input: Record<string, unknown>) => app().gql(POST, { input }, who?.token);
  const posted = async (who: TestPerson, input: Record<string, unknown> = {}) =>
    ok(
      await post(who, { categoryId: METALS, description: 'Need M8 bolts, 10k per month', ...input }),
      'postSourcingRequest',
    );
  const answer = (who: TestPerson, input: Record<string, unknown>) => app().gql(ANSWER, { input }, who.token);
  const answered = async (who: TestPerson, input: Record<string, unknown>) =>
    ok(await answer(who, input), 'answerSourcingRequest');
  const close = (who: TestPerson, id: string) => app().gql(CLOSE, { id }, who.token);
  const get = async (who: TestPerson, id: string) => ok(await app().gql(GET, { id }, who.token), 'sourcingRequest');
  const forMe = async (who: TestPerson, variables: Record<string, unknown> = {}) =>
    ok(await app().gql(FOR_ME, variables, who.token), 'me').sourcingRequestsForMe;
  const countOf = async (cypher: string, params: Record<string, unknown>) =>
    (await app().neo4j.read<{ n: number }>(cypher, params))[0].n;
  const answerCount = (requestId: string) =>
    countOf('MATCH (a:SourcingAnswer)-[:TO_REQUEST]->(:SourcingRequest {id: $id}) RETURN count(a) AS n', {
      id: requestId,
    });
  return {
    connect,
    disconnect,
    newSupplier,
    setup,
    post,
    posted,
    answer,
    answered,
    close,
    get,
    forMe,
    countOf,
    answerCount,
  };
}
