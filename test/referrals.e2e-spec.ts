import { newEmployment, newOrganization, newPerson, TestPerson } from './support/factories.js';
import { expectFirstOverMaximumRefused, pageOf, walkMyPages } from './support/page-helpers.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';

const REFERRAL_FIELDS = `id message createdAt from { id name } to { id name } supplier { id name } category { id name }`;

const REFER = `mutation Refer($input: ReferSupplierInput!) { referSupplier(input: $input) { ${REFERRAL_FIELDS} } }`;
const PERSON_REFERRALS = `query PersonReferrals($id: ID!) {
  person(id: $id) {
    id
    referralsReceived { totalCount edges { node { id from { id } } } }
    referralsSent { totalCount edges { node { id to { id } } } }
  }
}`;

const ID_PAGES =
  'referralsReceived { totalCount edges { node { id } } } referralsSent { totalCount edges { node { id } } }';

const STEEL = 'metals-steel';
const FASTENERS = 'metals-fasteners';

describe('referrals', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** Connections come from another lib; here they are written straight into the graph in its model. */
  const connect = (a: TestPerson, b: TestPerson) =>
    t.neo4j.write(
      'MATCH (a:Person {id: $a}), (b:Person {id: $b}) CREATE (a)-[:CONNECTED_TO {since: datetime()}]->(b)',
      {
        a: a.id,
        b: b.id,
      },
    );
  /** A steel supplier with its admin. */
  const newSupplier = async () => {
    const admin = await newPerson(t, { name: 'Supplier admin' });
    return newOrganization(t, admin, { categoryIds: [STEEL] });
  };
  /** Two connected people and a supplier one may refer to the other. */
  const setup = async () => {
    const sender = await newPerson(t, { name: 'Sender' });
    const recipient = await newPerson(t, { name: 'Recipient' });
    await connect(sender, recipient);
    return { sender, recipient, supplier: await newSupplier() };
  };
  const refer = (sender: TestPerson, input: Record<string, unknown>) => t.gql(REFER, { input }, sender.token);
  const referred = async (sender: TestPerson, input: Record<string, unknown>) => {
    const res = await refer(sender, input);
    expect(res.errors).toBeUndefined();
    return res.data!.referSupplier;
  };
  const sentCount = async (sender: TestPerson) =>
    (
      await t.neo4j.read<{ n: number }>('MATCH (:Person {id: $id})-[:REFERRED]->(r:Referral) RETURN count(r) AS n', {
        id: sender.id,
      })
    )[0].n;

  describe('referSupplier', () => {
    it('creates a referral in the shared graph model and returns it with its related nodes', async () => {
      const { sender, recipient, supplier } = await setup();
      const referral = await referred(sender, {
        supplierId: supplier.id,
        toPersonId: recipient.id,
        categoryId: STEEL,
        message: '  They saved us weeks.  ',
      });
      expect(referral).toEqual({
        id: expect.any(String),
        message: 'They saved us weeks.',
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        from: { id: sender.id, name: 'Sender' },
        to: { id: recipient.id, name: 'Recipient' },
        supplier: { id: supplier.id, name: supplier.name },
        category: { id: STEEL, name: 'Steel' },
      });
      const rows = await t.neo4j.read(
        `MATCH (from:Person)-[:REFERRED]->(r:Referral {id: $id})-[:REFERRED_TO]->(to:Person),
               (r)-[:ABOUT]->(o:Organization), (r)-[:IN_CATEGORY]->(c:Category)
         RETURN from.id AS fromId, to.id AS toId, o.id AS supplierId, c.id AS categoryId, r.message AS message`,
        { id: referral.id },
      );
      expect(rows).toEqual([
        {
          fromId: sender.id,
          toId: recipient.id,
          supplierId: supplier.id,
          categoryId: STEEL,
          message: 'They saved us weeks.',
        },
      ]);
    });

    it('works along a connection in either direction, and stores no message when it is omitted or blank', async () => {
      const { sender, recipient, supplier } = await setup();
      const back = await referred(recipient, { supplierId: supplier.id, toPersonId: sender.id, categoryId: STEEL });
      expect(back).toMatchObject({ from: { id: recipient.id }, to: { id: sender.id }, message: null });
      const blank = await referred(sender, {
        supplierId: supplier.id,
        toPersonId: recipient.id,
        categoryId: STEEL,
        message: '   ',
      });
      expect(blank.message).toBeNull();
    });

    it('accepts a message of 1,000 characters and rejects 1,001 on input.message', async () => {
      const { sender, recipient, supplier } = await setup();
      const input = { supplierId: supplier.id, toPersonId: recipient.id, categoryId: STEEL };
      const longest = 'm'.repeat(1000);
      expect((await referred(sender, { ...input, message: longest })).message).toBe(longest);
      const res = await refer(sender, { ...input, message: 'm'.repeat(1001) });
      expect(onlyError(res).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.message' });
      expect(res.data).toBeNull();
      expect(await sentCount(sender)).toBe(1);
    });

    it('answers BAD_USER_INPUT on the field at fault and stores nothing', async () => {
      const { sender, recipient, supplier } = await setup();
      const valid = { supplierId: supplier.id, toPersonId: recipient.id, categoryId: STEEL };
      const cases: [Record<string, unknown>, string][] = [
        [{ toPersonId: sender.id }, 'input.toPersonId'],
        [{ supplierId: 'no-such-organization' }, 'input.supplierId'],
        [{ categoryId: 'no-such-category' }, 'input.categoryId'],
        [{ categoryId: FASTENERS }, 'input.categoryId'],
      ];
      for (const [overrides, field] of cases) {
        const res = await refer(sender, { ...valid, ...overrides });
        expect([overrides, onlyError(res).extensions]).toEqual([overrides, { code: 'BAD_USER_INPUT', field }]);
        expect(res.data).toBeNull();
      }
      expect(await sentCount(sender)).toBe(0);
    });

    it('forbids senders who are not directly connected to the recipient, and stores nothing', async () => {
      const { sender, recipient, supplier } = await setup();
      const stranger = await newPerson(t);
      const friendOfFriend = await newPerson(t);
      await connect(friendOfFriend, sender);
      // Working at the same organization does not make people connections.
      const colleague = await newPerson(t);
      const employer = await newOrganization(t, colleague);
      await newEmployment(t, recipient, employer, { approvedBy: colleague });
      for (const [who, actor] of [
        ['a stranger', stranger],
        ['a connection of a connection', friendOfFriend],
        ['a colleague of the recipient', colleague],
      ] as const) {
        const res = await refer(actor, { supplierId: supplier.id, toPersonId: recipient.id, categoryId: STEEL });
        expect([who, onlyError(res).extensions]).toEqual([who, { code: 'FORBIDDEN' }]);
        expect(res.data).toBeNull();
        expect(await sentCount(actor)).toBe(0);
      }
    });

    it('refuses an unknown recipient exactly like an unconnected one (a blocked pair sees each other as absent)', async () => {
      const { sender, supplier } = await setup();
      const stranger = await newPerson(t);
      const input = { supplierId: supplier.id, categoryId: STEEL };
      const unknown = onlyError(await refer(sender, { ...input, toPersonId: 'no-such-person' }));
      const unconnected = onlyError(await refer(sender, { ...input, toPersonId: stranger.id }));
      expect(unknown).toEqual(unconnected);
      expect(unknown.message).toBe('You can refer suppliers only to your direct connections.');
      expect(await sentCount(sender)).toBe(0);
    });

    it('requires a signed-in caller', async () => {
      const { recipient, supplier } = await setup();
      const res = await t.gql(REFER, {
        input: { supplierId: supplier.id, toPersonId: recipient.id, categoryId: STEEL },
      });
      expect(onlyError(res).extensions.code).toBe('UNAUTHENTICATED');
      const [row] = await t.neo4j.read<{ n: number }>(
        'MATCH (r:Referral)-[:REFERRED_TO]->(:Person {id: $id}) RETURN count(r) AS n',
        { id: recipient.id },
      );
      expect(row.n).toBe(0);
    });
  });

  describe('Person.referralsReceived and Person.referralsSent', () => {
    it('list the viewer’s own referrals, newest first', async () => {
      const { sender: ada, recipient: ben, supplier } = await setup();
      const cleo = await newPerson(t);
      await connect(ada, cleo);
      const input = { supplierId: supplier.id, categoryId: STEEL };
      const adaToBen = await referred(ada, { ...input, toPersonId: ben.id });
      const benToAda = await referred(ben, { ...input, toPersonId: ada.id });
      const adaToCleo = await referred(ada, { ...input, toPersonId: cleo.id });
      const cleoToAda = await referred(cleo, { ...input, toPersonId: ada.id });

      const res = await t.gql(PERSON_REFERRALS, { id: ada.id }, ada.token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.person).toEqual({
        id: ada.id,
        referralsReceived: pageOf(
          { id: cleoToAda.id, from: { id: cleo.id } },
          { id: benToAda.id, from: { id: ben.id } },
        ),
        referralsSent: pageOf({ id: adaToCleo.id, to: { id: cleo.id } }, { id: adaToBen.id, to: { id: ben.id } }),
      });
      const me = await t.gql(
        `query { me { referralsReceived { totalCount edges { node { id message supplier { id } category { id } } } } } }`,
        {},
        ben.token,
      );
      expect(me.data!.me.referralsReceived).toEqual(
        pageOf({ id: adaToBen.id, message: null, supplier: { id: supplier.id }, category: { id: STEEL } }),
      );
    });

    it('are empty lists for a viewer with no referrals', async () => {
      const loner = await newPerson(t);
      const res = await t.gql(PERSON_REFERRALS, { id: loner.id }, loner.token);
      expect(res.data!.person).toEqual({ id: loner.id, referralsReceived: pageOf(), referralsSent: pageOf() });
    });

    it('are null on anyone else’s Person, even for the other side of a referral', async () => {
      const { sender, recipient, supplier } = await setup();
      await referred(sender, { supplierId: supplier.id, toPersonId: recipient.id, categoryId: STEEL });
      for (const [subject, viewer] of [
        [recipient, sender],
        [sender, recipient],
        [sender, await newPerson(t)],
      ]) {
        const res = await t.gql(PERSON_REFERRALS, { id: subject.id }, viewer.token);
        expect(res.errors).toBeUndefined();
        expect(res.data!.person).toEqual({ id: subject.id, referralsReceived: null, referralsSent: null });
      }
    });

    it('keep people apart when several are listed in one request', async () => {
      const { sender, recipient, supplier } = await setup();
      const referral = await referred(sender, { supplierId: supplier.id, toPersonId: recipient.id, categoryId: STEEL });
      const res = await t.gql(
        `query Both($a: ID!, $b: ID!) {
           a: person(id: $a) { ${ID_PAGES} }
           b: person(id: $b) { ${ID_PAGES} }
         }`,
        { a: sender.id, b: recipient.id },
        recipient.token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({
        a: { referralsReceived: null, referralsSent: null },
        b: { referralsReceived: pageOf({ id: referral.id }), referralsSent: pageOf() },
      });
    });

    it('page newest first with first and after, totalCount and pageInfo, at most 100 a page', async () => {
      const supplier = await newSupplier();
      const ada = await newPerson(t);
      const received: string[] = [];
      const sent: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        const other = await newPerson(t);
        await connect(ada, other);
        received.push((await referred(other, { supplierId: supplier.id, categoryId: STEEL, toPersonId: ada.id })).id);
        if (i < 3)
          sent.push((await referred(ada, { supplierId: supplier.id, categoryId: STEEL, toPersonId: other.id })).id);
      }
      expect(await walkMyPages(t, ada.token, 'referralsReceived', 2)).toEqual([...received].reverse());
      expect(await walkMyPages(t, ada.token, 'referralsSent', 2)).toEqual([...sent].reverse());
      await expectFirstOverMaximumRefused(t, ada.token, 'referralsReceived');
      await expectFirstOverMaximumRefused(t, ada.token, 'referralsSent');
    });
  });
});
