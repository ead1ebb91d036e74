/** The abusive documents and calls the stress run replays, as found when the API was tried as an attacker. */

/** A 1 KB chain of fragments, each spreading the previous one twice: 2^levels fields if walked naively. */
export function fragmentBomb(levels: number): string {
  const lines = ['fragment F0 on Person { id name }'];
  for (let i = 1; i <= levels; i++) lines.push(`fragment F${i} on Person { ...F${i - 1} ...F${i - 1} }`);
  return `query { me { ...F${levels} } }\n${lines.join('\n')}`;
}

/** One document with `count` aliases of the dearest network query. */
export function aliasBomb(count: number, categoryId: string): string {
  const fields = Array.from(
    { length: count },
    (_, i) =>
      `a${i}: supplierShortlist(categoryId: "${categoryId}", maxDegree: 3, first: 50) { edges { node { score supplier { id } } } }`,
  );
  return `query { ${fields.join('\n')} }`;
}

/** Three nested connection pages of 100: up to a million people in one answer if nothing limits it. */
export const NESTED_CONNECTIONS = `query {
  me { connections(first: 100) { edges { node { connections(first: 100) { edges { node {
    connections(first: 100) { edges { node { id name } } } } } } } } } }
}`;

export const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { accessToken }
}`;

export const REGISTER = `mutation Register($email: String!) {
  register(input: { email: $email, password: "a long enough password", name: "Stress Test", country: "NL" }) { accessToken }
}`;

export const ENDORSE = `mutation Endorse($supplierId: ID!, $categoryId: ID!) {
  endorseSupplier(input: { supplierId: $supplierId, categoryId: $categoryId, rating: 5, comment: "again" }) { id }
}`;
