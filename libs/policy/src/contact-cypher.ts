/**
 * Who may reach whom: the rules for sending something to a person (a referral, an introduction, a
 * sourcing request's audience, a notification), as Cypher predicates over bound Person variables.
 * Built on the visibility fragments of policy-cypher.ts; docs/privacy.md states them in plain words.
 */
import { BLOCKED_BETWEEN, EDGE_VISIBLE } from './policy-cypher.js';

/**
 * `from` may send something to, or be shown to, `to`: neither blocked the other. A refusal built on
 * it must read exactly like the refusal for an unconnected or absent person.
 */
export const MAY_CONTACT = (from: string, to: string): string => `NOT ${BLOCKED_BETWEEN(from, to)}`;

/**
 * The link `a`–`b` of an introduction path chosen by `requester` may carry it: `a` and `b` are
 * connected, the requester may learn that edge (EDGE_VISIBLE, so a hidden edge reads as a missing
 * one), neither of the two blocked the other, and `b` and the requester did not block each other.
 */
export const INTRODUCTION_LINK_OPEN = (requester: string, a: string, b: string): string =>
  `(EXISTS { (${a})-[:CONNECTED_TO]-(${b}) } AND ${EDGE_VISIBLE(requester, a, b)}
    AND ${MAY_CONTACT(a, b)} AND ${MAY_CONTACT(requester, b)})`;
