import type { NetworkTradersWithQuery } from '../../../clients/typescript/src/index.js';

export type Trader = NetworkTradersWithQuery['networkTradersWith']['edges'][number]['node'];

/** One drawn person: the viewer, someone named on a path, or one hidden hop (which has no id to merge by). */
interface GraphNode {
  key: string;
  ring: number;
  /** The node before this one on the first path that met it, to keep children near their parent. */
  parent: string;
  angle: number;
  name: string;
  hidden: boolean;
  trader?: Trader;
  x: number;
  y: number;
}

const SIZE = 760;
/** Room on the right for the labels of the outermost ring. */
const LABEL_ROOM = 150;
const RING = 115;
const SVG = 'http://www.w3.org/2000/svg';

function element<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Nodes and edges of all traders' paths: a named person once, each hidden hop on its own. */
function collect(viewerName: string, traders: Trader[]) {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, [string, string]>();
  const viewer = { key: 'viewer', ring: 0, parent: '', angle: 0, name: viewerName, hidden: false, x: 0, y: 0 };
  nodes.set('viewer', viewer);
  traders.forEach((trader, t) => {
    let previous = 'viewer';
    trader.path.slice(1).forEach((person, index) => {
      const ring = index + 1;
      const key = person ? `person:${person.id}` : `hidden:${t}:${ring}`;
      const known = nodes.get(key);
      if (!known) {
        const name = person?.name ?? 'hidden';
        nodes.set(key, { key, ring, parent: previous, angle: 0, name, hidden: !person, x: 0, y: 0 });
      } else known.ring = Math.min(known.ring, ring);
      edges.set(`${previous}|${key}`, [previous, key]);
      previous = key;
    });
    const last = nodes.get(previous);
    if (last && previous !== 'viewer') last.trader = trader;
  });
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** Places each ring's people evenly around the viewer, ordered by their parent's angle so edges cross less. */
function place(nodes: GraphNode[]): void {
  const centre = SIZE / 2;
  const byKey = new Map(nodes.map((node) => [node.key, node]));
  for (const node of nodes) Object.assign(node, { x: centre, y: centre });
  for (let ring = 1; ring <= 3; ring++) {
    const parentAngle = (node: GraphNode) => byKey.get(node.parent)?.angle ?? 0;
    const onRing = nodes.filter((node) => node.ring === ring).sort((a, b) => parentAngle(a) - parentAngle(b));
    onRing.forEach((node, i) => {
      node.angle = (2 * Math.PI * i) / onRing.length;
      node.x = centre + RING * ring * Math.cos(node.angle - Math.PI / 2);
      node.y = centre + RING * ring * Math.sin(node.angle - Math.PI / 2);
    });
  }
}

function label(node: GraphNode): string[] {
  const lines = [node.name];
  if (node.trader) {
    lines.push(node.trader.organization.name);
    lines.push(`${node.trader.tradeCount} trade(s), last ${node.trader.lastTradedOn}`);
  }
  return lines;
}

function colour(node: GraphNode): string {
  if (node.hidden) return '#9e9e9e';
  if (node.ring === 0) return '#1565c0';
  return node.trader ? '#ef6c00' : '#43a047';
}

/** The SVG picture: rings by degree, edges along each path, a click on a trader calls `onPick`. */
export function drawNetwork(viewerName: string, traders: Trader[], onPick: (trader: Trader) => void): SVGSVGElement {
  const { nodes, edges } = collect(viewerName, traders);
  place(nodes);
  const byKey = new Map(nodes.map((node) => [node.key, node]));
  const svg = element('svg', {
    width: SIZE + LABEL_ROOM,
    height: SIZE,
    viewBox: `0 0 ${SIZE + LABEL_ROOM} ${SIZE}`,
    role: 'img',
  });
  for (let ring = 1; ring <= 3; ring++) {
    svg.append(
      element('circle', { cx: SIZE / 2, cy: SIZE / 2, r: RING * ring, fill: 'none', stroke: '#eee' }),
      element('text', { x: SIZE / 2 + 4, y: SIZE / 2 - RING * ring - 4, fill: '#aaa', 'font-size': 10 }, `${ring}°`),
    );
  }
  for (const [from, to] of edges) {
    const a = byKey.get(from)!;
    const b = byKey.get(to)!;
    svg.append(element('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: '#bbb', 'stroke-width': 1.2 }));
  }
  // Labels first, then the dots, so no label covers a dot; both offer the trader on a click.
  const pick = (shape: SVGElement, node: GraphNode) => {
    const trader = node.trader;
    if (trader) shape.addEventListener('click', () => onPick(trader));
    return shape;
  };
  for (const node of nodes) {
    const text = element('g', { class: 'label' });
    label(node).forEach((line, i) => {
      const attributes = { x: node.x + 9, y: node.y + 4 + i * 11, 'font-size': i === 0 ? 11 : 9, fill: '#333' };
      text.append(element('text', attributes, line));
    });
    svg.append(pick(text, node));
  }
  for (const node of nodes) {
    const dot = element('g', { class: 'node', 'data-key': node.key });
    dot.append(element('circle', { cx: node.x, cy: node.y, r: node.ring === 0 ? 10 : 6, fill: colour(node) }));
    svg.append(pick(dot, node));
  }
  return svg;
}
