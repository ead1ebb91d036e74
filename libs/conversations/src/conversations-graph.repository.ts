import { Injectable } from '@nestjs/common';
import { Neo4jService } from '#tradegraph/graph';
import { MAY_CONTACT } from '#tradegraph/policy';

/** What sendInquiry needs to know about its supplier, category, introduction and the buyer's network. */
export interface InquiryContext {
  supplierFound: boolean;
  categoryFound: boolean;
  buyerIsMember: boolean;
  /** Current members who accept inquiries (the privacy setting p.acceptInquiries, true when absent). */
  acceptingMemberIds: string[];
  /** The introduction given leads to this supplier: the buyer's ACCEPTED one, about it or to a current member. */
  introductionValid: boolean;
  /** The buyer is within two connections of a current member, with no block along the way. */
  inNetwork: boolean;
}

const CURRENT_MEMBER = `[:WORKS_AT {status: 'APPROVED'}]`;

/**
 * The graph reads of conversations and inquiries: organizations, memberships, introductions and
 * connections are owned by their libs; this only reads them (the permission to start a conversation is
 * the policy's, in PolicyService).
 */
@Injectable()
export class ConversationsGraphRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  async inquiryContext(
    buyerId: string,
    supplierId: string,
    categoryId: string | null,
    introductionId: string | null,
  ): Promise<InquiryContext> {
    const [row] = await this.neo4j.read<InquiryContext>(
      'ConversationsGraphRepository.inquiryContext',
      `MATCH (buyer:Person {id: $buyerId})
       OPTIONAL MATCH (o:Organization {id: $supplierId}) WHERE 'SUPPLIER' IN o.roles
       RETURN o IS NOT NULL AS supplierFound,
              $categoryId IS NULL OR EXISTS { (:Category {id: $categoryId}) } AS categoryFound,
              o IS NOT NULL AND EXISTS { (buyer)-${CURRENT_MEMBER}->(o) } AS buyerIsMember,
              COLLECT { MATCH (m:Person)-${CURRENT_MEMBER}->(o) WHERE coalesce(m.acceptInquiries, true)
                        RETURN DISTINCT m.id } AS acceptingMemberIds,
              o IS NOT NULL AND $introductionId IS NOT NULL AND EXISTS {
                MATCH (buyer)-[:REQUESTED_INTRODUCTION]->(i:Introduction {id: $introductionId, status: 'ACCEPTED'})
                WHERE (i)-[:ABOUT]->(o) OR EXISTS {
                  MATCH (i)-[s:STEP]->(target:Person)-${CURRENT_MEMBER}->(o)
                  WHERE s.index = COUNT { (i)-[:STEP]->() } - 1
                }
              } AS introductionValid,
              o IS NOT NULL AND (EXISTS {
                MATCH (buyer)-[:CONNECTED_TO]-(m:Person)-${CURRENT_MEMBER}->(o) WHERE ${MAY_CONTACT('buyer', 'm')}
              } OR EXISTS {
                MATCH (buyer)-[:CONNECTED_TO]-(x:Person)-[:CONNECTED_TO]-(m:Person)-${CURRENT_MEMBER}->(o)
                WHERE x <> buyer AND ${MAY_CONTACT('buyer', 'x')} AND ${MAY_CONTACT('x', 'm')} AND ${MAY_CONTACT('buyer', 'm')}
              }) AS inNetwork`,
      { buyerId, supplierId, categoryId, introductionId },
    );
    return (
      row ?? {
        supplierFound: false,
        categoryFound: false,
        buyerIsMember: false,
        acceptingMemberIds: [],
        introductionValid: false,
        inNetwork: false,
      }
    );
  }

  /** Whether the person is a current member of the organization, and accepts inquiries. */
  async membership(personId: string, organizationId: string): Promise<{ member: boolean; acceptsInquiries: boolean }> {
    const [row] = await this.neo4j.read<{ member: boolean; acceptsInquiries: boolean }>(
      'ConversationsGraphRepository.membership',
      `MATCH (p:Person {id: $personId})
       RETURN EXISTS { (p)-${CURRENT_MEMBER}->(:Organization {id: $organizationId}) } AS member,
              coalesce(p.acceptInquiries, true) AS acceptsInquiries`,
      { personId, organizationId },
    );
    return row ?? { member: false, acceptsInquiries: false };
  }

  /** Ids of the organizations among `organizationIds` the person currently works at. */
  async memberOf(personId: string, organizationIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.neo4j.read<{ id: string }>(
      'ConversationsGraphRepository.memberOf',
      `MATCH (:Person {id: $personId})-${CURRENT_MEMBER}->(o:Organization) WHERE o.id IN $organizationIds
       RETURN DISTINCT o.id AS id`,
      { personId, organizationIds },
    );
    return new Set(rows.map((row) => row.id));
  }

  /** The organization's name, for notification summaries; null when it does not exist. */
  async organizationName(organizationId: string): Promise<string | null> {
    const [row] = await this.neo4j.read<{ name: string }>(
      'ConversationsGraphRepository.organizationName',
      `MATCH (o:Organization {id: $organizationId}) RETURN o.name AS name`,
      { organizationId },
    );
    return row?.name ?? null;
  }
}
