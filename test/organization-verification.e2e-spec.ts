import { EmploymentService } from '#tradegraph/employment';
import { GraphMigrator } from '#tradegraph/graph';
import { OrganizationRole } from '#tradegraph/organizations';
import { AmountBand, TradesService, TradeVisibility } from '#tradegraph/trades';
import { newEmployment, newOrganization, newPerson, TestPerson } from './support/factories.js';
import { mailedToken } from './support/email-helpers.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { STEEL } from './support/trades-helpers.js';

const VERIFICATION = `query($id: ID!) { organization(id: $id) {
  verification { domainVerified verifiedDomain verifiedAt vouchedBy }
} }`;

/** Domain verification (freemail and subdomains), vouching from the network, searchSuppliers(verifiedOnly). */
describe('organization verification', () => {
  let t: TestApp;
  let viewer: TestPerson;
  let sequence = 0;
  const domain = (label: string) => `${label}-${++sequence}.example`;

  beforeAll(async () => {
    t = await createTestApp();
    viewer = await newPerson(t);
  });
  afterAll(async () => {
    await t.close();
  });

  const verificationOf = async (id: string) => {
    const res = await t.gql(VERIFICATION, { id }, viewer.token);
    expect(res.errors).toBeUndefined();
    return res.data!.organization.verification;
  };
  /** An organization at https://www.<domain> whose admin has the given address. */
  async function organizationAt(site: string, adminEmail: string, verified = true) {
    const admin = await newPerson(t, { email: adminEmail, verified });
    const organization = await newOrganization(t, admin, {
      website: `https://www.${site}/about`,
      categoryIds: [STEEL],
    });
    return { admin, organization };
  }

  it('is domain-verified by a current member verified on the website’s domain, or on a subdomain', async () => {
    const site = domain('acme');
    const { organization } = await organizationAt(site, `ann@${site}`);
    const verification = await verificationOf(organization.id);
    expect(verification).toMatchObject({ domainVerified: true, verifiedDomain: site, vouchedBy: 0 });
    expect(Date.parse(verification.verifiedAt)).toBeLessThanOrEqual(Date.now());

    const other = domain('branch');
    const { organization: branch } = await organizationAt(other, `bob@eu.${other}`);
    expect(await verificationOf(branch.id)).toMatchObject({ domainVerified: true, verifiedDomain: other });
  });

  it('is not verified by an unverified address, a lookalike domain, a pending or a former member', async () => {
    const site = domain('plain');
    const { organization, admin } = await organizationAt(site, `cem@${site}`, false);
    const unverified = { domainVerified: false, verifiedDomain: null, verifiedAt: null, vouchedBy: 0 };
    expect(await verificationOf(organization.id)).toEqual(unverified);

    const lookalike = await newPerson(t, { email: `dan@not${site}` });
    await newEmployment(t, lookalike, organization, { approvedBy: admin });
    const pending = await newPerson(t, { email: `eve@${site}` });
    const employment = await newEmployment(t, pending, organization);
    expect(await verificationOf(organization.id)).toEqual(unverified);

    // Approved, the member verifies it; once the employment ends, it is unverified again.
    await t.app.get(EmploymentService).approve(admin.user, employment.id);
    expect((await verificationOf(organization.id)).domainVerified).toBe(true);
    await t.app.get(EmploymentService).end(pending.user, employment.id, null);
    expect(await verificationOf(organization.id)).toEqual(unverified);
  });

  it('is verified once the member verifies the address by the mailed link', async () => {
    const site = domain('later');
    const { organization, admin } = await organizationAt(site, `fay@${site}`, false);
    expect((await verificationOf(organization.id)).domainVerified).toBe(false);
    await t.gql(`mutation { resendVerificationEmail }`, {}, admin.token);
    await t.gql(`mutation($token: String!) { verifyEmail(token: $token) { id } }`, {
      token: await mailedToken(t, admin.email, 'Verify'),
    });
    expect((await verificationOf(organization.id)).domainVerified).toBe(true);
  });

  it('never verifies with freemail, as website or as address', async () => {
    const { organization } = await organizationAt('gmail.com', `gus-${++sequence}@gmail.com`);
    expect((await verificationOf(organization.id)).domainVerified).toBe(false);
    const { organization: subdomain } = await organizationAt('mail.yahoo.com', `hal-${++sequence}@mail.yahoo.com`);
    expect((await verificationOf(subdomain.id)).domainVerified).toBe(false);
  });

  it('never verifies on a public suffix or a shared hosting suffix; verifies on the registrable domain', async () => {
    // A website that is itself a public suffix, and an address on it, verified by the mailed link.
    const { organization: suffix } = await organizationAt('co.uk', `ivy-${++sequence}@co.uk`);
    expect(await verificationOf(suffix.id)).toMatchObject({ domainVerified: false, verifiedDomain: null });
    // A domain stored under older rules: graph migration 8 stores it again by the current ones.
    await t.neo4j.write(
      `MATCH (o:Organization {id: $id})<-[:WORKS_AT]-(p:Person) SET o.websiteDomain = 'co.uk', p.verifiedEmailDomain = 'co.uk'`,
      { id: suffix.id },
    );
    expect((await verificationOf(suffix.id)).domainVerified).toBe(true);
    await t.neo4j.write('MATCH (m:GraphMigration {version: 8}) DELETE m');
    expect(await t.app.get(GraphMigrator).migrate()).toEqual([8]);
    expect((await verificationOf(suffix.id)).domainVerified).toBe(false);
    // The shared hosting suffix itself: a tenant's address does not verify the platform.
    const { organization: hosting } = await organizationAt('github.io', `ola@pages-${++sequence}.github.io`);
    expect((await verificationOf(hosting.id)).domainVerified).toBe(false);

    // www.acme.co.uk gives acme.co.uk (not co.uk): an address at another company under co.uk does not verify it.
    const label = `acme-${++sequence}`;
    const { organization, admin } = await organizationAt(`${label}.co.uk`, `pia@beta-${sequence}.co.uk`);
    expect((await verificationOf(organization.id)).domainVerified).toBe(false);
    const member = await newPerson(t, { email: `quinn@shop.${label}.co.uk` });
    await newEmployment(t, member, organization, { approvedBy: admin });
    expect(await verificationOf(organization.id)).toMatchObject({
      domainVerified: true,
      verifiedDomain: `${label}.co.uk`,
    });
  });

  it('stores the website domain again by graph migration 8, once: stale and missing domains, not later changes', async () => {
    const storedDomain = async (id: string) =>
      (
        await t.neo4j.read<{ d: string | null }>('MATCH (o:Organization {id: $id}) RETURN o.websiteDomain AS d', { id })
      )[0].d;
    const label = `stale-${++sequence}`;
    const { organization: stale } = await organizationAt(`shop.${label}.co.uk`, `rae@${label}.co.uk`);
    const { organization: missing } = await organizationAt(domain('missing'), `sam-${sequence}@mail.example`);
    const missingDomain = await storedDomain(missing.id);
    await t.neo4j.write(`MATCH (o:Organization {id: $id}) SET o.websiteDomain = 'co.uk'`, { id: stale.id });
    await t.neo4j.write('MATCH (o:Organization {id: $id}) REMOVE o.websiteDomain', { id: missing.id });

    const migrator = t.app.get(GraphMigrator);
    await t.neo4j.write('MATCH (m:GraphMigration {version: 8}) DELETE m');
    expect(await migrator.migrate()).toEqual([8]);
    expect(await storedDomain(stale.id)).toBe(`${label}.co.uk`);
    expect(await storedDomain(missing.id)).toBe(missingDomain);
    expect(await migrator.appliedVersions()).toContain(8);

    // Recorded as applied: a later start (another migrate) leaves a stored domain alone.
    await t.neo4j.write(`MATCH (o:Organization {id: $id}) SET o.websiteDomain = 'co.uk'`, { id: stale.id });
    expect(await migrator.migrate()).toEqual([]);
    expect(await storedDomain(stale.id)).toBe('co.uk');
    await t.neo4j.write('MATCH (o:Organization {id: $id}) SET o.websiteDomain = $d', {
      id: stale.id,
      d: `${label}.co.uk`,
    });
  });

  it('counts the members of other domain-verified organizations with a confirmed public trade as vouching', async () => {
    const supplierSite = domain('supplier');
    const supplier = await organizationAt(supplierSite, `ida@${supplierSite}`, false);
    const supplierMember = await newPerson(t);
    await newEmployment(t, supplierMember, supplier.organization, { approvedBy: supplier.admin });

    const buyerSite = domain('buyer');
    const buyer = await organizationAt(buyerSite, `jon@${buyerSite}`);
    const buyerMember = await newPerson(t);
    await newEmployment(t, buyerMember, buyer.organization, { approvedBy: buyer.admin });
    const unverifiedBuyer = await organizationAt(domain('unverified'), `kim@${domain('elsewhere')}`);

    const trades = t.app.get(TradesService);
    const trade = async (recorder: TestPerson, buyerId: string, visibility = TradeVisibility.PUBLIC) => {
      const recorded = await trades.record(recorder.user, {
        buyerId,
        supplierId: supplier.organization.id,
        categoryId: STEEL,
        occurredOn: '2024-05-01',
        amountBand: AmountBand.FROM_10K_TO_100K,
        visibility,
      });
      return trades.confirm(supplierMember.user, recorded.id);
    };
    await trade(unverifiedBuyer.admin, unverifiedBuyer.organization.id);
    expect((await verificationOf(supplier.organization.id)).vouchedBy).toBe(0);
    await trade(buyerMember, buyer.organization.id, TradeVisibility.PRIVATE);
    expect((await verificationOf(supplier.organization.id)).vouchedBy).toBe(0);
    await trade(buyerMember, buyer.organization.id);
    await trade(buyer.admin, buyer.organization.id);
    // Both current members of the verified buyer, counted once each; the supplier is not itself verified.
    expect(await verificationOf(supplier.organization.id)).toMatchObject({ domainVerified: false, vouchedBy: 2 });
    // The buyer's vouching comes from verified suppliers only: none here.
    expect((await verificationOf(buyer.organization.id)).vouchedBy).toBe(0);
  });

  it('leaves vouching people blocked with the viewer, either way, out of vouchedBy', async () => {
    const supplier = await organizationAt(domain('vouched'), `ray@${domain('elsewhere')}`);
    const supplierMember = await newPerson(t);
    await newEmployment(t, supplierMember, supplier.organization, { approvedBy: supplier.admin });
    const buyerSite = domain('voucher');
    const buyer = await organizationAt(buyerSite, `sam@${buyerSite}`);
    const blocker = await newPerson(t);
    await newEmployment(t, blocker, buyer.organization, { approvedBy: buyer.admin });
    const trades = t.app.get(TradesService);
    const recorded = await trades.record(buyer.admin.user, {
      buyerId: buyer.organization.id,
      supplierId: supplier.organization.id,
      categoryId: STEEL,
      occurredOn: '2024-06-01',
      amountBand: AmountBand.FROM_10K_TO_100K,
      visibility: TradeVisibility.PUBLIC,
    });
    await trades.confirm(supplierMember.user, recorded.id);

    const blocked = await newPerson(t);
    const blocking = await newPerson(t);
    const block = async (by: TestPerson, whom: TestPerson) => {
      const res = await t.gql(`mutation($id: ID!) { blockPerson(personId: $id) }`, { id: whom.id }, by.token);
      expect(res.errors).toBeUndefined();
    };
    await block(blocker, blocked);
    await block(blocking, buyer.admin);
    const vouchedBy = async (as: TestPerson) => {
      const res = await t.gql(VERIFICATION, { id: supplier.organization.id }, as.token);
      expect(res.errors).toBeUndefined();
      return res.data!.organization.verification.vouchedBy;
    };
    // The unrelated viewer sees both members of the verified buyer; each blocked viewer one of them.
    expect(await vouchedBy(viewer)).toBe(2);
    expect(await vouchedBy(blocked)).toBe(1);
    expect(await vouchedBy(blocking)).toBe(1);
  });

  it('searchSuppliers(verifiedOnly: true) lists only domain-verified suppliers', async () => {
    const name = `Verifiable ${++sequence}`;
    const site = domain('search');
    const verified = await newPerson(t, { email: `lea@${site}` });
    const shown = await newOrganization(t, verified, {
      name: `${name} Shown`,
      website: `https://${site}`,
      roles: [OrganizationRole.SUPPLIER],
    });
    const unverified = await newPerson(t, { email: `max@${domain('other')}` });
    const hidden = await newOrganization(t, unverified, {
      name: `${name} Hidden`,
      website: `https://${site}.org`,
      roles: [OrganizationRole.SUPPLIER],
    });
    const search = async (verifiedOnly?: boolean) => {
      const res = await t.gql(
        `query($text: String, $verifiedOnly: Boolean) { searchSuppliers(text: $text, verifiedOnly: $verifiedOnly, first: 100) {
          edges { node { id verification { domainVerified } } } } }`,
        { text: name, verifiedOnly },
        viewer.token,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.searchSuppliers.edges.map((edge: any) => edge.node);
    };
    const all = (await search()).map((node: any) => node.id);
    expect(all).toEqual(expect.arrayContaining([shown.id, hidden.id]));
    const verifiedOnly = await search(true);
    expect(verifiedOnly.map((node: any) => node.id)).toContain(shown.id);
    expect(verifiedOnly.map((node: any) => node.id)).not.toContain(hidden.id);
    expect(verifiedOnly.every((node: any) => node.verification.domainVerified)).toBe(true);
  });

  it('counts trade evidence between two unverified organizations half in the shortlist, and says who is verified there and in scorecards', async () => {
    const category = STEEL;
    const shopper = await newPerson(t);
    const trades = t.app.get(TradesService);
    /** A supplier with one confirmed public trade from a buyer whose member is a direct connection of the shopper. */
    async function supplierWithTrade(buyerVerified: boolean) {
      const supplier = await organizationAt(domain('s'), `s${++sequence}@${domain('x')}`);
      const supplierMember = await newPerson(t);
      await newEmployment(t, supplierMember, supplier.organization, { approvedBy: supplier.admin });
      const site = domain('b');
      const buyer = await organizationAt(site, buyerVerified ? `b@${site}` : `b${++sequence}@${domain('y')}`);
      await t.neo4j.write(
        'MATCH (a:Person {id: $a}), (b:Person {id: $b}) CREATE (a)-[:CONNECTED_TO {since: datetime()}]->(b)',
        { a: shopper.id, b: buyer.admin.id },
      );
      const recorded = await trades.record(buyer.admin.user, {
        buyerId: buyer.organization.id,
        supplierId: supplier.organization.id,
        categoryId: category,
        occurredOn: new Date().toISOString().slice(0, 10),
        amountBand: AmountBand.FROM_10K_TO_100K,
        visibility: TradeVisibility.PUBLIC,
      });
      await trades.confirm(supplierMember.user, recorded.id);
      return supplier.organization.id;
    }
    const verifiedBuyer = await supplierWithTrade(true);
    const unverifiedBoth = await supplierWithTrade(false);
    const res = await t.gql(
      `query($categoryId: ID!) { supplierShortlist(categoryId: $categoryId, maxDegree: 1, first: 20) { edges { node {
        score supplier { id } evidence(first: 5) { edges { node { kind contribution supplierVerified buyerVerified } } } } } } }`,
      { categoryId: category },
      shopper.token,
    );
    expect(res.errors).toBeUndefined();
    const byId = new Map(
      res.data!.supplierShortlist.edges.map(({ node }: any) => [
        node.supplier.id,
        { ...node, evidence: node.evidence.edges.map((edge: any) => edge.node) },
      ]),
    );
    const full = byId.get(verifiedBuyer) as any;
    const half = byId.get(unverifiedBoth) as any;
    expect(full.evidence).toEqual([
      { kind: 'TRADE', contribution: expect.any(Number), supplierVerified: false, buyerVerified: true },
    ]);
    expect(half.evidence).toEqual([
      { kind: 'TRADE', contribution: expect.any(Number), supplierVerified: false, buyerVerified: false },
    ]);
    // w(1) × 0.6 without feedback × d(under a day old, so just below 1) ≈ 0.6; the unverified pair counts exactly half.
    expect(full.evidence[0].contribution).toBeCloseTo(0.6, 2);
    expect(half.evidence[0].contribution / full.evidence[0].contribution).toBeCloseTo(0.5, 9);
    // The scorecards say the same: whether the supplier is verified, and how many trades have a verified buyer.
    const scorecard = async (id: string) => {
      const card = await t.gql(
        `query($id: ID!) { organization(id: $id) { scorecard { domainVerified confirmedTradeCount verifiedBuyerTradeCount } } }`,
        { id },
        shopper.token,
      );
      expect(card.errors).toBeUndefined();
      return (card.data as any).organization.scorecard;
    };
    expect(await scorecard(verifiedBuyer)).toEqual({
      domainVerified: false,
      confirmedTradeCount: 1,
      verifiedBuyerTradeCount: 1,
    });
    expect(await scorecard(unverifiedBoth)).toEqual({
      domainVerified: false,
      confirmedTradeCount: 1,
      verifiedBuyerTradeCount: 0,
    });
  });
});
