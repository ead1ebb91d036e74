import { Injectable } from '@nestjs/common';
import { CategoriesService } from '#tradegraph/categories';
import { AuthUser, Connection, notFound, offsetAfter, toConnection } from '#tradegraph/common';
import { Organization, OrganizationsService } from '#tradegraph/organizations';
import { NetworkTradeSummaryArgs } from './dto/network-trade-summary.args.js';
import { NetworkTradersArgs } from './dto/network-traders.args.js';
import { SearchSuppliersArgs } from './dto/search-suppliers.args.js';
import { SupplierShortlistArgs } from './dto/supplier-shortlist.args.js';
import { toLuceneQuery } from './lucene-query.js';
import { EvidenceKind } from './models/evidence-kind.enum.js';
import { MIN_REPORTED_COUNT, NetworkTradeSummary } from './models/network-trade-summary.model.js';
import { NetworkTrader } from './models/network-trader.model.js';
import { SupplierRecommendation } from './models/supplier-recommendation.model.js';
import { rankSuppliers } from './scoring.js';
import { Degree, TrustRepository } from './trust.repository.js';

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
    return toConnection(page.items, offset, page.total);
  }

  /** Per-degree counts of the people in the viewer's network who traded with the supplier, below 3 as null. */
  async networkTradeSummary(viewer: AuthUser, args: NetworkTradeSummaryArgs): Promise<NetworkTradeSummary> {
    await this.organizations.get(args.supplierId, 'supplierId');
    const rows = await this.trust.networkTradeSummary({
      viewerId: viewer.id,
      supplierId: args.supplierId,
      maxDegree: args.maxDegree as Degree,
    });
    const counts = new Map(rows.map((row) => [row.degree, row.people]));
    const byDegree = Array.from({ length: args.maxDegree }, (_, i) => i + 1).map((degree) => ({
      degree,
      people: reported(counts.get(degree) ?? 0),
    }));
    const total = rows.reduce((sum, row) => sum + row.people, 0);
    return { supplierId: args.supplierId, maxDegree: args.maxDegree, byDegree, total: reported(total) };
  }

  /** Ranks candidate suppliers of the category by the formula in scoring.ts, as of now. */
  async supplierShortlist(
    viewer: AuthUser,
    args: SupplierShortlistArgs,
    now = new Date(),
  ): Promise<SupplierRecommendation[]> {
    const [category] = await this.categories.findByIds([args.categoryId]);
    if (!category) throw notFound(`No category has the id ${args.categoryId}.`, 'categoryId');
    const facts = await this.trust.shortlistEvidence({
      viewerId: viewer.id,
      categoryId: args.categoryId,
      maxDegree: args.maxDegree as Degree,
    });
    const names = new Map(facts.map((fact) => [fact.supplierId, fact.supplierName]));
    return rankSuppliers(facts, names, now, args.first).map((ranked) => ({
      supplierId: ranked.supplierId,
      score: ranked.score,
      evidence: ranked.evidence.map((item) => ({
        id: item.id,
        personId: item.personId,
        hidden: item.hidden,
        kind: item.kind as EvidenceKind,
        degree: item.degree,
        contribution: item.contribution,
      })),
    }));
  }

  async searchSuppliers(args: SearchSuppliersArgs): Promise<Connection<Organization>> {
    if (args.categoryId) {
      const [category] = await this.categories.findByIds([args.categoryId]);
      if (!category) throw notFound(`No category has the id ${args.categoryId}.`, 'categoryId');
    }
    const offset = offsetAfter(args.after);
    const page = await this.trust.searchSuppliers<Organization>({
      query: args.text ? toLuceneQuery(args.text) : null,
      categoryId: args.categoryId ?? null,
      country: args.country ?? null,
      offset,
      limit: args.first,
    });
    return toConnection(page.items, offset, page.total);
  }
}

/** A count as reported to the viewer: null ("fewer than 3") below MIN_REPORTED_COUNT, so no one can be singled out. */
function reported(count: number): number | null {
  return count < MIN_REPORTED_COUNT ? null : count;
}
