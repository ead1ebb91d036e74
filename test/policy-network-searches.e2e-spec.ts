import { newPerson } from './support/factories.js';
import { shortlistOf } from './support/page-helpers.js';
import { policyHelpers, STEEL } from './support/policy-helpers.js';
import { LEAVE, TRADE } from './support/trades-helpers.js';
import { createTestApp, TestApp } from './support/test-app.js';

const SHORTLIST = `query { supplierShortlist(categoryId: "${STEEL}", maxDegree: 3, first: 20) {
  edges { node {
    score supplier { id }
    evidence { edges { node {
      kind degree person { id }
      endorsement { id endorser { id } }
      trade { id recordedBy { id } confirmedBy { id } }
      referral { id from { id } to { id } }
    } } }
  } }
} }`;

/** Opting out of network searches: never named there, not even through a nested field; the evidence still counts. */
describe('policy: network searches', () => {
  let t: TestApp;
  const { chain, settings, newSupplier, trade, endorse, refer } = policyHelpers(() => t);
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts an opted-out person’s evidence anonymously: no nested field names them', async () => {
    const [viewer, endorser, trader, referrer] = [
      await newPerson(t),
      await newPerson(t),
      await newPerson(t),
      await newPerson(t),
    ];
    await chain(endorser, viewer, trader);
    await chain(viewer, referrer);
    const supplierId = await newSupplier();
    const endorsementId = await endorse(endorser, supplierId);
    const tradeId = await trade(trader, supplierId);
    const referralId = await refer(referrer, viewer, supplierId);
    const shortlist = async () => {
      const res = await t.gql(SHORTLIST, {}, viewer.token);
      expect(res.errors).toBeUndefined();
      return shortlistOf(res.data!.supplierShortlist).find((r: any) => r.supplier.id === supplierId);
    };
    const before = await shortlist();
    for (const who of [endorser, trader, referrer]) await settings(who, { appearInNetworkSearches: false });
    const after = await shortlist();

    expect(after.score).toBeCloseTo(before.score, 5);
    const byKind = Object.fromEntries(after.evidence.map((e: any) => [e.kind, e]));
    // Before, the evidence carried its endorsement and trade; now it keeps its kind and degree only.
    expect(before.evidence).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ endorsement: expect.objectContaining({ id: endorsementId }) }),
        expect.objectContaining({ trade: expect.objectContaining({ id: tradeId }) }),
      ]),
    );
    expect(byKind.ENDORSEMENT).toMatchObject({ degree: 1, person: null, endorsement: null });
    expect(byKind.TRADE).toMatchObject({ degree: 1, person: null, trade: null });
    // The referral was sent to the viewer, who knows who sent it; the evidence itself stays anonymous.
    expect(byKind.REFERRAL).toMatchObject({
      person: null,
      referral: { id: referralId, from: { id: referrer.id }, to: { id: viewer.id } },
    });
    // Outside a network search the trade still names its recorder, and the supplier's endorsements
    // their endorser: so evidence that carried their ids would name the opted-out people after all.
    const direct = await t.gql(TRADE, { id: tradeId }, viewer.token);
    expect(direct.errors).toBeUndefined();
    expect(direct.data!.trade.recordedBy).toEqual(expect.objectContaining({ id: trader.id }));
    const listed = await t.gql(
      `query($id: ID!) { organization(id: $id) { endorsements(first: 10) { edges { node { id endorser { id } } } } } }`,
      { id: supplierId },
      viewer.token,
    );
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.organization.endorsements.edges).toEqual([
      { node: { id: endorsementId, endorser: { id: endorser.id } } },
    ]);
  });

  it('names the recorder of a trade in the evidence of a colleague only when the recorder allows it', async () => {
    const [viewer, buyer, recorder] = [await newPerson(t), await newPerson(t), await newPerson(t)];
    await chain(viewer, buyer);
    const supplierId = await newSupplier();
    const tradeId = await trade(buyer, supplierId);
    // Someone else at the buyer recorded it, and opted out: the buyer is still named, the recorder not.
    await t.neo4j.write(
      `MATCH (t:Trade {id: $tradeId})<-[r:RECORDED]-(), (p:Person {id: $recorder}) DELETE r CREATE (p)-[:RECORDED]->(t)`,
      { tradeId, recorder: recorder.id },
    );
    await settings(recorder, { appearInNetworkSearches: false });
    const res = await t.gql(SHORTLIST, {}, viewer.token);
    const evidence = shortlistOf(res.data!.supplierShortlist).find((r: any) => r.supplier.id === supplierId).evidence;
    // The trade itself is withheld: `trade(id)` would name its recorder.
    expect(evidence).toEqual([expect.objectContaining({ kind: 'TRADE', person: { id: buyer.id }, trade: null })]);
    const direct = await t.gql(TRADE, { id: tradeId }, viewer.token);
    expect(direct.data!.trade.recordedBy).toEqual(expect.objectContaining({ id: recorder.id }));
  });
  it('withholds the trade, and so its feedback, of an opted-out trader', async () => {
    const [viewer, trader] = [await newPerson(t), await newPerson(t)];
    await chain(viewer, trader);
    const supplierId = await newSupplier();
    const tradeId = await trade(trader, supplierId);
    const input = { tradeId, quality: 5, delivery: 4, communication: 4 };
    expect((await t.gql(LEAVE, { input }, trader.token)).errors).toBeUndefined();
    await settings(trader, { appearInNetworkSearches: false });
    const res = await t.gql(
      `query { supplierShortlist(categoryId: "${STEEL}", maxDegree: 1, first: 20) { edges { node { supplier { id }
        evidence { edges { node { kind trade { id feedback { author { id } trade { id recordedBy { id } } } } } } } } } } }`,
      {},
      viewer.token,
    );
    expect(res.errors).toBeUndefined();
    const evidence = shortlistOf(res.data!.supplierShortlist).find((r: any) => r.supplier.id === supplierId).evidence;
    expect(evidence).toEqual([{ kind: 'TRADE', trade: null }]);
  });
});
