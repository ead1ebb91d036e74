/**
 * Runs, for one viewer, every query of the schema that returns people, paths, trades or counts,
 * over every person, supplier, organization, trade and sourcing request of the model, and feeds
 * each answer to the walk and to the query-specific checks. Aliased queries are batched into one
 * request per query; a batch that fails as a whole is retried one alias at a time.
 */
import { ROOT_CATEGORIES } from './leak-builder.js';
import { Batch, batchDocument, BATCHES, ME, MY_CONVERSATIONS, MY_SOURCING } from './leak-fields.js';
import { Findings } from './leak-findings.js';
import { checkSummaries, SummaryAnswer } from './leak-counts.js';
import { LeakModel, MPerson } from './leak-model.js';
import { checkEdge, walk, WalkContext } from './leak-walk.js';
import { GqlError, GqlResponse, TestApp } from './test-app.js';

interface Item {
  label: string;
  variables: Record<string, unknown>;
  /** Whether NOT_FOUND is a fine answer (the argument names someone the viewer may not see). */
  mayBeNotFound?: boolean;
}
type Handle = (item: Item, value: any, index: number) => void;

/** Aliases per request under the default operation limits (GRAPHQL_MAX_ALIASES). */
const MAX_ALIASES = 15;
/** Pages of sourcingRequestsForMe beyond which the paging is taken to loop. */
const MAX_PAGES = 20;

/** The degrees asked of the network searches: the widest, and the narrowest whose Cypher differs. */
const TRADER_DEGREES = [1, 3];
const SHORTLIST_DEGREES = [3];

export class ViewerAudit {
  constructor(
    private readonly t: TestApp,
    private readonly m: LeakModel,
    private readonly viewer: MPerson,
    private readonly out: Findings,
  ) {}

  private ctx(query: string, extra: Partial<WalkContext> = {}): WalkContext {
    return { m: this.m, viewer: this.viewer, out: this.out, query, ...extra };
  }

  private reportErrors(query: string, errors: GqlError[], mayBeNotFound = false): void {
    for (const error of errors) {
      if (mayBeNotFound && error.extensions.code === 'NOT_FOUND') continue;
      this.out.add('errors', this.viewer, query, `${error.extensions.code}: ${error.message}`);
    }
  }

  /** Sends the items as aliases of a few requests (perRequest each); on a whole-request failure, one by one. */
  private async batch(batch: Batch, items: Item[], handle: Handle): Promise<void> {
    const send = async (indexes: number[]) => {
      const variables: Record<string, unknown> = {};
      for (const i of indexes) {
        for (const [name, value] of Object.entries(items[i].variables)) variables[`${name}${i}`] = value;
      }
      return this.t.gql(batchDocument(batch, indexes), variables, this.viewer.token);
    };
    const one = async (i: number) => {
      const res = await send([i]);
      this.reportErrors(`${batch.label}(${items[i].label})`, res.errors ?? [], items[i].mayBeNotFound);
      if (res.data) handle(items[i], res.data[`a${i}`], i);
    };
    // Arguments that may answer NOT_FOUND go alone: on a non-null field it would void the whole batch.
    const together = items.map((_, i) => i).filter((i) => !items[i].mayBeNotFound);
    for (const i of items.map((_, i) => i).filter((i) => items[i].mayBeNotFound)) await one(i);
    const size = batch.perRequest ?? MAX_ALIASES;
    for (let start = 0; start < together.length; start += size) {
      const chunk = together.slice(start, start + size);
      const res = await send(chunk);
      if (!res.data) {
        for (const i of chunk) await one(i);
        continue;
      }
      for (const error of res.errors ?? []) {
        const item = items[Number(String(error.path?.[0] ?? '').slice(1))];
        this.reportErrors(item ? `${batch.label}(${item.label})` : batch.label, [error]);
      }
      chunk.forEach((i) => handle(items[i], res.data![`a${i}`], i));
    }
  }

  private hidden(id: string): boolean {
    return !this.m.maySee(this.viewer.id, id);
  }

  async me(): Promise<void> {
    const res = await this.t.gql(ME, {}, this.viewer.token);
    this.reportErrors('me', res.errors ?? []);
    walk(res.data, this.ctx('me'), 'data');
    const conversations = await this.t.gql(MY_CONVERSATIONS, {}, this.viewer.token);
    this.reportErrors('me.conversations', conversations.errors ?? []);
    walk(conversations.data, this.ctx('me.conversations'), 'data');
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const mine: GqlResponse = await this.t.gql(MY_SOURCING, { after }, this.viewer.token);
      this.reportErrors('me.sourcingRequestsForMe', mine.errors ?? []);
      walk(mine.data, this.ctx('me.sourcingRequestsForMe'), 'data');
      const info: { endCursor: string | null; hasNextPage: boolean } | undefined =
        mine.data?.me?.sourcingRequestsForMe?.pageInfo;
      if (!info?.hasNextPage) return;
      after = info.endCursor;
    }
    this.out.add('errors', this.viewer, 'me.sourcingRequestsForMe', `more than ${MAX_PAGES} pages`);
  }

  async people(): Promise<void> {
    const items = this.m.people.map((p) => ({ label: p.key, variables: { id: p.id } }));
    await this.batch(BATCHES.person, items, (item, value) => walk(value, this.ctx(`person(${item.label})`), 'person'));
  }

  async paths(): Promise<void> {
    const { m, viewer } = this;
    const items = m.people.map((p) => ({ label: p.key, variables: { to: p.id }, mayBeNotFound: this.hidden(p.id) }));
    await this.batch(BATCHES.connectionPath, items, (item, value, i) => {
      const target = m.people[i];
      const query = `connectionPath(${item.label})`;
      walk(value, this.ctx(query, { targetId: target.id }), 'connectionPath');
      if (this.hidden(target.id)) {
        if (value)
          this.out.add(
            target.deleted ? 'deleted' : 'blocking',
            viewer,
            query,
            `answers a path of degree ${value.degree} to ${target.key}, whom the viewer may not see`,
          );
        return;
      }
      const expected = [...m.acceptableDistances(viewer.id, target.id)].map((d) => (d !== null && d <= 6 ? d : null));
      if (!value && !expected.includes(null))
        this.out.add('degrees', viewer, query, `no path, but ${target.key} is ${expected.join(' or ')} away`);
      if (value && expected.includes(null) && expected.length === 1)
        this.out.add('degrees', viewer, query, `a path to ${target.key}, who is unreachable`);
    });
  }

  async mutualConnections(): Promise<void> {
    const { m, viewer } = this;
    // Beyond two degrees there is nobody in common to leak; hidden people are asked about anyway.
    const others = m.people.filter(
      (p) => this.hidden(p.id) || [...m.acceptableDistances(viewer.id, p.id)].some((d) => d !== null && d <= 2),
    );
    const items = others.map((p) => ({ label: p.key, variables: { id: p.id }, mayBeNotFound: this.hidden(p.id) }));
    await this.batch(BATCHES.mutualConnections, items, (item, value, i) => {
      const other = others[i];
      const query = `mutualConnections(${item.label})`;
      walk(value, this.ctx(query), 'mutualConnections');
      for (const [j, edge] of (value?.edges ?? []).entries()) {
        const c = edge.node?.id as string;
        const where = `${query} at mutualConnections.edges[${j}]`;
        if (this.hidden(other.id)) {
          this.out.add(
            other.deleted ? 'deleted' : 'blocking',
            viewer,
            where,
            `lists ${m.label(c)} as a mutual connection with ${other.key}, whom the viewer may not see`,
          );
          continue;
        }
        checkEdge(this.ctx(query), where, viewer.id, c, `lists ${m.label(c)} as a mutual connection`);
        checkEdge(this.ctx(query), where, c, other.id, `lists ${m.label(c)} as a mutual connection with ${other.key}`);
      }
    });
  }

  private suppliers() {
    return this.m.orgs.filter((o) => o.supplies.length > 0);
  }

  async networkTraders(): Promise<void> {
    const { m, viewer } = this;
    const items = this.suppliers().flatMap((s) =>
      TRADER_DEGREES.map((k) => ({
        label: `${s.key}, maxDegree ${k}`,
        variables: { supplier: s.id, degree: k },
        s,
        k,
      })),
    );
    await this.batch(BATCHES.networkTradersWith, items, (item, value, i) => {
      const { s, k } = items[i];
      const query = `networkTradersWith(${item.label})`;
      walk(value, this.ctx(query, { supplierId: s.id }), 'networkTradersWith');
      // Everyone who may count: within maxDegree under either reading of blocking, with a trade the viewer may see.
      const near = new Set(
        [false, true].flatMap((w) =>
          [...m.distances(viewer.id, w)].filter(([, d]) => d >= 1 && d <= k).map(([id]) => id),
        ),
      );
      const candidates = [...near].filter((id) => m.visibleTradesOf(viewer.id, id, s.id).length > 0);
      if (value && value.totalCount > candidates.length) {
        this.out.add(
          'privateTrades',
          viewer,
          query,
          `totalCount ${value.totalCount}, but only ${candidates.length} people within ${k} degrees have trades with ${s.key} the viewer may see`,
        );
      }
      for (const edge of value?.edges ?? []) {
        if (edge.node.degree > k)
          this.out.add('degrees', viewer, query, `a row of degree ${edge.node.degree} beyond maxDegree ${k}`);
      }
    });
  }

  async summaries(): Promise<void> {
    const suppliers = this.suppliers();
    const items = suppliers.flatMap((s) =>
      [1, 2, 3].map((k) => ({ label: `${s.key}, maxDegree ${k}`, variables: { supplier: s.id, degree: k } })),
    );
    const answers = new Map<number, SummaryAnswer[]>();
    await this.batch(BATCHES.networkTradeSummary, items, (item, value, i) => {
      const index = Math.floor(i / 3);
      if (value) answers.set(index, [...(answers.get(index) ?? []), value]);
    });
    suppliers.forEach((s, index) => checkSummaries(this.m, this.viewer, s, answers.get(index) ?? [], this.out));
  }

  async shortlists(): Promise<void> {
    const items = ROOT_CATEGORIES.flatMap((c) =>
      SHORTLIST_DEGREES.map((k) => ({ label: `${c}, maxDegree ${k}`, variables: { category: c, degree: k } })),
    );
    await this.batch(BATCHES.supplierShortlist, items, (item, value) =>
      walk(value, this.ctx(`supplierShortlist(${item.label})`), 'supplierShortlist'),
    );
  }

  async organizations(): Promise<void> {
    const { m, viewer } = this;
    const items = m.orgs.map((o) => ({ label: o.key, variables: { id: o.id } }));
    await this.batch(BATCHES.organization, items, (item, value, i) => {
      const query = `organization(${item.label})`;
      walk(value, this.ctx(query), 'organization');
      const visible = m.trades.filter(
        (t) => t.status === 'CONFIRMED' && t.supplierId === m.orgs[i].id && m.tradeVisible(viewer.id, t),
      );
      const count = value?.scorecard?.confirmedTradeCount;
      if (count !== undefined && count !== visible.length) {
        this.out.add(
          'privateTrades',
          viewer,
          `${query} at organization.scorecard`,
          `confirmedTradeCount is ${count}; the viewer may see ${visible.length} confirmed trades`,
        );
      }
      const vouchers = m.vouchers(viewer.id, m.orgs[i].id);
      const vouchedBy = value?.verification?.vouchedBy;
      if (vouchedBy !== undefined && vouchedBy !== vouchers.length) {
        this.out.add(
          'blocking',
          viewer,
          `${query} at organization.verification`,
          `vouchedBy is ${vouchedBy}; the viewer may see ${vouchers.length} vouching people (${vouchers.map((id) => m.label(id)).join(', ')})`,
        );
      }
    });
  }

  /** Every organization's inquiry inbox (null unless the viewer is a member), and every conversation by id. */
  async conversations(): Promise<void> {
    const { m, viewer } = this;
    const orgs = m.orgs.map((o) => ({ label: o.key, variables: { id: o.id } }));
    await this.batch(BATCHES.organizationInquiries, orgs, (item, value, i) => {
      const query = `organization(${item.label}).inquiries`;
      walk(value, this.ctx(query), 'organization');
      if (value?.inquiries && !m.isMember(viewer.id, m.orgs[i].id)) {
        this.out.add('errors', viewer, query, 'shows the inbox to someone who is not a current member');
      }
    });
    const items = m.conversations.map((c, i) => ({
      label: `conversation ${i}`,
      variables: { id: c.id },
      mayBeNotFound: !c.participantIds.includes(viewer.id),
    }));
    await this.batch(BATCHES.conversation, items, (item, value) =>
      walk(value, this.ctx(`conversation(${item.label})`), 'conversation'),
    );
  }

  async trades(): Promise<void> {
    const items = this.m.trades.map((t, i) => ({ label: `trade ${i}`, variables: { id: t.id } }));
    await this.batch(BATCHES.trade, items, (item, value) => walk(value, this.ctx(`trade(${item.label})`), 'trade'));
  }

  async sourcing(): Promise<void> {
    const items = this.m.sourcingRequests.map((r, i) => ({ label: `request ${i}`, variables: { id: r.id } }));
    await this.batch(BATCHES.sourcingRequest, items, (item, value) =>
      walk(value, this.ctx(`sourcingRequest(${item.label})`), 'sourcingRequest'),
    );
  }

  async all(): Promise<void> {
    await this.me();
    await this.people();
    await this.paths();
    await this.mutualConnections();
    await this.networkTraders();
    await this.summaries();
    await this.shortlists();
    await this.organizations();
    await this.trades();
    await this.sourcing();
    await this.conversations();
  }
}
