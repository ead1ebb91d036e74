import { Injectable } from '@nestjs/common';
import { Neo4jService } from '#tradegraph/graph';
import { DOMAIN_VERIFIED } from '#tradegraph/organizations';
import { TRADE_VISIBLE_TO_VIEWER } from '#tradegraph/policy';
import { ScorecardFigures } from './scores.js';

/** The supplier's CONFIRMED trades that the viewer may see; binds `t` inside a subquery that imports `o`. */
const COUNTED_TRADES = `MATCH (t:Trade {status: 'CONFIRMED'})-[:SUPPLIER]->(o)
         WHERE ${TRADE_VISIBLE_TO_VIEWER}`;

/** Cypher for supplier scorecards, read from trades, feedback and endorsements. */
@Injectable()
export class ScorecardRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  /**
   * The raw figures of each organization's scorecard, in one statement for the whole batch: its CONFIRMED
   * trades as supplier that the viewer may see, their feedback, and its endorsements (which another lib
   * writes, so there may be none at all yet: hence OPTIONAL MATCH). Unknown organizations are absent.
   * Each aggregating subquery yields one row even when it matches nothing (counts 0, averages null).
   */
  async figures(organizationIds: readonly string[], viewerId: string): Promise<ScorecardFigures[]> {
    return this.neo4j.read<ScorecardFigures>(
      'ScorecardRepository.figures',
      `UNWIND $organizationIds AS organizationId
       MATCH (o:Organization {id: organizationId})
       CALL (o) {
         ${COUNTED_TRADES}
         OPTIONAL MATCH (f:Feedback)-[:ABOUT]->(t)
         RETURN count(DISTINCT t) AS confirmedTradeCount, max(t.occurredOn) AS lastTradedOn,
                avg(f.quality) AS averageQuality, avg(f.delivery) AS averageDelivery,
                avg(f.communication) AS averageCommunication
       }
       CALL (o) {
         ${COUNTED_TRADES}
         MATCH (t)-[:BUYER]->(b:Organization)
         WITH b, count(t) AS tradesWithBuyer
         RETURN count(b) AS distinctBuyerCount, count(CASE WHEN tradesWithBuyer >= 2 THEN b END) AS repeatBuyerCount,
                sum(CASE WHEN ${DOMAIN_VERIFIED('b')} THEN tradesWithBuyer ELSE 0 END) AS verifiedBuyerTradeCount
       }
       CALL (o) {
         OPTIONAL MATCH (e:Endorsement)-[:OF]->(o)
         RETURN count(e) AS endorsementCount, avg(e.rating) AS averageEndorsementRating
       }
       RETURN organizationId, ${DOMAIN_VERIFIED('o')} AS domainVerified, confirmedTradeCount, verifiedBuyerTradeCount,
              distinctBuyerCount, repeatBuyerCount, lastTradedOn,
              averageQuality, averageDelivery, averageCommunication, endorsementCount, averageEndorsementRating`,
      { organizationIds, viewerId },
    );
  }
}
