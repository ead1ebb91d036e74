import { contribution, decay, EvidenceFact, rankSuppliers } from './scoring.js';

const now = new Date('2026-06-01T00:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3600 * 1000);

describe('decay', () => {
  it('halves every 730 days and is 1 for now or the future', () => {
    expect(decay(now, now)).toBe(1);
    expect(decay(daysAgo(730), now)).toBeCloseTo(0.5, 12);
    expect(decay(daysAgo(1460), now)).toBeCloseTo(0.25, 12);
    expect(decay(daysAgo(-30), now)).toBe(1);
  });
});

describe('contribution', () => {
  const base = { id: 'x', supplierId: 's', personId: 'p' };

  it('weighs an endorsement by degree, rating, verification and age', () => {
    const fact: EvidenceFact = {
      ...base,
      kind: 'ENDORSEMENT',
      degree: 2,
      rating: 4,
      verified: true,
      updatedAt: daysAgo(730),
    };
    expect(contribution(fact, now)).toBeCloseTo(0.5 * 0.8 * 1.5 * 0.5, 12);
    expect(contribution({ ...fact, verified: false, degree: 1, updatedAt: now }, now)).toBeCloseTo(0.8, 12);
  });

  it('weighs a trade by its feedback average, or 0.6 without feedback, from its date', () => {
    const fact = {
      ...base,
      kind: 'TRADE',
      degree: 1,
      feedbackAverage: 4.5 as number | null,
      occurredOn: '2026-06-01',
      supplierVerified: true,
      buyerVerified: false,
    } as const;
    expect(contribution(fact, now)).toBeCloseTo(0.9, 12);
    expect(contribution({ ...fact, feedbackAverage: null, degree: 3 }, now)).toBeCloseTo(0.25 * 0.6, 12);
    expect(contribution({ ...fact, occurredOn: '2024-06-01' }, now)).toBeCloseTo(
      0.9 * decay(new Date('2024-06-01T00:00:00Z'), now),
      12,
    );
  });

  it('counts a trade between two organizations that are not domain-verified half', () => {
    const fact = {
      ...base,
      kind: 'TRADE',
      degree: 1,
      feedbackAverage: 4.5,
      occurredOn: '2026-06-01',
      supplierVerified: false,
      buyerVerified: false,
    } as const;
    expect(contribution(fact, now)).toBeCloseTo(0.45, 12);
    expect(contribution({ ...fact, buyerVerified: true }, now)).toBeCloseTo(0.9, 12);
    expect(contribution({ ...fact, supplierVerified: true, buyerVerified: true }, now)).toBeCloseTo(0.9, 12);
  });

  it('weighs a referral at 0.8 of its sender’s degree weight', () => {
    expect(contribution({ ...base, kind: 'REFERRAL', degree: 2, createdAt: now }, now)).toBeCloseTo(0.4, 12);
  });
});

describe('rankSuppliers', () => {
  const names = new Map([
    ['a', 'Alpha'],
    ['b', 'Beta'],
    ['c', 'Gamma'],
  ]);
  const endorsement = (id: string, supplierId: string, rating: number): EvidenceFact => ({
    kind: 'ENDORSEMENT',
    id,
    supplierId,
    personId: 'p',
    degree: 1,
    rating,
    verified: false,
    updatedAt: now,
  });

  it('sums all contributions, orders by score then name, and keeps all evidence, largest first', () => {
    const facts = [
      ...Array.from({ length: 102 }, (_, i) => endorsement(`e${String(i).padStart(3, '0')}`, 'a', (i % 5) + 1)),
      endorsement('b1', 'b', 5),
      endorsement('c1', 'c', 5),
    ];
    const ranked = rankSuppliers(facts, names, now);
    expect(ranked.map((r) => r.supplierId)).toEqual(['a', 'b', 'c']);
    const totalA = facts.filter((f) => f.supplierId === 'a').reduce((sum, f) => sum + contribution(f, now), 0);
    expect(ranked[0].score).toBeCloseTo(totalA, 12);
    expect(ranked[0].evidence).toHaveLength(102);
    expect(ranked[0].evidence.map((e) => e.contribution)).toEqual(
      [...ranked[0].evidence.map((e) => e.contribution)].sort((x, y) => y - x),
    );
    expect(ranked[0].evidence.slice(0, 3).map((e) => e.id)).toEqual(['e004', 'e009', 'e014']);
  });

  it('breaks ties by kind, then id', () => {
    const trade: EvidenceFact = {
      kind: 'TRADE',
      id: 't1',
      supplierId: 'b',
      personId: 'p',
      degree: 1,
      feedbackAverage: 4,
      occurredOn: '2026-06-01',
      supplierVerified: true,
      buyerVerified: true,
    };
    const ranked = rankSuppliers([trade, endorsement('z', 'b', 4), endorsement('a1', 'a', 1)], names, now);
    expect(ranked.map((r) => r.supplierId)).toEqual(['b', 'a']);
    expect(ranked[0].evidence.map((e) => [e.kind, e.id])).toEqual([
      ['ENDORSEMENT', 'z'],
      ['TRADE', 't1'],
    ]);
  });
});
