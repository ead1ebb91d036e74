/**
 * Shared by the policy end-to-end tests (test/policy-*.e2e-spec.ts): the data they need written
 * straight into the graph (the shapes, not the rules, are under test), and the privacy actions
 * through the API.
 */
import { TestPerson } from './factories.js';
import { TestApp } from './test-app.js';

export const STEEL = 'metals-steel';

export function policyHelpers(app: () => TestApp) {
  let seq = 0;
  const unique = (prefix: string) => `${prefix}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

  const connect = (a: { id: string }, b: { id: string }) =>
    app().neo4j.write(
      'MATCH (a:Person {id: $a}), (b:Person {id: $b}) CREATE (a)-[:CONNECTED_TO {since: datetime()}]->(b)',
      { a: a.id, b: b.id },
    );
  /** Connects each consecutive pair of the chain. */
  const chain = async (...people: { id: string }[]) => {
    for (let i = 1; i < people.length; i += 1) await connect(people[i - 1], people[i]);
  };
  const block = async (actor: TestPerson, other: { id: string }) => {
    const res = await app().gql(`mutation($id: ID!) { blockPerson(personId: $id) }`, { id: other.id }, actor.token);
    expect(res.errors).toBeUndefined();
  };
  const settings = async (who: TestPerson, input: Record<string, unknown>) => {
    const res = await app().gql(
      `mutation($input: UpdatePrivacySettingsInput!) { updatePrivacySettings(input: $input) { connectionsVisibility } }`,
      { input },
      who.token,
    );
    expect(res.errors).toBeUndefined();
  };
  /** A steel supplier. */
  const newSupplier = async () => {
    const id = unique('supplier');
    await app().neo4j.write(
      `MATCH (c:Category {id: $category})
       CREATE (:Organization {id: $id, name: $id, country: 'DE', roles: ['SUPPLIER']})-[:SUPPLIES]->(c)`,
      { id, category: STEEL },
    );
    return id;
  };
  /** A confirmed public steel trade with the supplier, bought by a fresh organization where `person` works, recorded by them. */
  const trade = async (person: { id: string }, supplierId: string) => {
    const id = unique('trade');
    await app().neo4j.write(
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
  /** A steel endorsement of the supplier by `person`. */
  const endorse = async (person: { id: string }, supplierId: string, rating = 5) => {
    const id = unique('endorsement');
    await app().neo4j.write(
      `MATCH (p:Person {id: $personId}), (s:Organization {id: $supplierId}), (c:Category {id: $category})
       CREATE (p)-[:ENDORSED]->(e:Endorsement {id: $id, endorserId: p.id, supplierId: s.id, categoryId: c.id,
                                               rating: $rating, createdAt: datetime(), updatedAt: datetime()}),
              (e)-[:OF]->(s), (e)-[:IN_CATEGORY]->(c)`,
      { id, personId: person.id, supplierId, category: STEEL, rating },
    );
    return id;
  };
  /** A steel referral of the supplier from `from` to `to`. */
  const refer = async (from: { id: string }, to: { id: string }, supplierId: string) => {
    const id = unique('referral');
    await app().neo4j.write(
      `MATCH (a:Person {id: $from}), (b:Person {id: $to}), (s:Organization {id: $supplierId}), (c:Category {id: $category})
       CREATE (a)-[:REFERRED]->(r:Referral {id: $id, message: 'Good', createdAt: datetime()})-[:REFERRED_TO]->(b),
              (r)-[:ABOUT]->(s), (r)-[:IN_CATEGORY]->(c)`,
      { id, from: from.id, to: to.id, supplierId, category: STEEL },
    );
    return id;
  };
  return { unique, connect, chain, block, settings, newSupplier, trade, endorse, refer };
}
