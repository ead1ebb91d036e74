/**
 * Shared by the endorsements end-to-end tests (test/endorsements-*.e2e-spec.ts): the GraphQL
 * operations, and small setup and read-back helpers.
 */
import { Organization } from '#tradegraph/organizations';
import { newOrganization, newPerson, TestPerson } from './factories.js';
import { TestApp } from './test-app.js';

export const ENDORSEMENT_FIELDS = `id rating comment verified createdAt updatedAt
  endorser { id name } supplier { id name } category { id name }`;

export const ENDORSE = `mutation Endorse($input: EndorseSupplierInput!) {
  endorseSupplier(input: $input) { ${ENDORSEMENT_FIELDS} }
}`;
export const RETRACT = `mutation Retract($endorsementId: ID!) { retractEndorsement(endorsementId: $endorsementId) }`;
export const ENDORSEMENTS = `query Endorsements($id: ID!, $categoryId: ID, $first: Int, $after: String) {
  organization(id: $id) {
    endorsements(categoryId: $categoryId, first: $first, after: $after) {
      totalCount
      edges { cursor node { id rating verified endorser { id } category { id } } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}`;
export const END_EMPLOYMENT = `mutation End($employmentId: ID!) { endEmployment(employmentId: $employmentId) { status } }`;

export const STEEL = 'metals-steel';
export const FASTENERS = 'metals-fasteners';

/**
 * The helpers that need the running app. `app` is called on each use, so they can be created
 * in a describe block before beforeAll has started the app.
 */
export function endorsementHelpers(app: () => TestApp) {
  const endorse = (person: TestPerson, input: Record<string, unknown>) => app().gql(ENDORSE, { input }, person.token);
  /** Endorses and returns the endorsement, failing the test on any error. */
  const endorsed = async (person: TestPerson, input: Record<string, unknown>) => {
    const res = await endorse(person, input);
    expect(res.errors).toBeUndefined();
    return res.data!.endorseSupplier;
  };
  /** A supplier of steel and fasteners, with its admin. */
  const newSupplier = async (categoryIds = [STEEL, FASTENERS]) => {
    const admin = await newPerson(app(), { name: 'Supplier admin' });
    const supplier = await newOrganization(app(), admin, { categoryIds });
    return { admin, supplier };
  };
  /** Every endorsement stored for an endorser and supplier, read straight from the graph. */
  const stored = (endorserId: string, supplierId: string) =>
    app().neo4j.read<{ id: string; rating: number; comment: string | null; categoryId: string }>(
      `MATCH (e:Endorsement {endorserId: $endorserId, supplierId: $supplierId})
       RETURN e.id AS id, e.rating AS rating, e.comment AS comment, e.categoryId AS categoryId ORDER BY e.categoryId`,
      { endorserId, supplierId },
    );
  const endorsementsOf = async (organizationId: string, viewer: TestPerson, args: Record<string, unknown> = {}) => {
    const res = await app().gql(ENDORSEMENTS, { id: organizationId, ...args }, viewer.token);
    expect(res.errors).toBeUndefined();
    return res.data!.organization.endorsements;
  };
  /** Trades come from another lib; here they are written straight into the graph in its model. */
  const newTrade = async (
    buyer: Organization,
    supplier: Organization,
    options: { status?: string; visibility?: string } = {},
  ) => {
    const [row] = await app().neo4j.write<{ id: string }>(
      `MATCH (b:Organization {id: $buyerId}), (s:Organization {id: $supplierId}), (c:Category {id: $categoryId})
       CREATE (t:Trade {id: randomUUID(), occurredOn: date('2025-03-01'), amountBand: 'UNDER_10K',
                        visibility: $visibility, status: $status, createdAt: datetime()}),
              (t)-[:BUYER]->(b), (t)-[:SUPPLIER]->(s), (t)-[:IN_CATEGORY]->(c)
       RETURN t.id AS id`,
      {
        buyerId: buyer.id,
        supplierId: supplier.id,
        categoryId: STEEL,
        status: options.status ?? 'CONFIRMED',
        visibility: options.visibility ?? 'PUBLIC',
      },
    );
    return row.id;
  };

  return { endorse, endorsed, newSupplier, stored, endorsementsOf, newTrade };
}
