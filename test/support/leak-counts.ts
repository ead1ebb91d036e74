/**
 * The small-count rule of networkTradeSummary. Every number shown is a sum of per-degree cells
 * (a total covers degrees 1..maxDegree, a byDegree entry one degree). Pooling what the three
 * answers (maxDegree 1, 2, 3) show, a viewer can derive exactly the sums of cells that lie in the
 * linear span of the shown numbers; none of those may be 1 or 2. Numbers that are not shown (null)
 * add nothing, so a correct complementary-suppression scheme passes.
 */
import { Findings } from './leak-findings.js';
import { LeakModel, MPerson } from './leak-model.js';

export interface SummaryAnswer {
  maxDegree: number;
  total: number | null;
  byDegree: { degree: number; people: number | null }[];
}

const DEGREES = [1, 2, 3];
const EPSILON = 1e-9;

/**
 * People per degree (1..3) who traded with the supplier in trades the viewer may see, with the
 * distances of one reading of blocking. Under both readings the people who have a block with the
 * viewer are not counted (blocking is mutual invisibility in network results); the readings differ
 * only in whether others' distances may run through them.
 */
export function trueCells(m: LeakModel, viewerId: string, supplierId: string, withoutBlocked: boolean): number[] {
  const dist = m.distances(viewerId, withoutBlocked);
  const cells = [0, 0, 0];
  for (const p of m.alive()) {
    const d = dist.get(p.id);
    if (p.id === viewerId || d === undefined || d > 3 || m.blockedBetween(viewerId, p.id)) continue;
    if (m.visibleTradesOf(viewerId, p.id, supplierId).length > 0) cells[d - 1] += 1;
  }
  return cells;
}

interface Row {
  vector: number[];
  value: number;
  /** Coefficients over the shown numbers that make up this row. */
  coefficients: number[];
  pivot?: number;
}

export function checkSummaries(
  m: LeakModel,
  viewer: MPerson,
  supplier: { id: string; key: string },
  answers: SummaryAnswer[],
  out: Findings,
): void {
  const where = `networkTradeSummary(${supplier.key}, maxDegree 1–3)`;
  const shown: { label: string; vector: number[]; value: number }[] = [];
  for (const answer of answers) {
    const k = answer.maxDegree;
    if (answer.total !== null) {
      shown.push({ label: `total@${k}`, vector: DEGREES.map((d) => (d <= k ? 1 : 0)), value: answer.total });
    }
    for (const entry of answer.byDegree) {
      if (entry.people === null) continue;
      shown.push({
        label: `degree${entry.degree}@${k}`,
        vector: DEGREES.map((d) => (d === entry.degree ? 1 : 0)),
        value: entry.people,
      });
    }
  }
  const readings = [false, true].map((w) => trueCells(m, viewer.id, supplier.id, w));
  const truthful = readings.some((cells) =>
    shown.every((s) => s.vector.reduce((sum, x, i) => sum + x * cells[i], 0) === s.value),
  );
  if (!truthful) {
    const numbers = shown.map((s) => `${s.label}=${s.value}`).join(', ');
    const truths = [...new Set(readings.map((c) => `[${c.join(', ')}]`))].join(' or ');
    out.add('smallCounts', viewer, where, `shows ${numbers}, but the true counts by degree are ${truths}`);
  }
  const basis = reduce(shown);
  for (let mask = 1; mask < 8; mask += 1) {
    const subset = DEGREES.filter((_, i) => mask & (1 << i));
    const derived = derive(
      basis,
      DEGREES.map((d) => (subset.includes(d) ? 1 : 0)),
      shown.length,
    );
    if (!derived) continue;
    const value = Math.round(derived.value);
    if (value !== 1 && value !== 2) continue;
    const formula = derived.coefficients
      .map((c, i) => ({ c, label: shown[i].label }))
      .filter(({ c }) => Math.abs(c) > EPSILON)
      .map(({ c, label }) => `${c > 0 ? '+' : '−'} ${Math.abs(c) === 1 ? '' : `${Math.abs(c)}·`}${label}`)
      .join(' ')
      .replace(/^\+ /, '');
    out.add(
      'smallCounts',
      viewer,
      where,
      `the count at degree ${subset.join('+')} is derivable: ${formula} = ${value}`,
    );
  }
}

/** Gaussian elimination of the shown numbers: a basis whose rows have zeros at earlier rows' pivots. */
function reduce(shown: { vector: number[]; value: number }[]): Row[] {
  const basis: Row[] = [];
  shown.forEach((s, index) => {
    let row: Row = { vector: [...s.vector], value: s.value, coefficients: shown.map((_, i) => (i === index ? 1 : 0)) };
    for (const b of basis) row = minus(row, b, row.vector[b.pivot!]);
    const pivot = row.vector.findIndex((x) => Math.abs(x) > EPSILON);
    if (pivot < 0) return;
    const scale = row.vector[pivot];
    row = {
      vector: row.vector.map((x) => x / scale),
      value: row.value / scale,
      coefficients: row.coefficients.map((x) => x / scale),
      pivot,
    };
    for (let i = 0; i < basis.length; i += 1)
      basis[i] = { ...minus(basis[i], row, basis[i].vector[pivot]), pivot: basis[i].pivot };
    basis.push(row);
  });
  return basis;
}

/** The value of the target sum of cells when the shown numbers determine it, else null. */
function derive(basis: Row[], target: number[], size: number): { value: number; coefficients: number[] } | null {
  let rest: Row = { vector: [...target], value: 0, coefficients: new Array(size).fill(0) };
  for (const b of basis) rest = minus(rest, b, rest.vector[b.pivot!]);
  if (rest.vector.some((x) => Math.abs(x) > EPSILON)) return null;
  return { value: -rest.value, coefficients: rest.coefficients.map((x) => -x) };
}

function minus(a: Row, b: Row, factor: number): Row {
  if (Math.abs(factor) < EPSILON) return a;
  return {
    vector: a.vector.map((x, i) => x - factor * b.vector[i]),
    value: a.value - factor * b.value,
    coefficients: a.coefficients.map((x, i) => x - factor * b.coefficients[i]),
    pivot: a.pivot,
  };
}
