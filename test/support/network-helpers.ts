/**
 * Shared by the network end-to-end tests (test/network-*.e2e-spec.ts): the GraphQL operations,
 * and helpers to connect people through the API and read the result back.
 */
import { TestPerson } from './factories.js';
import { TestApp } from './test-app.js';

export const REQUEST_FIELDS = 'id status message createdAt from { id name } to { id name }';

export const REQUEST = `mutation Request($personId: ID!, $message: String) {
  requestConnection(personId: $personId, message: $message) { ${REQUEST_FIELDS} }
}`;
export const RESPOND = `mutation Respond($requestId: ID!, $accept: Boolean!) {
  respondToConnectionRequest(requestId: $requestId, accept: $accept) { ${REQUEST_FIELDS} }
}`;
export const WITHDRAW = `mutation Withdraw($requestId: ID!) { withdrawConnectionRequest(requestId: $requestId) { ${REQUEST_FIELDS} } }`;
export const REMOVE = `mutation Remove($personId: ID!) { removeConnection(personId: $personId) }`;
export const PATH = `query Path($toPersonId: ID!, $maxDepth: Int) {
  connectionPath(toPersonId: $toPersonId, maxDepth: $maxDepth) { degree people { id name } }
}`;
export const PAGE_FIELDS = `totalCount edges { cursor node { id name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;
export const MUTUAL = `query Mutual($personId: ID!, $first: Int, $after: String) {
  mutualConnections(personId: $personId, first: $first, after: $after) { ${PAGE_FIELDS} }
}`;
export const CONNECTIONS = `query Connections($id: ID!, $first: Int, $after: String) {
  person(id: $id) { connectionCount connections(first: $first, after: $after) { ${PAGE_FIELDS} } }
}`;
export const REQUEST_LISTS = `query Requests($id: ID!) {
  person(id: $id) {
    incomingConnectionRequests { totalCount edges { node { id status message from { id } to { id } } } }
    outgoingConnectionRequests { totalCount edges { node { id status message from { id } to { id } } } }
  }
}`;
export const ME_REQUESTS = `query { me {
  incomingConnectionRequests { totalCount edges { node { id from { id } } } }
  outgoingConnectionRequests { totalCount edges { node { id to { id } } } }
} }`;

export const namesOf = (page: any) => page.edges.map((edge: any) => edge.node.name);

/**
 * The helpers that need the running app. `app` is called on each use, so they can be created
 * in a describe block before beforeAll has started the app.
 */
export function networkHelpers(app: () => TestApp) {
  const requestVia = (from: TestPerson, to: { id: string }, message?: string | null) =>
    app().gql(REQUEST, { personId: to.id, message }, from.token);
  const respondVia = (actor: TestPerson, requestId: string, accept: boolean) =>
    app().gql(RESPOND, { requestId, accept }, actor.token);
  const withdrawVia = (actor: TestPerson, requestId: string) => app().gql(WITHDRAW, { requestId }, actor.token);
  const removeVia = (actor: TestPerson, other: { id: string }) =>
    app().gql(REMOVE, { personId: other.id }, actor.token);

  /** Sends a request and returns its id, failing the test if it is refused. */
  const sendRequest = async (from: TestPerson, to: TestPerson, message?: string) => {
    const res = await requestVia(from, to, message);
    expect(res.errors).toBeUndefined();
    return res.data!.requestConnection.id as string;
  };
  /** Connects two people through the API: `a` asks, `b` accepts. */
  const connect = async (a: TestPerson, b: TestPerson) => {
    const res = await respondVia(b, await sendRequest(a, b), true);
    expect(res.errors).toBeUndefined();
  };

  /** The stored requests between two people, either direction, oldest first. */
  const storedRequests = (aId: string, bId: string) =>
    app().neo4j.read<{ fromId: string; status: string; message: string | null }>(
      `MATCH (from:Person)-[:SENT_REQUEST]->(r:ConnectionRequest)-[:REQUEST_TO]->(to:Person)
       WHERE (from.id = $aId AND to.id = $bId) OR (from.id = $bId AND to.id = $aId)
       RETURN from.id AS fromId, r.status AS status, r.message AS message ORDER BY r.createdAt`,
      { aId, bId },
    );
  /** How many CONNECTED_TO relationships join two people, in either direction. */
  const connectionCount = async (aId: string, bId: string) =>
    (
      await app().neo4j.read<{ n: number }>(
        'MATCH (:Person {id: $aId})-[c:CONNECTED_TO]-(:Person {id: $bId}) RETURN count(c) AS n',
        { aId, bId },
      )
    )[0].n;
  const requestStatus = async (requestId: string) =>
    (
      await app().neo4j.read<{ status: string }>(
        'MATCH (r:ConnectionRequest {id: $requestId}) RETURN r.status AS status',
        { requestId },
      )
    )[0].status;

  /** connectionDegree of several people, as `viewer` sees them, in one GraphQL request. */
  const degrees = async (viewer: TestPerson, people: Record<string, { id: string }>) => {
    const names = Object.keys(people);
    const query = `query Degrees(${names.map((_, i) => `$id${i}: ID!`).join(', ')}) {
      ${names.map((_, i) => `p${i}: person(id: $id${i}) { connectionDegree }`).join('\n')}
    }`;
    const variables = Object.fromEntries(names.map((name, i) => [`id${i}`, people[name].id]));
    const res = await app().gql(query, variables, viewer.token);
    expect(res.errors).toBeUndefined();
    return Object.fromEntries(names.map((name, i) => [name, res.data![`p${i}`].connectionDegree]));
  };
  const pathTo = async (viewer: TestPerson, target: { id: string }, maxDepth?: number) => {
    const res = await app().gql(PATH, { toPersonId: target.id, maxDepth }, viewer.token);
    expect(res.errors).toBeUndefined();
    return res.data!.connectionPath as { degree: number; people: { id: string; name: string }[] } | null;
  };

  return {
    requestVia,
    respondVia,
    withdrawVia,
    removeVia,
    sendRequest,
    connect,
    storedRequests,
    connectionCount,
    requestStatus,
    degrees,
    pathTo,
  };
}
