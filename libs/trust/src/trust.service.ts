import { Injectable } from '@nestjs/common';
import { CategoriesService } from '#tradegraph/categories';
import { AuthUser, Connection, notFound, offsetAfter, toConnection } from '#tradegraph/common';
import { Organization, OrganizationsService } from '#tradegraph/organizations';
import { NetworkTradersArgs } from './dto/network-traders.args.js';
import { SearchSuppliersArgs } from './dto/search-suppliers.args.js';
import { SupplierShortlistArgs } from './dto/supplier-shortlist.args.js';
import { toLuceneQuery } from './lucene-query.js';
import { EvidenceKind } from './models/evidence-kind.enum.js';
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
