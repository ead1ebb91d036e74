/**
 * The rules the policy-leaks test checks, and the violations it collects for each, worded so that
 * whoever fixes the code sees the viewer, the query, where in the response, and what leaked.
 */
import { LeakModel, MPerson } from './leak-model.js';

export const RULES = {
  edges:
    'every revealed edge (connections, mutual connections, consecutive people of a path) is one the viewer may learn',
  counts: 'connectionCount and connections.totalCount are hidden when the owner’s connections are',
  degrees: 'degrees are the true shortest distance; paths run from the viewer to the target with one hop per degree',
  searchNaming: 'people who opted out of network searches are never named in network traders or shortlist evidence',
  smallCounts: 'networkTradeSummary shows true counts and never lets a count of 1 or 2 be derived',
  blocking:
    'a blocked pair is mutually invisible: not named, not in each other’s results, requests, answers or evidence',
  privateTrades: 'PRIVATE trades exist only for current members of their buyer or supplier',
  deleted: 'a deleted account is never named anywhere',
  errors: 'every query answers without an unexpected error',
} as const;
export type Rule = keyof typeof RULES;

/** How many violations of one rule and one query a failure message lists before counting the rest. */
const SHOWN_PER_QUERY = 6;

export class Findings {
  private readonly byRule = new Map<Rule, Map<string, Set<string>>>();

  constructor(readonly model: LeakModel) {}

  /** Records a violation: `where` names the query (e.g. `connectionPath(P07)`) and the place in its answer. */
  add(rule: Rule, viewer: MPerson, where: string, message: string): void {
    const queries = this.byRule.get(rule) ?? new Map<string, Set<string>>();
    const query = /^\w+/.exec(where)?.[0] ?? where;
    const list = queries.get(query) ?? new Set<string>();
    list.add(`seed ${this.model.seed} · viewer ${viewer.key} · ${where} · ${message}`);
    this.byRule.set(rule, queries.set(query, list));
  }

  /**
   * The violations of one rule, sorted, grouped by query: a few examples of each query and how many
   * more there are, so that every leaking query shows up in the failure message.
   */
  report(rule: Rule): string[] {
    const queries = [...(this.byRule.get(rule) ?? new Map<string, Set<string>>())].sort(([a], [b]) =>
      a.localeCompare(b),
    );
    return queries.flatMap(([query, set]) => {
      const all = [...set].sort();
      const rest = all.length - SHOWN_PER_QUERY;
      return rest > 0 ? [...all.slice(0, SHOWN_PER_QUERY), `… and ${rest} more from ${query}`] : all;
    });
  }

  /** Every violation of every rule, for a full listing. */
  all(): string[] {
    return [...this.byRule].flatMap(([rule, queries]) =>
      [...queries.values()].flatMap((set) => [...set].map((v) => `${rule}: ${v}`)),
    );
  }
}
