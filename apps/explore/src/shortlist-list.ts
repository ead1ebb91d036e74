import type { EvidenceKind, SupplierShortlistQuery } from '../../../clients/typescript/src/index.js';

type Entry = SupplierShortlistQuery['supplierShortlist']['edges'][number]['node'];

export const EVIDENCE_COLOURS: Record<EvidenceKind, string> = {
  ENDORSEMENT: '#43a047',
  REFERRAL: '#8e24aa',
  TRADE: '#ef6c00',
};

/** Fills the legend once: one swatch per kind of evidence. */
export function drawLegend(legend: HTMLElement): void {
  legend.replaceChildren();
  for (const [kind, colour] of Object.entries(EVIDENCE_COLOURS)) {
    const swatch = document.createElement('span');
    swatch.style.background = colour;
    legend.append(swatch, kind.toLowerCase());
  }
}

/** The ranked list: each supplier with its evidence as bars whose width is proportional to the contribution. */
export function drawShortlist(list: HTMLOListElement, entries: Entry[]): void {
  const largest = Math.max(
    0,
    ...entries.flatMap((entry) => entry.evidence.edges.map((edge) => edge.node.contribution)),
  );
  list.replaceChildren(
    ...entries.map((entry) => {
      const item = document.createElement('li');
      item.className = 'supplier';
      const title = document.createElement('strong');
      title.textContent = `${entry.supplier.name} (${entry.supplier.country})`;
      item.append(title, ` score ${entry.score.toFixed(2)}`);
      for (const { node: evidence } of entry.evidence.edges) {
        const bar = document.createElement('div');
        bar.className = 'bar';
        bar.style.background = EVIDENCE_COLOURS[evidence.kind];
        bar.style.width = `${largest > 0 ? (240 * evidence.contribution) / largest : 0}px`;
        bar.title = `${evidence.kind} via ${evidence.person?.name ?? 'hidden'} (degree ${evidence.degree}): +${evidence.contribution.toFixed(3)}`;
        item.append(bar);
      }
      return item;
    }),
  );
}
