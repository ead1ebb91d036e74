/**
 * Shared by the employment end-to-end tests (test/employment-*.e2e-spec.ts): the GraphQL operations,
 * and small setup and read-back helpers.
 */
import { newEmployment, newOrganization, newPerson, TestPerson } from './factories.js';
import { TestApp } from './test-app.js';

export const EMPLOYMENT_FIELDS = `id title status isAdmin startedOn endedOn person { id name } organization { id name }`;

export const REQUEST = `mutation Request($input: RequestEmploymentInput!) {
  requestEmployment(input: $input) { ${EMPLOYMENT_FIELDS} }
}`;
export const APPROVE = `mutation Approve($employmentId: ID!) { approveEmployment(employmentId: $employmentId) { ${EMPLOYMENT_FIELDS} } }`;
export const END = `mutation End($employmentId: ID!, $endedOn: Date) {
  endEmployment(employmentId: $employmentId, endedOn: $endedOn) { ${EMPLOYMENT_FIELDS} }
}`;
export const MEMBERS = `query Members($id: ID!, $first: Int, $after: String) {
  organization(id: $id) {
    members(first: $first, after: $after) {
      totalCount
      edges { cursor node { id title status isAdmin person { id name } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}`;
export const PENDING = `query Pending($id: ID!, $first: Int, $after: String) {
  organization(id: $id) {
    pendingEmployments(first: $first, after: $after) {
      totalCount
      edges { cursor node { id status person { id } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}`;
export const PERSON_EMPLOYMENTS = `query PersonEmployments($id: ID!) {
  person(id: $id) { id employments { totalCount edges { node { id title status organization { id } } } } }
}`;
export const SET_ADMIN = `mutation SetAdmin($employmentId: ID!, $isAdmin: Boolean!) {
  setEmploymentAdmin(employmentId: $employmentId, isAdmin: $isAdmin) { ${EMPLOYMENT_FIELDS} }
}`;
export const UPDATE_ORGANIZATION = `mutation Update($id: ID!, $name: String!) { updateOrganization(id: $id, input: { name: $name }) { id } }`;

export const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/**
 * The helpers that need the running app. `app` is called on each use, so they can be created
 * in a describe block before beforeAll has started the app.
 */
export function employmentHelpers(app: () => TestApp) {
  /** The stored state of one employment, read straight from the graph. */
  const stored = async (employmentId: string) =>
    (
      await app().neo4j.read<{
        status: string;
        endedOn: string | null;
        approvedBy: string | null;
        endedBy: string | null;
      }>(
        `MATCH ()-[e:WORKS_AT {id: $employmentId}]->()
         RETURN e.status AS status, e.endedOn AS endedOn, e.approvedBy AS approvedBy, e.endedBy AS endedBy`,
        { employmentId },
      )
    )[0];
  const countEmployments = async (personId: string, organizationId: string) =>
    (
      await app().neo4j.read<{ n: number }>(
        'MATCH (:Person {id: $personId})-[e:WORKS_AT]->(:Organization {id: $organizationId}) RETURN count(e) AS n',
        { personId, organizationId },
      )
    )[0].n;
  const members = async (organizationId: string, token: string, page: { first?: number; after?: string } = {}) => {
    const res = await app().gql(MEMBERS, { id: organizationId, ...page }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.organization.members;
  };
  const memberIds = async (organizationId: string, token: string) =>
    (await members(organizationId, token, { first: 100 })).edges.map((edge: any) => edge.node.person.id);
  const requestVia = (person: TestPerson, organizationId: string, extra: Record<string, unknown> = {}) =>
    app().gql(REQUEST, { input: { organizationId, title: 'Buyer', ...extra } }, person.token);
  /** Promotes a member straight in the graph (the mutation, setEmploymentAdmin, has tests of its own). */
  const makeAdmin = (employmentId: string) =>
    app().neo4j.write('MATCH ()-[e:WORKS_AT {id: $employmentId}]->() SET e.isAdmin = true', { employmentId });

  /** An organization with its admin, and the people who must not administer it. */
  async function organizationWithOutsiders() {
    const t = app();
    const admin = await newPerson(t, { name: 'Admin' });
    const organization = await newOrganization(t, admin);
    const outsider = await newPerson(t, { name: 'Outsider' });
    const member = await newPerson(t, { name: 'Plain member' });
    await newEmployment(t, member, organization, { approvedBy: admin });
    const otherAdmin = await newPerson(t, { name: 'Admin elsewhere' });
    await newOrganization(t, otherAdmin);
    const wrongActors = [
      ['a person with no tie to the organization', outsider],
      ['an approved member who is not admin', member],
      ['the admin of another organization', otherAdmin],
    ] as const;
    return { admin, organization, member, wrongActors };
  }

  return { stored, countEmployments, members, memberIds, requestVia, makeAdmin, organizationWithOutsiders };
}
