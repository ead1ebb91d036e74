import { newEmployment, newOrganization, newPerson, TestPerson } from './support/factories.js';
import { MUTUAL, networkHelpers, PATH } from './support/network-helpers.js';
import { shortlistOf } from './support/page-helpers.js';
import { policyHelpers, STEEL } from './support/policy-helpers.js';
import { createTestApp, GqlError, onlyError, TestApp } from './support/test-app.js';

const PERSON = `query($id: ID!) { person(id: $id) { id name } }`;
const TRADERS = `query($supplierId: ID!) {
  networkTradersWith(supplierId: $supplierId, maxDegree: 3) { totalCount edges { node { person { id } path { id } } } }
}`;
const SHORTLIST = `query { supplierShortlist(categoryId: "${STEEL}", maxDegree: 3, first: 50) {
  edges { node { supplier { id } evidence { edges { node { kind person { id } endorsement { id } } } } } }
} }`;

/** Blocking is mutual invisibility: neither person appears anywhere in the other's results. */
describe('policy: blocking', () => {
  let t: TestApp;
  const net = networkHelpers(() => t);
  const { chain, block, newSupplier, trade, endorse } = policyHelpers(() => t);
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** The error, with the unknown id in its message replaced, so a blocked answer can be compared with an unknown one. */
  const asUnknown = (error: GqlError, id: string) => ({
    message: error.message.replace(id, '<id>'),
    extensions: error.extensions,
  });

  it('person(id) is null both ways, exactly as for an unknown id', async () => {
    const [ada, ben] = [await newPerson(t), await newPerson(t)];
    await block(ada, ben);
    for (const [viewer, other] of [
      [ada, ben],
      [ben, ada],
    ] as [TestPerson, TestPerson][]) {
      const res = await t.gql(PERSON, { id: other.id }, viewer.token);
      expect(res).toMatchObject({ data: { person: null } });
      expect(res.errors).toBeUndefined();
    }
    expect((await t.gql(PERSON, { id: ben.id }, (await newPerson(t)).token)).data!.person.id).toBe(ben.id);
  });

  it('refuses connection requests both ways with the refusal an unknown person gets', async () => {
    const [ada, ben] = [await newPerson(t), await newPerson(t)];
    await block(ada, ben);
    for (const [from, to] of [
      [ada, ben],
      [ben, ada],
    ] as [TestPerson, TestPerson][]) {
      const refused = onlyError(await net.requestVia(from, to));
      const unknown = onlyError(await net.requestVia(from, { id: 'no-such-person' }));
      expect(asUnknown(refused, to.id)).toEqual(asUnknown(unknown, 'no-such-person'));
    }
    expect(await net.storedRequests(ada.id, ben.id)).toEqual([]);
  });

  it('connectionPath and mutualConnections to a blocked person answer as for an unknown id', async () => {
    const [ada, mid, ben] = [await newPerson(t), await newPerson(t), await newPerson(t)];
    await chain(ada, mid, ben);
    await block(ben, ada);
    for (const [viewer, other] of [
      [ada, ben],
      [ben, ada],
    ] as [TestPerson, TestPerson][]) {
      const path = onlyError(await t.gql(PATH, { toPersonId: other.id }, viewer.token));
      const unknownPath = onlyError(await t.gql(PATH, { toPersonId: 'no-such-person' }, viewer.token));
      expect(asUnknown(path, other.id)).toEqual(asUnknown(unknownPath, 'no-such-person'));
      const mutual = onlyError(await t.gql(MUTUAL, { personId: other.id }, viewer.token));
      const unknownMutual = onlyError(await t.gql(MUTUAL, { personId: 'no-such-person' }, viewer.token));
      expect(asUnknown(mutual, other.id)).toEqual(asUnknown(unknownMutual, 'no-such-person'));
    }
    // The person in the middle still reaches both.
    expect((await net.pathTo(mid, ben))!.degree).toBe(1);
  });

  it('leaves a blocked person out of mutual connections and out of networkTradersWith as result or path', async () => {
    const [viewer, blocker, target, other] = [
      await newPerson(t),
      await newPerson(t),
      await newPerson(t),
      await newPerson(t),
    ];
    // viewer - blocker - target, and viewer - other - target: blocker is a mutual connection and on a path.
    await chain(viewer, blocker, target);
    await chain(viewer, other, target);
    const supplierId = await newSupplier();
    await trade(blocker, supplierId);
    await trade(target, supplierId);
    await block(blocker, viewer);

    const mutual = await t.gql(MUTUAL, { personId: target.id }, viewer.token);
    expect(mutual.data!.mutualConnections.edges.map((e: any) => e.node.id)).toEqual([other.id]);
    const traders = await t.gql(TRADERS, { supplierId }, viewer.token);
    expect(traders.errors).toBeUndefined();
    expect(traders.data!.networkTradersWith).toEqual({
      totalCount: 1,
      edges: [{ node: { person: { id: target.id }, path: [{ id: viewer.id }, { id: other.id }, { id: target.id }] } }],
    });
    // And the other way round: the viewer is nowhere in the blocker's results.
    const theirs = await t.gql(TRADERS, { supplierId }, blocker.token);
    expect(theirs.data!.networkTradersWith.edges.map((e: any) => e.node.person.id)).toEqual([target.id]);
  });

  it('keeps evidence from a person blocked either way out of the shortlist entirely', async () => {
    const [viewer, mid, endorser] = [await newPerson(t), await newPerson(t), await newPerson(t)];
    await chain(viewer, mid, endorser);
    const supplierId = await newSupplier();
    await endorse(endorser, supplierId);
    const evidenceFor = async (who: TestPerson) => {
      const res = await t.gql(SHORTLIST, {}, who.token);
      expect(res.errors).toBeUndefined();
      return shortlistOf(res.data!.supplierShortlist).find((r: any) => r.supplier.id === supplierId)?.evidence ?? [];
    };
    expect(await evidenceFor(viewer)).toEqual([
      { kind: 'ENDORSEMENT', person: { id: endorser.id }, endorsement: expect.anything() },
    ]);
    await block(viewer, endorser);
    expect(await evidenceFor(viewer)).toEqual([]);
    // The block works both ways: nothing either way, and nothing from the viewer for the endorser.
    await endorse(viewer, supplierId);
    const theirs = await evidenceFor(endorser);
    expect(theirs.filter((e: any) => e.person?.id === viewer.id)).toEqual([]);
    expect(theirs).toEqual([]);
  });

  it('leaves a person blocked either way out of an organization’s members and pending requests, count included', async () => {
    const [admin, member, applicant, viewer] = [
      await newPerson(t),
      await newPerson(t),
      await newPerson(t),
      await newPerson(t),
    ];
    const organization = await newOrganization(t, admin);
    await newEmployment(t, member, organization, { approvedBy: admin });
    await newEmployment(t, applicant, organization);
    const MEMBERS = `query($id: ID!) { organization(id: $id) {
      members(first: 10) { totalCount edges { node { title person { id } } } }
      pendingEmployments(first: 10) { totalCount edges { node { title person { id } } } }
    } }`;
    const before = await t.gql(MEMBERS, { id: organization.id }, viewer.token);
    expect(before.data!.organization.members.totalCount).toBe(2);

    await block(member, viewer);
    await block(admin, applicant);
    const members = (await t.gql(MEMBERS, { id: organization.id }, viewer.token)).data!.organization.members;
    expect(members.totalCount).toBe(1);
    expect(members.edges.map((edge: any) => edge.node.person?.id)).toEqual([admin.id]);
    const pending = (await t.gql(MEMBERS, { id: organization.id }, admin.token)).data!.organization.pendingEmployments;
    expect(pending).toEqual({ totalCount: 0, edges: [] });
  });
});
