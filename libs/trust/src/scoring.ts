/**
 * The trust ranking of supplierShortlist, as pure functions so the formula can be read, tested
 * and explained in one place (docs/trust-ranking.md shows a worked example).
 */
export type EvidenceKind = 'ENDORSEMENT' | 'TRADE' | 'REFERRAL';

/** Weight of a piece of evidence by the network degree of the person behind it. */
export const DEGREE_WEIGHTS: Record<number, number> = { 1: 1, 2: 0.5, 3: 0.25 };
/** Evidence loses half its weight every two years. */
export const HALF_LIFE_DAYS = 730;
export const VERIFIED_ENDORSEMENT_BONUS = 1.5;
export const TRADE_QUALITY_WITHOUT_FEEDBACK = 0.6;
export const REFERRAL_FACTOR = 0.8;
/** A trade between two organizations neither of which is domain-verified counts half. */
export const UNVERIFIED_TRADE_FACTOR = 0.5;

const DAY_MS = 24 * 3600 * 1000;

/** d(t) = 0.5^(age in days / 730), with the age measured up to `now` and never negative. */
export function decay(at: Date, now: Date): number {
  const ageDays = Math.max(0, (now.getTime() - at.getTime()) / DAY_MS);
  return Math.pow(0.5, ageDays / HALF_LIFE_DAYS);
}

export function degreeWeight(degree: number): number {
  const weight = DEGREE_WEIGHTS[degree];
  if (weight === undefined) throw new Error(`No weight for degree ${degree}`);
  return weight;
}

/** The raw facts behind one piece of evidence, as the repository finds them. */
export type EvidenceFact = (
  | {
      kind: 'ENDORSEMENT';
      id: string;
      supplierId: string;
      personId: string;
      degree: number;
      rating: number;
      verified: boolean;
      updatedAt: Date;
    }
  | {
      kind: 'TRADE';
      id: string;
      supplierId: string;
      personId: string;
      degree: number;
      feedbackAverage: number | null;
      occurredOn: string;
      /** Whether the supplier and the buyer are domain-verified (Organization.verification). */
      supplierVerified: boolean;
      buyerVerified: boolean;
    }
  | { kind: 'REFERRAL'; id: string; supplierId: string; personId: string; degree: number; createdAt: Date }
) & {
  /** The person opted out of network searches: the evidence counts, but they are not named. */
  hidden?: boolean;
  /** The people the evidence's endorsement or trade must not name (hidden-people.ts of the policy lib). */
  hiddenPersonIds?: string[];
};

export interface ScoredEvidence {
  kind: EvidenceKind;
  id: string;
  supplierId: string;
  personId: string;
  degree: number;
  contribution: number;
  hidden: boolean;
  hiddenPersonIds: string[];
  /** For trades: whether the supplier and the buyer are domain-verified; null for other kinds. */
  supplierVerified: boolean | null;
  buyerVerified: boolean | null;
}

/** The contribution of one piece of evidence to its supplier's score. */
export function contribution(fact: EvidenceFact, now: Date): number {
  const weight = degreeWeight(fact.degree);
  switch (fact.kind) {
    case 'ENDORSEMENT':
      return weight * (fact.rating / 5) * (fact.verified ? VERIFIED_ENDORSEMENT_BONUS : 1) * decay(fact.updatedAt, now);
    case 'TRADE': {
      const quality = fact.feedbackAverage === null ? TRADE_QUALITY_WITHOUT_FEEDBACK : fact.feedbackAverage / 5;
      const parties = fact.supplierVerified || fact.buyerVerified ? 1 : UNVERIFIED_TRADE_FACTOR;
      return weight * quality * parties * decay(new Date(`${fact.occurredOn}T00:00:00Z`), now);
    }
    case 'REFERRAL':
      return weight * REFERRAL_FACTOR * decay(fact.createdAt, now);
  }
}

export interface RankedSupplier {
  supplierId: string;
  name: string;
  score: number;
  /** All its evidence, largest contribution first. */
  evidence: ScoredEvidence[];
}

const KIND_ORDER: Record<EvidenceKind, number> = { ENDORSEMENT: 0, TRADE: 1, REFERRAL: 2 };

/**
 * score(S) = the sum of all its contributions; suppliers with a positive score, ordered by
 * score descending, then name, then id; each with all its evidence, largest contribution first
 * (ties: kind, then id). The whole ranking, so that pages of it cut from the same facts line up.
 */
export function rankSuppliers(facts: EvidenceFact[], names: Map<string, string>, now: Date): RankedSupplier[] {
  const bySupplier = new Map<string, ScoredEvidence[]>();
  for (const fact of facts) {
    const scored: ScoredEvidence = {
      kind: fact.kind,
      id: fact.id,
      supplierId: fact.supplierId,
      personId: fact.personId,
      degree: fact.degree,
      contribution: contribution(fact, now),
      hidden: fact.hidden ?? false,
      hiddenPersonIds: fact.hiddenPersonIds ?? [],
      supplierVerified: fact.kind === 'TRADE' ? fact.supplierVerified : null,
      buyerVerified: fact.kind === 'TRADE' ? fact.buyerVerified : null,
    };
    const list = bySupplier.get(fact.supplierId);
    if (list) list.push(scored);
    else bySupplier.set(fact.supplierId, [scored]);
  }
  const ranked: RankedSupplier[] = [];
  for (const [supplierId, evidence] of bySupplier) {
    const score = evidence.reduce((sum, item) => sum + item.contribution, 0);
    if (score <= 0) continue;
    evidence.sort(
      (a, b) => b.contribution - a.contribution || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compare(a.id, b.id),
    );
    ranked.push({
      supplierId,
      name: names.get(supplierId) ?? '',
      score,
      evidence,
    });
  }
  ranked.sort((a, b) => b.score - a.score || compare(a.name, b.name) || compare(a.supplierId, b.supplierId));
  return ranked;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
