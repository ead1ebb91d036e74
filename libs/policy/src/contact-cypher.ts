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

/**
 * `sender` may start a conversation with `other`: neither blocked the other, and they are connected,
 * or one was introduced to the other by an ACCEPTED introduction (requester and target), or `other` is a
 * current member of one of `$supplierIds` (the suppliers the sender has an open inquiry with; a parameter,
 * since inquiries live in the SQL database) who accepts inquiries. A refusal reads the same whichever part failed.
 */
export const MAY_START_CONVERSATION = (sender: string, other: string): string =>
  `(${MAY_CONTACT(sender, other)} AND (
    EXISTS { (${sender})-[:CONNECTED_TO]-(${other}) }
    OR EXISTS {
      MATCH (requester:Person)-[:REQUESTED_INTRODUCTION]->(i:Introduction {status: 'ACCEPTED'})-[s:STEP]->(target:Person)
      WHERE s.index = COUNT { (i)-[:STEP]->() } - 1
        AND ((requester = ${sender} AND target = ${other}) OR (requester = ${other} AND target = ${sender}))
    }
    OR (coalesce(${other}.acceptInquiries, true) AND EXISTS {
      (${other})-[:WORKS_AT {status: 'APPROVED'}]->(o:Organization) WHERE o.id IN $supplierIds
    })))`;
