/**
 * The generic walk of the policy-leaks test: it visits every object of a response, recognises
 * people, paths, traders, evidence, trades and sourcing records by __typename, and checks each
 * against the model's rules. Strings are searched for the names and ids of hidden people too.
 */
import { FIELDS } from './leak-fields.js';
import { Findings } from './leak-findings.js';
import { FORMER_MEMBER_ID, LeakModel, MPerson, MTrade } from './leak-model.js';

export interface WalkContext {
  m: LeakModel;
  viewer: MPerson;
  out: Findings;
  /** The query, e.g. `connectionPath(P07)`. */
  query: string;
  /** Inside a network search (trader rows, shortlist evidence): opted-out people must not be named. */
  search?: boolean;
  /** The supplier a networkTradersWith answer is about. */
  supplierId?: string;
  /** The person a connectionPath leads to. */
  targetId?: string;
  /** Under the viewer's own blockedPeople, where the people they blocked are listed on purpose. */
  ownBlockList?: boolean;
}

const SKIPPED_STRINGS = new Set(['__typename', 'cursor', 'startCursor', 'endCursor']);

export function walk(value: unknown, ctx: WalkContext, at: string): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, ctx, `${at}[${i}]`));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const obj = value as Record<string, any>;
  let inner = ctx;
  switch (obj.__typename) {
    case 'Person':
      checkPerson(obj, ctx, at);
      break;
    case 'ConnectionPath':
      checkPath(obj[FIELDS.pathPeople], ctx, `${at}.${FIELDS.pathPeople}`, {
        targetId: ctx.targetId,
        degree: obj.degree,
      });
      break;
    case 'NetworkTrader':
      inner = { ...ctx, search: true };
      checkTrader(obj, inner, at);
      break;
    case 'SupplierRecommendation':
      inner = { ...ctx, supplierId: obj.supplier?.id };
      break;
    case 'TrustEvidence':
      inner = { ...ctx, search: true };
      checkEvidence(obj, inner, at);
      break;
    case 'Introduction': {
      // The chain starts at the requester; the steps name the same people as the path.
      const historic = { historic: true };
      const steps = (obj.steps ?? []).map((step: any) => step.person);
      checkPath(
        [obj.requester, ...(obj[FIELDS.introductionPath] ?? [])],
        ctx,
        `${at}.${FIELDS.introductionPath}`,
        historic,
      );
      checkPath([obj.requester, ...steps], ctx, `${at}.steps`, historic);
      break;
    }
    case 'Trade':
      checkTrade(obj, ctx, at);
      break;
    case 'SourcingRequest':
      checkSourcing(obj, ctx, at, ctx.m.sourcingRequests.find((r) => r.id === obj.id)?.requesterId, 'sourcing request');
      break;
    case 'SourcingAnswer':
      checkSourcing(obj, ctx, at, ctx.m.answers.find((a) => a.id === obj.id)?.answererId, 'sourcing answer');
      break;
    case 'Inquiry':
      checkSourcing(obj, ctx, at, ctx.m.inquiries.find((q) => q.id === obj.id)?.buyerId, 'inquiry');
      break;
    case 'Message': {
      // A deleted account's messages stay, without text or sender; a blocked person's are not shown.
      const senderId = ctx.m.messages.find((x) => x.id === obj.id)?.senderId;
      const why = senderId ? ctx.m.hiddenBecause(ctx.viewer.id, senderId) : null;
      const where = `${ctx.query} at ${at}`;
      if (why === 'blocked') ctx.out.add('blocking', ctx.viewer, where, `shows a message of ${ctx.m.label(senderId!)}`);
      if (why === 'deleted' && obj.deleted === false) {
        ctx.out.add('deleted', ctx.viewer, where, `shows a message of a deleted account as not deleted`);
      }
      break;
    }
  }
  for (const [key, child] of Object.entries(obj)) {
    if (typeof child === 'string') {
      // A Person's own id and name are checked as the person; cursors are opaque.
      const own = obj.__typename === 'Person' && (key === 'id' || key === 'name');
      if (!own && !SKIPPED_STRINGS.has(key)) checkString(child, ctx, `${at}.${key}`);
      continue;
    }
    let childCtx = key === 'blockedPeople' ? { ...inner, ownBlockList: true } : inner;
    // A referral's recipient knows who referred them: its sender may be named to them even in evidence.
    if (obj.__typename === 'Referral' && key === 'from') {
      const referral = ctx.m.referrals.find((r) => r.id === obj.id);
      if (referral?.toId === ctx.viewer.id) childCtx = { ...childCtx, search: false };
    }
    walk(child, childCtx, `${at}.${key}`);
  }
}

function checkPerson(p: Record<string, any>, ctx: WalkContext, at: string): void {
  const { m, viewer, out } = ctx;
  const where = `${ctx.query} at ${at}`;
  const why = m.hiddenBecause(viewer.id, p.id);
  if (why === 'blocked' && !(ctx.ownBlockList && m.blockedBy(viewer.id, p.id))) {
    const blocker = m.blockedBy(viewer.id, p.id) ? 'the viewer blocked them' : 'they blocked the viewer';
    out.add('blocking', viewer, where, `names ${m.label(p.id)} (${blocker})`);
  } else if (why === 'deleted' || why === 'unknown') {
    out.add(
      'deleted',
      viewer,
      where,
      `names ${m.label(p.id)}, whose account is ${why === 'deleted' ? 'deleted' : 'unknown'}`,
    );
  } else if (ctx.search && !m.mayNameInSearch(viewer.id, p.id)) {
    out.add('searchNaming', viewer, where, `names ${m.label(p.id)}, who opted out of network searches`);
  }
  if (why || p.id === FORMER_MEMBER_ID) return;
  const degree = p[FIELDS.connectionDegree];
  if (degree !== undefined) {
    const expected = [...m.acceptableDistances(viewer.id, p.id)].map((d) => (d !== null && d <= 3 ? d : null));
    if (!expected.includes(degree)) {
      out.add(
        'degrees',
        viewer,
        where,
        `connectionDegree of ${m.label(p.id)} is ${degree}, the true distance is ${expected.join(' or ')}`,
      );
    }
  }
  const hidden = !m.connectionsVisible(viewer.id, p.id);
  const owner = m.person(p.id);
  if (hidden && p[FIELDS.connectionCount] !== null && p[FIELDS.connectionCount] !== undefined) {
    out.add(
      'counts',
      viewer,
      where,
      `connectionCount of ${m.label(p.id)} (${owner?.visibility}) is ${p[FIELDS.connectionCount]}, not hidden`,
    );
  }
  const page = p[FIELDS.connections];
  if (!page) return;
  for (const edge of page.edges ?? []) {
    const c = edge.node?.id;
    if (c)
      checkEdge(
        ctx,
        `${where}.${FIELDS.connections}`,
        p.id,
        c,
        `lists ${m.label(c)} as a connection of ${m.label(p.id)}`,
      );
  }
  const learnable = m.neighbours(p.id).filter((c) => m.maySee(viewer.id, c) && m.edgeLearnable(viewer.id, p.id, c));
  if (hidden && page.totalCount !== learnable.length) {
    out.add(
      'counts',
      viewer,
      where,
      `connections.totalCount of ${m.label(p.id)} (${owner?.visibility}) is ${page.totalCount}; the viewer may learn ${learnable.length} of their connections`,
    );
  }
}

/** The edge a–b that an answer reveals must exist and be one the viewer may learn. */
export function checkEdge(ctx: WalkContext, where: string, a: string, b: string, what: string, historic = false): void {
  const { m, viewer, out } = ctx;
  if (!m.maySee(viewer.id, a) || !m.maySee(viewer.id, b)) return; // reported as naming
  if (!historic && !m.connected(a, b)) {
    out.add('edges', viewer, where, `${what}, but they are not connected`);
  } else if (!m.edgeLearnable(viewer.id, a, b)) {
    out.add(
      'edges',
      viewer,
      where,
      `${what}: reveals the edge ${m.label(a)}–${m.label(b)} (${m.edgeSecrecy(viewer.id, a, b)})`,
    );
  }
}

interface PathShape {
  /** The person the path must end at, when known. */
  targetId?: string;
  /** The degree the path claims; a path from the viewer then has degree + 1 people. */
  degree?: number;
  /** Introduction paths record links as they were when requested: only the edge rule applies. */
  historic?: boolean;
}

function checkPath(list: unknown, ctx: WalkContext, at: string, shape: PathShape): void {
  if (!Array.isArray(list)) return;
  const { m, viewer, out } = ctx;
  const where = `${ctx.query} at ${at}`;
  const ids = list.map((p: any) => (p ? (p.id as string) : null));
  const shown = ids.map((id) => id ?? 'hidden').map((id) => (id === 'hidden' ? id : m.label(id)));
  for (let i = 0; i + 1 < ids.length; i += 1) {
    const [a, b] = [ids[i], ids[i + 1]];
    if (a && b)
      checkEdge(
        ctx,
        where,
        a,
        b,
        `path [${shown.join(', ')}] puts ${m.label(a)} next to ${m.label(b)}`,
        shape.historic,
      );
  }
  if (shape.historic) return;
  if (ids[0] !== viewer.id)
    out.add('degrees', viewer, where, `path [${shown.join(', ')}] does not start at the viewer`);
  if (shape.targetId && ids[ids.length - 1] !== shape.targetId) {
    out.add('degrees', viewer, where, `path [${shown.join(', ')}] does not end at ${m.label(shape.targetId)}`);
  }
  if (shape.degree !== undefined && ids.length !== shape.degree + 1) {
    out.add('degrees', viewer, where, `path [${shown.join(', ')}] has ${ids.length} people for degree ${shape.degree}`);
  }
  if (shape.targetId && shape.degree !== undefined) {
    const expected = [...m.acceptableDistances(viewer.id, shape.targetId)];
    if (!expected.includes(shape.degree)) {
      out.add(
        'degrees',
        viewer,
        where,
        `degree ${shape.degree} to ${m.label(shape.targetId)}, the true distance is ${expected.join(' or ')}`,
      );
    }
  }
}

function checkTrader(node: Record<string, any>, ctx: WalkContext, at: string): void {
  const { m, viewer, out } = ctx;
  const where = `${ctx.query} at ${at}`;
  const personId: string | undefined = node[FIELDS.traderPerson]?.id;
  checkPath(node[FIELDS.traderPath], ctx, `${at}.${FIELDS.traderPath}`, { targetId: personId, degree: node.degree });
  if (!personId || !m.maySee(viewer.id, personId) || !ctx.supplierId) return;
  const visible = m.visibleTradesOf(viewer.id, personId, ctx.supplierId).length;
  if (node.tradeCount !== visible) {
    out.add(
      'privateTrades',
      viewer,
      where,
      `row of ${m.label(personId)} counts ${node.tradeCount} trades; the viewer may see ${visible} such trades`,
    );
  }
}

function checkEvidence(ev: Record<string, any>, ctx: WalkContext, at: string): void {
  const { m, viewer, out } = ctx;
  const where = `${ctx.query} at ${at}`;
  let behind: string | undefined;
  if (ev.kind === 'ENDORSEMENT') behind = m.endorsements.find((e) => e.id === ev.endorsement?.id)?.endorserId;
  if (ev.kind === 'REFERRAL') behind = m.referrals.find((r) => r.id === ev.referral?.id)?.fromId;
  if (ev.kind === 'TRADE') checkTradeEvidence(ev, ctx, where);
  // An endorsement's id leads back to its endorser (Organization.endorsements): withheld when they are.
  if (
    ev.kind === 'ENDORSEMENT' &&
    ev.endorsement &&
    (!ev.person || (behind && !m.mayNameInSearch(viewer.id, behind)))
  ) {
    out.add('searchNaming', viewer, where, `keeps endorsement ${ev.endorsement.id}, whose endorser it may not name`);
  }
  if (behind && m.blockedBetween(viewer.id, behind)) {
    out.add('blocking', viewer, where, `${ev.kind} evidence from ${m.label(behind)}, who has a block with the viewer`);
  }
  if (behind && m.maySee(viewer.id, behind)) {
    const expected = [...m.acceptableDistances(viewer.id, behind)];
    if (!expected.includes(ev.degree)) {
      out.add(
        'degrees',
        viewer,
        where,
        `evidence degree ${ev.degree} for ${m.label(behind)}, the true distance is ${expected.join(' or ')}`,
      );
    }
  }
}

/**
 * A trade's id leads back to its people (`trade(id)`): evidence that hides anyone withholds it. A
 * withheld trade is right only when some confirmed trade of the supplier the viewer may see, bought
 * by an organization of the evidence's person, names someone the viewer may not name in searches;
 * otherwise it hides evidence the viewer should see in full, or one from a trade they may not see.
 */
function checkTradeEvidence(ev: Record<string, any>, ctx: WalkContext, where: string): void {
  const { m, viewer, out } = ctx;
  const unnameable = (t: MTrade) => m.tradePeople(t).filter((id) => !m.mayNameInSearch(viewer.id, id));
  if (ev.trade) {
    const known = m.trades.find((t) => t.id === ev.trade.id);
    const hidden = known ? unnameable(known) : [];
    if (!ev.person || hidden.length > 0) {
      const who = hidden.length > 0 ? hidden.map((id) => m.label(id)).join(', ') : 'its hidden person';
      out.add('searchNaming', viewer, where, `keeps trade ${ev.trade.id}, which would name ${who}`);
    }
    return;
  }
  if (!ev.person || !ctx.supplierId) return;
  const explained = m.trades.some(
    (t) =>
      t.status === 'CONFIRMED' &&
      t.supplierId === ctx.supplierId &&
      m.isMember(ev.person.id, t.buyerId) &&
      m.tradeVisible(viewer.id, t) &&
      unnameable(t).length > 0,
  );
  if (!explained) {
    out.add('privateTrades', viewer, where, 'TRADE evidence of a named person with its trade withheld for no reason');
  }
}

function checkTrade(trade: Record<string, any>, ctx: WalkContext, at: string): void {
  const known = ctx.m.trades.find((t) => t.id === trade.id);
  if (known && !ctx.m.tradeVisible(ctx.viewer.id, known)) {
    const org = (id: string) => ctx.m.orgs.find((o) => o.id === id)?.key;
    ctx.out.add(
      'privateTrades',
      ctx.viewer,
      `${ctx.query} at ${at}`,
      `shows PRIVATE trade ${org(known.buyerId)}→${org(known.supplierId)} to a viewer who is a current member of neither`,
    );
  }
}

function checkSourcing(
  obj: Record<string, any>,
  ctx: WalkContext,
  at: string,
  ownerId: string | undefined,
  what: string,
): void {
  const { m, viewer, out } = ctx;
  const where = `${ctx.query} at ${at}`;
  if (!ownerId) out.add('deleted', viewer, where, `shows a ${what} (${obj.id}) of a deleted account`);
  else if (m.blockedBetween(viewer.id, ownerId)) {
    out.add('blocking', viewer, where, `shows a ${what} of ${m.label(ownerId)}, who has a block with the viewer`);
  }
}

function checkString(s: string, ctx: WalkContext, at: string): void {
  const { m, viewer, out } = ctx;
  for (const p of m.people) {
    const why = m.hiddenBecause(viewer.id, p.id);
    if (!why || !(s.includes(p.name) || s.includes(p.id))) continue;
    if (why === 'blocked' && ctx.ownBlockList) continue;
    out.add(
      why === 'blocked' ? 'blocking' : 'deleted',
      viewer,
      `${ctx.query} at ${at}`,
      `the text "${s}" names ${p.key} (${why})`,
    );
  }
}
