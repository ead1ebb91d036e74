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

/** How many violations of one rule a failure message lists before summing up the rest. */
const SHOWN_PER_RULE = 40;

export class Findings {
  private readonly byRule = new Map<Rule, string[]>();

  constructor(readonly model: LeakModel) {}

  /** Records a violation: `where` names the query and the place in its response. */
  add(rule: Rule, viewer: MPerson, where: string, message: string): void {
    const list = this.byRule.get(rule) ?? [];
    list.push(`seed ${this.model.seed} · viewer ${viewer.key} · ${where} · ${message}`);
    this.byRule.set(rule, list);
  }

  /** The violations of one rule, deduplicated and sorted, at most SHOWN_PER_RULE of them plus a count of the rest. */
  report(rule: Rule): string[] {
    const all = [...new Set(this.byRule.get(rule) ?? [])].sort();
    if (all.length <= SHOWN_PER_RULE) return all;
    return [...all.slice(0, SHOWN_PER_RULE), `… and ${all.length - SHOWN_PER_RULE} more violations of this rule`];
  }
}
