import { newOrganization, newPerson, TestPerson } from './support/factories.js';
import { expectFirstOverMaximumRefused, pageOf, walkMyPages } from './support/page-helpers.js';
import { createTestApp, GqlResponse, onlyError, TestApp } from './support/test-app.js';

const INTRODUCTION_FIELDS = `id message status currentStep createdAt
  requester { id } path { id } target { id } supplier { id name }
  steps { person { id } decision note decidedAt }`;

const REQUEST = `mutation Request($input: RequestIntroductionInput!) {
  requestIntroduction(input: $input) { ${INTRODUCTION_FIELDS} }
}`;
const RESPOND = `mutation Respond($id: ID!, $accept: Boolean!, $note: String) {
  respondToIntroduction(introductionId: $id, accept: $accept, note: $note) { ${INTRODUCTION_FIELDS} }
}`;
const WITHDRAW = `mutation Withdraw($id: ID!) { withdrawIntroduction(introductionId: $id) { ${INTRODUCTION_FIELDS} } }`;
const MY_INTRODUCTIONS = `query { me {
  introductionsToHandle { totalCount edges { node { id currentStep } } }
  introductionsRequested { totalCount edges { node { id status } } }
} }`;

describe('introductions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  /** Connections come from the network lib; here they are written straight into the graph in its model. */
  const connect = (a: TestPerson, b: TestPerson) =>
    t.neo4j.write(
      'MATCH (a:Person {id: $a}), (b:Person {id: $b}) CREATE (a)-[:CONNECTED_TO {since: datetime()}]->(b)',
      { a: a.id, b: b.id },
    );
  const connectionsBetween = async (a: TestPerson, b: TestPerson) =>
    (
      await t.neo4j.read<{ n: number }>(
        'MATCH (:Person {id: $a})-[c:CONNECTED_TO]-(:Person {id: $b}) RETURN count(c) AS n',
        { a: a.id, b: b.id },
      )
    )[0].n;
  const requestedCount = async (requester: TestPerson) =>
    (
      await t.neo4j.read<{ n: number }>(
        'MATCH (:Person {id: $id})-[:REQUESTED_INTRODUCTION]->(i:Introduction) RETURN count(i) AS n',
        { id: requester.id },
      )
    )[0].n;

  /** A chain requester — intermediaries… — target, each consecutive pair connected. */
  const chain = async (intermediaries: 1 | 2) => {
    const requester = await newPerson(t, { name: 'Requester' });
    const hops: TestPerson[] = [];
    for (let i = 0; i < intermediaries; i++) hops.push(await newPerson(t, { name: `Intermediary ${i + 1}` }));
    const target = await newPerson(t, { name: 'Target' });
    const people = [requester, ...hops, target];
    for (let i = 0; i + 1 < people.length; i++) await connect(people[i], people[i + 1]);
    return { requester, hops, target, path: [...hops, target].map((p) => p.id) };
  };

  const request = (requester: TestPerson, input: Record<string, unknown>) => t.gql(REQUEST, { input }, requester.token);
  const requested = async (requester: TestPerson, input: Record<string, unknown>) => {
    const res = await request(requester, input);
    expect(res.errors).toBeUndefined();
    return res.data!.requestIntroduction;
  };
  const respond = (person: TestPerson, id: string, accept: boolean, note?: string) =>
    t.gql(RESPOND, { id, accept, note }, person.token);
  const responded = async (person: TestPerson, id: string, accept: boolean, note?: string) => {
    const res = await respond(person, id, accept, note);
    expect(res.errors).toBeUndefined();
    return res.data!.respondToIntroduction;
  };
  const withdraw = (person: TestPerson, id: string) => t.gql(WITHDRAW, { id }, person.token);
  const expectError = (res: GqlResponse, code: string, field?: string) => {
    const error = onlyError(res);
    expect(error.extensions.code).toBe(code);
    if (field) expect(error.extensions.field).toBe(field);
    expect(res.data).toBeNull();
    return error;
  };
  /** Status, current step and decisions, as stored. */
  const stored = async (id: string) =>
    (
      await t.neo4j.read<{ status: string; currentStep: number | null; decisions: (string | null)[] }>(
        `MATCH (i:Introduction {id: $id})-[s:STEP]->(:Person)
         WITH i, s ORDER BY s.index
         // collect() skips nulls, so each decision is wrapped to keep undecided steps.
         RETURN i.status AS status, i.currentStep AS currentStep, [d IN collect([s.decision]) | d[0]] AS decisions`,
        { id },
      )
    )[0];

  describe('requestIntroduction', () => {
    it('creates a PENDING introduction through one intermediary, waiting for the intermediary first', async () => {
      const { requester, hops, target, path } = await chain(1);
      const admin = await newPerson(t);
      const supplier = await newOrganization(t, admin);
      const introduction = await requested(requester, {
        path,
        message: '  We need a second source for fasteners.  ',
        supplierId: supplier.id,
      });
      expect(introduction).toEqual({
        id: expect.any(String),
        message: 'We need a second source for fasteners.',
        status: 'PENDING',
        currentStep: 0,
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        requester: { id: requester.id },
        path: [{ id: hops[0].id }, { id: target.id }],
        target: { id: target.id },
        supplier: { id: supplier.id, name: supplier.name },
        steps: [
          { person: { id: hops[0].id }, decision: null, note: null, decidedAt: null },
          { person: { id: target.id }, decision: null, note: null, decidedAt: null },
        ],
      });
      expect(await stored(introduction.id)).toEqual({ status: 'PENDING', currentStep: 0, decisions: [null, null] });
    });

    it('accepts two intermediaries, and no supplier', async () => {
      const { requester, hops, target, path } = await chain(2);
      const introduction = await requested(requester, { path, message: 'Hello' });
      expect(introduction.path).toEqual([{ id: hops[0].id }, { id: hops[1].id }, { id: target.id }]);
      expect(introduction.supplier).toBeNull();
      expect(introduction.steps).toHaveLength(3);
    });

    it('follows connections in either direction', async () => {
      const requester = await newPerson(t);
      const hop = await newPerson(t);
      const target = await newPerson(t);
      await connect(hop, requester);
      await connect(target, hop);
      const introduction = await requested(requester, { path: [hop.id, target.id], message: 'Hi' });
      expect(introduction.target).toEqual({ id: target.id });
    });

    it('names the position of the broken link, never the people, and stores nothing', async () => {
      const { requester, hops, target } = await chain(2);
      const stranger = await newPerson(t, { name: 'Stranger' });
      // The requester is not connected to the first person of the path.
      let error = expectError(
        await request(requester, { path: [hops[1].id, target.id], message: 'Hi' }),
        'BAD_USER_INPUT',
        'input.path',
      );
      expect(error.message).toBe('The path is broken between you and position 1.');
      // A later link is broken.
      error = expectError(
        await request(requester, { path: [hops[0].id, hops[1].id, stranger.id], message: 'Hi' }),
        'BAD_USER_INPUT',
        'input.path',
      );
      expect(error.message).toBe('The path is broken between positions 2 and 3.');
      // A person who does not exist reads the same as one who is not connected.
      expect(
        expectError(
          await request(requester, { path: [hops[0].id, hops[1].id, 'nobody'], message: 'Hi' }),
          'BAD_USER_INPUT',
        ),
      ).toEqual(error);
      expect(await requestedCount(requester)).toBe(0);
    });

    it('treats an edge the requester may not see as missing, so a request reveals no hidden edge', async () => {
      const { requester, hops, target, path } = await chain(1);
      const hidden = { path: [hops[0].id, target.id], message: 'Hi' };
      const stranger = await newPerson(t);
      const missing = expectError(
        await request(requester, { ...hidden, path: [hops[0].id, stranger.id] }),
        'BAD_USER_INPUT',
        'input.path',
      );
      for (const owner of [hops[0], target]) {
        await t.neo4j.write("MATCH (p:Person {id: $id}) SET p.connectionsVisibility = 'ONLY_ME'", { id: owner.id });
      }
      expect(expectError(await request(requester, hidden), 'BAD_USER_INPUT', 'input.path')).toEqual(missing);
      expect(missing.message).toBe('The path is broken between positions 1 and 2.');
      expect(await requestedCount(requester)).toBe(0);
      // Either end letting the requester see its connections is enough.
      await t.neo4j.write("MATCH (p:Person {id: $id}) SET p.connectionsVisibility = 'CONNECTIONS'", { id: hops[0].id });
      expect((await requested(requester, { path, message: 'Hi' })).status).toBe('PENDING');
    });

    it('rejects a bad path, message or supplier with BAD_USER_INPUT on the field, and stores nothing', async () => {
      const { requester, hops, target, path } = await chain(2);
      const cases: [Record<string, unknown>, string][] = [
        [{ path: [target.id] }, 'input.path'],
        [{ path: [hops[0].id, hops[1].id, target.id, requester.id] }, 'input.path'],
        [{ path: [] }, 'input.path'],
        [{ path: [hops[0].id, requester.id] }, 'input.path'],
        [{ path: [hops[0].id, hops[0].id] }, 'input.path'],
        [{ path: [hops[0].id, hops[1].id, hops[0].id] }, 'input.path'],
        [{ path: [hops[0].id, 'nobody'] }, 'input.path'],
        [{ path: ['nobody', hops[0].id] }, 'input.path'],
        [{ supplierId: 'no-such-organization' }, 'input.supplierId'],
        [{ message: '' }, 'input.message'],
        [{ message: '   ' }, 'input.message'],
        [{ message: 'm'.repeat(1001) }, 'input.message'],
      ];
      for (const [overrides, field] of cases) {
        expectError(await request(requester, { path, message: 'Hi', ...overrides }), 'BAD_USER_INPUT', field);
      }
      expect(await requestedCount(requester)).toBe(0);
      const longest = 'm'.repeat(1000);
      expect((await requested(requester, { path, message: longest })).message).toBe(longest);
    });

    it('requires a signed-in caller', async () => {
      const { path } = await chain(1);
      const res = await t.gql(REQUEST, { input: { path, message: 'Hi' } });
      expect(onlyError(res).extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('respondToIntroduction', () => {
    it('passes through each intermediary in turn, then the target’s acceptance connects requester and target', async () => {
      const { requester, hops, target, path } = await chain(2);
      const { id } = await requested(requester, { path, message: 'Hi' });

      const first = await responded(hops[0], id, true, '  Happy to help  ');
      expect(first).toMatchObject({ status: 'PENDING', currentStep: 1 });
      expect(first.steps[0]).toEqual({
        person: { id: hops[0].id },
        decision: 'ACCEPTED',
        note: 'Happy to help',
        decidedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });
      expect((await responded(hops[1], id, true)).currentStep).toBe(2);
      expect(await connectionsBetween(requester, target)).toBe(0);

      const done = await responded(target, id, true, 'Nice to meet you');
      expect(done).toMatchObject({ status: 'ACCEPTED', currentStep: null });
      expect(done.steps.map((s: { decision: string }) => s.decision)).toEqual(['ACCEPTED', 'ACCEPTED', 'ACCEPTED']);
      expect(await connectionsBetween(requester, target)).toBe(1);
    });

    it('never duplicates the connection when requester and target are already connected', async () => {
      const { requester, hops, target, path } = await chain(1);
      const { id } = await requested(requester, { path, message: 'Hi' });
      await connect(target, requester);
      await responded(hops[0], id, true);
      expect((await responded(target, id, true)).status).toBe('ACCEPTED');
      expect(await connectionsBetween(requester, target)).toBe(1);
    });

    it('ends the introduction when an intermediary declines, without asking the rest or connecting anyone', async () => {
      const { requester, hops, target, path } = await chain(2);
      const { id } = await requested(requester, { path, message: 'Hi' });
      await responded(hops[0], id, true);
      const declined = await responded(hops[1], id, false, 'I do not know them well');
      expect(declined).toMatchObject({ status: 'DECLINED', currentStep: null });
      expect(declined.steps.map((s: { decision: string | null }) => s.decision)).toEqual([
        'ACCEPTED',
        'DECLINED',
        null,
      ]);
      expect(declined.steps[1].note).toBe('I do not know them well');
      expectError(await respond(target, id, true), 'CONFLICT', 'introductionId');
      expect(await connectionsBetween(requester, target)).toBe(0);
    });

    it('lets the target decline, connecting no one', async () => {
      const { requester, hops, target, path } = await chain(1);
      const { id } = await requested(requester, { path, message: 'Hi' });
      await responded(hops[0], id, true);
      expect((await responded(target, id, false)).status).toBe('DECLINED');
      expect(await connectionsBetween(requester, target)).toBe(0);
    });

    it('forbids everyone whose turn it is not: the requester, later people and outsiders', async () => {
      const { requester, hops, target, path } = await chain(2);
      const outsider = await newPerson(t);
      const { id } = await requested(requester, { path, message: 'Hi' });
      for (const person of [requester, hops[1], target, outsider]) {
        expectError(await respond(person, id, true), 'FORBIDDEN');
      }
      await responded(hops[0], id, true);
      for (const person of [requester, target, outsider]) expectError(await respond(person, id, true), 'FORBIDDEN');
      expect(await stored(id)).toEqual({ status: 'PENDING', currentStep: 1, decisions: ['ACCEPTED', null, null] });
    });

    it('answers CONFLICT to a person who already decided, and once the introduction is decided', async () => {
      const { requester, hops, target, path } = await chain(1);
      const { id } = await requested(requester, { path, message: 'Hi' });
      await responded(hops[0], id, true);
      expectError(await respond(hops[0], id, false), 'CONFLICT', 'introductionId');
      await responded(target, id, true);
      expectError(await respond(target, id, false), 'CONFLICT', 'introductionId');
      expect(await stored(id)).toEqual({ status: 'ACCEPTED', currentStep: null, decisions: ['ACCEPTED', 'ACCEPTED'] });
    });

    it('rejects an unknown introduction and an overlong note, changing nothing', async () => {
      const { requester, hops, path } = await chain(1);
      const { id } = await requested(requester, { path, message: 'Hi' });
      expectError(await respond(hops[0], 'no-such-introduction', true), 'NOT_FOUND', 'introductionId');
      expectError(await respond(hops[0], id, true, 'n'.repeat(1001)), 'BAD_USER_INPUT', 'note');
      expect(await stored(id)).toEqual({ status: 'PENDING', currentStep: 0, decisions: [null, null] });
    });

    it('lets exactly one of ten concurrent identical responses through', async () => {
      const { requester, hops, target, path } = await chain(1);
      const { id } = await requested(requester, { path, message: 'Hi' });
      const intermediary = await Promise.all(Array.from({ length: 10 }, () => respond(hops[0], id, true)));
      expect(intermediary.filter((res) => !res.errors)).toHaveLength(1);
      expect(intermediary.filter((res) => res.errors?.[0].extensions.code === 'CONFLICT')).toHaveLength(9);
      expect(await stored(id)).toEqual({ status: 'PENDING', currentStep: 1, decisions: ['ACCEPTED', null] });

      const finals = await Promise.all(Array.from({ length: 10 }, () => respond(target, id, true)));
      expect(finals.filter((res) => !res.errors)).toHaveLength(1);
      expect(finals.filter((res) => res.errors?.[0].extensions.code === 'CONFLICT')).toHaveLength(9);
      expect(await connectionsBetween(requester, target)).toBe(1);
    });
  });

  describe('withdrawIntroduction', () => {
    it('lets the requester withdraw while PENDING, after which nobody can respond', async () => {
      const { requester, hops, path } = await chain(1);
      const { id } = await requested(requester, { path, message: 'Hi' });
      const res = await withdraw(requester, id);
      expect(res.errors).toBeUndefined();
      expect(res.data!.withdrawIntroduction).toMatchObject({ id, status: 'WITHDRAWN', currentStep: null });
      expectError(await respond(hops[0], id, true), 'CONFLICT', 'introductionId');
      expectError(await withdraw(requester, id), 'CONFLICT', 'introductionId');
    });

    it('forbids anyone but the requester, and answers CONFLICT once decided', async () => {
      const { requester, hops, target, path } = await chain(1);
      const outsider = await newPerson(t);
      const { id } = await requested(requester, { path, message: 'Hi' });
      for (const person of [hops[0], target, outsider]) expectError(await withdraw(person, id), 'FORBIDDEN');
      expect((await stored(id)).status).toBe('PENDING');
      await responded(hops[0], id, false);
      expectError(await withdraw(requester, id), 'CONFLICT', 'introductionId');
      expect((await stored(id)).status).toBe('DECLINED');
      expectError(await withdraw(requester, 'no-such-introduction'), 'NOT_FOUND', 'introductionId');
    });
  });

  describe('me', () => {
    it('lists the introductions waiting for me and those I requested, newest first', async () => {
      const { requester, hops, target, path } = await chain(1);
      const older = await requested(requester, { path, message: 'First' });
      const newer = await requested(requester, { path, message: 'Second' });
      const mine = async (person: TestPerson) => (await t.gql(MY_INTRODUCTIONS, {}, person.token)).data!.me;

      expect(await mine(requester)).toEqual({
        introductionsToHandle: pageOf(),
        introductionsRequested: pageOf({ id: newer.id, status: 'PENDING' }, { id: older.id, status: 'PENDING' }),
      });
      expect((await mine(hops[0])).introductionsToHandle).toEqual(
        pageOf({ id: newer.id, currentStep: 0 }, { id: older.id, currentStep: 0 }),
      );
      expect((await mine(target)).introductionsToHandle).toEqual(pageOf());

      await responded(hops[0], older.id, true);
      await responded(hops[0], newer.id, false);
      expect((await mine(hops[0])).introductionsToHandle).toEqual(pageOf());
      expect((await mine(target)).introductionsToHandle).toEqual(pageOf({ id: older.id, currentStep: 1 }));
      expect((await mine(requester)).introductionsRequested).toEqual(
        pageOf({ id: newer.id, status: 'DECLINED' }, { id: older.id, status: 'PENDING' }),
      );
    });

    it('pages both lists newest first with first and after, totalCount and pageInfo, at most 100 a page', async () => {
      const { requester, hops, path } = await chain(1);
      const ids: string[] = [];
      for (let i = 0; i < 5; i += 1) ids.push((await requested(requester, { path, message: `Hello ${i}` })).id);
      const newestFirst = [...ids].reverse();
      expect(await walkMyPages(t, hops[0].token, 'introductionsToHandle', 2)).toEqual(newestFirst);
      expect(await walkMyPages(t, requester.token, 'introductionsRequested', 2)).toEqual(newestFirst);
      // A page past the end is empty but still counts the whole list.
      const past = await t.gql(
        `query($after: String) { me { introductionsToHandle(first: 2, after: $after) { totalCount edges { node { id } } } } }`,
        { after: Buffer.from('offset:9').toString('base64url') },
        hops[0].token,
      );
      expect(past.data!.me.introductionsToHandle).toEqual({ totalCount: 5, edges: [] });
      await expectFirstOverMaximumRefused(t, hops[0].token, 'introductionsToHandle');
      await expectFirstOverMaximumRefused(t, requester.token, 'introductionsRequested');
    });

    it('shows the lists as null on anyone but the viewer', async () => {
      const { requester, hops, path } = await chain(1);
      await requested(requester, { path, message: 'Hi' });
      const res = await t.gql(
        `query Person($id: ID!) {
           person(id: $id) { id introductionsToHandle { totalCount } introductionsRequested { totalCount } }
         }`,
        { id: requester.id },
        hops[0].token,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.person).toEqual({ id: requester.id, introductionsToHandle: null, introductionsRequested: null });
    });
  });
});
