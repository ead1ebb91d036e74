import { Injectable } from '@nestjs/common';
import { CategoriesService } from '#tradegraph/categories';
import { DemoNetworkRepository } from './demo-network.repository.js';
import { generatedIdPrefix } from './network-structure.js';
import { GeneratedNetwork, TaxonomyRootInput } from './network-types.js';

export const DEFAULT_BATCH_SIZE = 2000;

/** The parts of a network, in the order they are written (each only refers to earlier ones). */
export const NETWORK_PARTS = [
  'people',
  'organizations',
  'supplies',
  'employments',
  'connections',
  'trades',
  'feedback',
  'endorsements',
  'referrals',
] as const;
export type NetworkPart = (typeof NETWORK_PARTS)[number];
export type NetworkCounts = Record<NetworkPart, number>;

export interface BatchProgress {
  part: NetworkPart;
  /** Rows of this part written so far, and in all. */
  written: number;
  total: number;
}

export interface LoadOptions {
  batchSize?: number;
  onBatch?: (progress: BatchProgress) => void;
}

/**
 * Writes generated networks (or parts of one) into the graph in batches. Generated people are
 * graph-only Person nodes: they have no account, so nobody can log in as them.
 */
@Injectable()
export class DemoNetworkService {
  constructor(
    private readonly repository: DemoNetworkRepository,
    private readonly categories: CategoriesService,
  ) {}

  /** The category taxonomy as the graph holds it: what the generator draws categories from. */
  async taxonomy(): Promise<TaxonomyRootInput[]> {
    const roots = await this.categories.roots();
    const children = await this.categories.childrenOf(roots.map((root) => root.id));
    return roots.map((root) => ({
      id: root.id,
      name: root.name,
      children: children.filter((child) => child.parentId === root.id).map(({ id, name }) => ({ id, name })),
    }));
  }

  countPeople(): Promise<number> {
    return this.repository.countPeople();
  }

  /** How many people generated with this seed the graph holds (0 unless a network of the seed was loaded). */
  countGeneratedPeople(seed: number): Promise<number> {
    return this.repository.countPeopleWithIdPrefix(generatedIdPrefix(seed));
  }

  /**
   * Writes every part that is given, in NETWORK_PARTS order, `batchSize` rows per transaction.
   * A batch that refers to a missing node is rolled back and fails the load; earlier batches stay.
   */
  async load(network: Partial<GeneratedNetwork>, options: LoadOptions = {}): Promise<NetworkCounts> {
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    const supplies = (network.organizations ?? []).flatMap((organization) =>
      organization.categoryIds.map((categoryId) => ({ organizationId: organization.id, categoryId })),
    );
    const r = this.repository;
    const steps: Step[] = [
      step('people', network.people, (rows) => r.createPeople(rows)),
      step('organizations', network.organizations, (rows) => r.createOrganizations(rows)),
      step('supplies', supplies, (rows) => r.createSupplies(rows)),
      step('employments', network.employments, (rows) => r.createEmployments(rows)),
      step('connections', network.connections, (rows) => r.createConnections(rows)),
      step('trades', network.trades, (rows) => r.createTrades(rows)),
      step('feedback', network.feedback, (rows) => r.createFeedback(rows)),
      step('endorsements', network.endorsements, (rows) => r.createEndorsements(rows)),
      step('referrals', network.referrals, (rows) => r.createReferrals(rows)),
    ];
    const counts = Object.fromEntries(NETWORK_PARTS.map((part) => [part, 0])) as NetworkCounts;
    for (const { part, total, write } of steps) {
      for (let start = 0; start < total; start += batchSize) {
        counts[part] += await write(start, Math.min(start + batchSize, total));
        options.onBatch?.({ part, written: counts[part], total });
      }
    }
    return counts;
  }
}

/**
 * How many relationships a network's rows make in the graph: a trade links its buyer, supplier, category
 * and recorder, and its decider when decided; feedback its author and trade; an endorsement its endorser,
 * supplier and category; a referral its sender, recipient, supplier and category.
 */
export function countRelationships(network: GeneratedNetwork): number {
  const supplies = network.organizations.reduce((sum, organization) => sum + organization.categoryIds.length, 0);
  const decided = network.trades.filter((trade) => trade.status !== 'PENDING' && trade.decidedById !== null).length;
  return (
    supplies +
    network.employments.length +
    network.connections.length +
    4 * network.trades.length +
    decided +
    2 * network.feedback.length +
    3 * network.endorsements.length +
    4 * network.referrals.length
  );
}

interface Step {
  part: NetworkPart;
  total: number;
  /** Writes rows start to end (excluded); how many were written. */
  write: (start: number, end: number) => Promise<number>;
}

function step<T>(part: NetworkPart, rows: readonly T[] | undefined, write: (rows: T[]) => Promise<number>): Step {
  const all = rows ?? [];
  return { part, total: all.length, write: (start, end) => write(all.slice(start, end)) };
}
