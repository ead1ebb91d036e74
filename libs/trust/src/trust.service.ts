import { Injectable } from '@nestjs/common';
import { CategoriesService } from '#tradegraph/categories';
import {
  AuthUser,
  Connection,
  decodeKeyCursor,
  notFound,
  offsetAfter,
  toConnection,
  toKeysetConnection,
  toOffsetConnection,
} from '#tradegraph/common';
import { mostVisiblePath } from '#tradegraph/policy';
import { Organization, OrganizationsService } from '#tradegraph/organizations';
import { NetworkTradeSummaryArgs } from './dto/network-trade-summary.args.js';
import { NetworkTradersArgs } from './dto/network-traders.args.js';
import { SearchSuppliersArgs } from './dto/search-suppliers.args.js';
import { SupplierShortlistArgs } from './dto/supplier-shortlist.args.js';
import { toLuceneQuery } from './lucene-query.js';
import { EvidenceKind } from './models/evidence-kind.enum.js';
import { NetworkTradeSummary } from './models/network-trade-summary.model.js';
import { NetworkTrader } from './models/network-trader.model.js';
import { SupplierRecommendation } from './models/supplier-recommendation.model.js';
import { rankSuppliers } from './scoring.js';
import { suppressSmallCounts } from './small-counts.js';
import { Degree, TrustRepository } from './trust.repository.js';

/** Kind tag of the cursors of searchSuppliers listed by name. */
const SUPPLIERS_BY_NAME_CURSOR = 'suppliersByName';

/** The questions a buyer asks of their network: who traded with X, whom to shortlist, and search. */
@Injectable()
export class TrustService {
  constructor(
    private readonly trust: TrustRepository,
    private readonly organizations: OrganizationsService,
    private readonly categories: CategoriesService,
  ) {}

  async networkTradersWith(viewer: AuthUser, args: NetworkTradersArgs): Promise<Connection<NetworkTrader>> {
    await this.organizations.get(args.supplierId, 'supplierId');
    const offset = offsetAfter(args.after);
    const page = await this.trust.networkTraders({
      viewerId: viewer.id,
      supplierId: args.supplierId,
      maxDegree: args.maxDegree as Degree,
      offset,
      limit: args.first,
    });
    // Each path is the shortest one the path rules hide least of, in network-search naming.
    const items = page.items.map(({ candidates, ...row }) => ({
      ...row,
      pathIds: mostVisiblePath(viewer.id, candidates) ?? [],
    }));
    return toConnection(items, offset, page.total);
  }

  /**
   * Per-degree counts and the total of the people in the viewer's network who traded with the
   * supplier, under the small-counts rule (small-counts.ts): every maxDegree is answered from the
   * counts up to degree 3, so no two answers can be set against each other.
   */
  async networkTradeSummary(viewer: AuthUser, args: NetworkTradeSummaryArgs): Promise<NetworkTradeSummary> {
    await this.organizations.get(args.supplierId, 'supplierId');
    const rows = await this.trust.networkTradeSummary({ viewerId: viewer.id, supplierId: args.supplierId });
    const counts = new Map(rows.map((row) => [row.degree, row.people]));
    const shown = suppressSmallCounts([1, 2, 3].map((degree) => counts.get(degree) ?? 0));
    const byDegree = Array.from({ length: args.maxDegree }, (_, i) => ({ degree: i + 1, people: shown.byDegree[i] }));
    return {
      supplierId: args.supplierId,
      maxDegree: args.maxDegree,
      byDegree,
      total: shown.totals[args.maxDegree - 1],
    };
  }

  /** Ranks candidate suppliers of the category by the formula in scoring.ts, as of now; one page of the ranking. */
  async supplierShortlist(
    viewer: AuthUser,
    args: SupplierShortlistArgs,
    now = new Date(),
  ): Promise<Connection<SupplierRecommendation>> {
    const [category] = await this.categories.findByIds([args.categoryId]);
    if (!category) throw notFound(`No category has the id ${args.categoryId}.`, 'categoryId');
    const offset = offsetAfter(args.after);
    const facts = await this.trust.shortlistEvidence({
      viewerId: viewer.id,
      categoryId: args.categoryId,
      maxDegree: args.maxDegree as Degree,
    });
    const names = new Map(facts.map((fact) => [fact.supplierId, fact.supplierName]));
    const ranking = rankSuppliers(facts, names, now);
    const page = ranking.slice(offset, offset + args.first).map((ranked) => ({
      supplierId: ranked.supplierId,
      score: ranked.score,
      evidence: ranked.evidence.map((item) => ({
        id: item.id,
        personId: item.personId,
        hidden: item.hidden,
        hiddenPersonIds: item.hiddenPersonIds,
        kind: item.kind as EvidenceKind,
        degree: item.degree,
        contribution: item.contribution,
        supplierVerified: item.supplierVerified,
        buyerVerified: item.buyerVerified,
      })),
    }));
    return toConnection(page, offset, ranking.length);
  }

  /**
   * A page of suppliers: text matches by relevance, with offset cursors (relevance is no stable key);
   * otherwise by name then id, with keyset cursors. The total is counted only when selected.
   */
  async searchSuppliers(args: SearchSuppliersArgs): Promise<Connection<Organization>> {
    if (args.categoryId) {
      const [category] = await this.categories.findByIds([args.categoryId]);
      if (!category) throw notFound(`No category has the id ${args.categoryId}.`, 'categoryId');
    }
    const filter = {
      query: args.text ? toLuceneQuery(args.text) : null,
      categoryId: args.categoryId ?? null,
      country: args.country ?? null,
      verifiedOnly: args.verifiedOnly ?? false,
    };
    const count = () => this.trust.countSuppliers(filter);
    if (filter.query !== null) {
      const offset = offsetAfter(args.after);
      const rows = await this.trust.searchSuppliersByText<Organization>(filter, offset, args.first);
      return toOffsetConnection(rows, offset, args.first, count);
    }
    const key = decodeKeyCursor(args.after, SUPPLIERS_BY_NAME_CURSOR, ['string', 'string']);
    const rows = await this.trust.searchSuppliersByName<Organization>(
      filter,
      key && { name: key[0], id: key[1] },
      args.first,
    );
    return toKeysetConnection(SUPPLIERS_BY_NAME_CURSOR, rows, args.first, key !== null, count);
  }
}
