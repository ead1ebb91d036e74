import { newPerson, TestPerson } from './support/factories.js';
import { sourcingHelpers } from './support/sourcing-helpers.js';
import { createTestApp, onlyError, TestApp } from './support/test-app.js';

const BLOCK = `mutation Block($personId: ID!) { blockPerson(personId: $personId) }`;
const UNBLOCK = `mutation Unblock($personId: ID!) { unblockPerson(personId: $personId) }`;

/** Blocking is mutual invisibility in sourcing: audience, visibility, answering and answer lists. */
describe('blocking and sourcing requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const { connect, setup, posted, answer, answered, get, forMe, countOf } = sourcingHelpers(() => t);
  const block = async (actor: TestPerson, other: TestPerson) =>
    expect((await t.gql(BLOCK, { personId: other.id }, actor.token)).data).toEqual({ blockPerson: true });
  const unblock = async (actor: TestPerson, other: TestPerson) =>
    expect((await t.gql(UNBLOCK, { personId: other.id }, actor.token)).data).toEqual({ unblockPerson: true });
  const audienceOf = async (requestId: string) =>
    (
      await t.neo4j.read<{ ids: string[] }>(
        'MATCH (:SourcingRequest {id: $requestId})-[:VISIBLE_TO]->(p:Person) RETURN collect(p.id) AS ids',
        { requestId },
      )
    )[0].ids.sort();
  const forMeIds = async (who: TestPerson) => (await forMe(who)).edges.map((edge: any) => edge.node.id);

  it('leaves people blocked either way with the requester out of the audience at posting', async () => {
    const { requester, friend, friendOfFriend, stranger } = await setup();
    // A block ends a connection; these two are second-degree, through the friend.
    const blocker = await newPerson(t, { name: 'Blocker' });
    const blocked = await newPerson(t, { name: 'Blocked' });
    await connect(blocker, friend);
    await connect(blocked, friend);
    await block(blocker, requester);
    await block(requester, blocked);

    const request = await posted(requester, { maxDegree: 2 });
    expect(await audienceOf(request.id)).toEqual([friend.id, friendOfFriend.id].sort());
    for (const outsider of [blocker, blocked, stranger]) {
      expect(await get(outsider, request.id)).toBeNull();
      expect(await forMeIds(outsider)).toEqual([]);
    }
  });

  it('ends the audience edges between the two, both ways, when a block comes later', async () => {
    const { requester, friend, friendOfFriend, supplier } = await setup();
    const other = await newPerson(t, { name: 'Other friend' });
    await connect(other, requester);
    const mine = await posted(requester);
    const theirs = await posted(friend);
    expect(await forMeIds(friend)).toEqual([mine.id]);
    expect(await forMeIds(requester)).toEqual([theirs.id]);

    await block(friend, requester);
    expect(await audienceOf(mine.id)).toEqual([other.id]);
    expect(await audienceOf(theirs.id)).toEqual([friendOfFriend.id]);
    expect(await get(friend, mine.id)).toBeNull();
    expect(await get(requester, theirs.id)).toBeNull();
    expect(await forMeIds(friend)).toEqual([]);
    expect(await forMeIds(requester)).toEqual([]);
    // The other member of the audience is untouched.
    expect(await forMeIds(other)).toEqual([mine.id]);

    // Lifting the block gives back nothing: the audience was fixed when the request was posted.
    await unblock(friend, requester);
    expect(await get(friend, mine.id)).toBeNull();
    expect(await answer(friend, { requestId: mine.id, supplierId: supplier.id }).then(onlyError)).toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('refuses the blocked person’s answer exactly as a stranger’s: as if there were no such request', async () => {
    const { requester, friend, stranger, supplier } = await setup();
    const request = await posted(requester);
    const input = { requestId: request.id, supplierId: supplier.id };
    const asStranger = onlyError(await answer(stranger, input));
    expect(asStranger).toMatchObject({
      message: `No sourcing request has the id ${request.id}.`,
      extensions: { code: 'NOT_FOUND', field: 'input.requestId' },
    });
    for (const [blocker, blocked] of [
      [requester, friend],
      [friend, requester],
    ]) {
      await block(blocker, blocked);
      expect(onlyError(await answer(friend, input))).toEqual(asStranger);
      await unblock(blocker, blocked);
    }
    expect(await countOf('MATCH (a:SourcingAnswer {requestId: $id}) RETURN count(a) AS n', { id: request.id })).toBe(0);
  });

  it('hides the answers of a person blocked either way from the requester, and from the count', async () => {
    const { requester, friend, supplier } = await setup();
    const other = await newPerson(t, { name: 'Other friend' });
    const third = await newPerson(t, { name: 'Third friend' });
    await connect(other, requester);
    await connect(third, requester);
    const request = await posted(requester);
    const fromFriend = await answered(friend, { requestId: request.id, supplierId: supplier.id });
    const fromOther = await answered(other, { requestId: request.id, supplierId: supplier.id });
    await answered(third, { requestId: request.id, supplierId: supplier.id });
    expect((await get(requester, request.id)).answers.totalCount).toBe(3);

    await block(requester, friend);
    await block(third, requester);
    const answers = (await get(requester, request.id)).answers;
    expect(answers.totalCount).toBe(1);
    expect(answers.edges.map((edge: any) => edge.node)).toEqual([
      { id: fromOther.id, answerer: { id: other.id }, supplier: { id: supplier.id } },
    ]);
    // The answers stay stored: the block hides them, it does not delete anyone's data.
    expect(await countOf('MATCH (a:SourcingAnswer {requestId: $id}) RETURN count(a) AS n', { id: request.id })).toBe(3);
    // Lifting a block shows the earlier answers again (the request stays out of the person's sight).
    await unblock(requester, friend);
    expect((await get(requester, request.id)).answers.edges.map((edge: any) => edge.node.id).sort()).toEqual(
      [fromOther.id, fromFriend.id].sort(),
    );
  });
});
