import { Injectable } from '@nestjs/common';
import { Neo4jService } from '#tradegraph/graph';
import { TRADE_VISIBLE_TO_VIEWER } from '#tradegraph/policy';
import { AmountBand } from './models/amount-band.enum.js';
import { TradeVisibility } from './models/trade-visibility.enum.js';
import { Trade } from './models/trade.model.js';

/** Binds the trade's sides, category, recorder and (optional) confirmer of a bound `t`. */
const TRADE_PARTS = `MATCH (t)-[:BUYER]->(buyer:Organization), (t)-[:SUPPLIER]->(supplier:Organization),
        (t)-[:IN_CATEGORY]->(category:Category), (recorder:Person)-[:RECORDED]->(t)
  OPTIONAL MATCH (confirmer:Person)-[:CONFIRMED]->(t)`;

const TRADE_FIELDS = `t {.id, occurredOn: t.occurredOn, .amountBand, .visibility, .status,
  buyerId: buyer.id, supplierId: supplier.id, categoryId: category.id,
  recordedById: recorder.id, confirmedById: confirmer.id}`;

/** The time limit of one import batch: large batches on a busy server take longer than ordinary writes. */
const IMPORT_TIMEOUT_MS = 120_000;

/** A current member: an APPROVED employment. */
const MEMBER_OF = (person: string, organization: string) =>
  `EXISTS { (${person})-[:WORKS_AT {status: 'APPROVED'}]->(${organization}) }`;

/** What recording a trade depends on, read in one go so the service can judge it. */
export interface RecordContext {
  buyerExists: boolean;
  recorderIsMember: boolean;
  supplierExists: boolean;
  /** The recorder is a current member of the supplier too: the two sides would not be independent. */
  recorderInSupplier: boolean;
  supplierRoles: string[];
  categoryExists: boolean;
  suppliesCategory: boolean;
}

export interface NewTrade {
  id: string;
  buyerId: string;
  supplierId: string;
  categoryId: string;
  occurredOn: string;
  amountBand: AmountBand;
  visibility: TradeVisibility;
  recordedById: string;
}

/** One row of an import: a trade plus the buyer's own order id, which makes importing it again a no-op. */
export interface ImportedTrade {
  id: string;
  externalOrderId: string;
  supplierId: string;
  categoryId: string;
  occurredOn: string;
  amountBand: AmountBand;
  visibility: TradeVisibility;
}

/** A trade the viewer can see, with the viewer's standing on each side of it. */
export interface TradeForViewer {
  trade: Trade;
  viewerInBuyer: boolean;
  viewerInSupplier: boolean;
  /** Whether its recorder is now a current member of the supplier too (then it cannot be confirmed). */
  recorderInSupplier: boolean;
}

/** Cypher for Trade nodes: (t:Trade)-[:BUYER|SUPPLIER]->(:Organization), -[:IN_CATEGORY]->(:Category). */
@Injectable()
export class TradesRepository {
  constructor(private readonly neo4j: Neo4jService) {}

  async recordContext(params: {
    buyerId: string;
    supplierId: string;
    categoryId: string;
    personId: string;
  }): Promise<RecordContext> {
    const [row] = await this.neo4j.read<RecordContext>(
      'TradesRepository.recordContext',
      `OPTIONAL MATCH (b:Organization {id: $buyerId})
       OPTIONAL MATCH (s:Organization {id: $supplierId})
       OPTIONAL MATCH (c:Category {id: $categoryId})
       RETURN b IS NOT NULL AS buyerExists,
              CASE WHEN b IS NULL THEN false ELSE ${MEMBER_OF(':Person {id: $personId}', 'b')} END AS recorderIsMember,
              s IS NOT NULL AS supplierExists,
              CASE WHEN s IS NULL THEN false ELSE ${MEMBER_OF(':Person {id: $personId}', 's')} END AS recorderInSupplier,
              coalesce(s.roles, []) AS supplierRoles,
              c IS NOT NULL AS categoryExists,
              CASE WHEN s IS NULL OR c IS NULL THEN false ELSE EXISTS { (s)-[:SUPPLIES]->(c) } END AS suppliesCategory`,
      params,
    );
    return row;
  }

  /**
   * Creates a PENDING trade. The rules the service checked are checked again in the same statement,
   * so a membership or supply that ended (or a supplier membership that began) meanwhile creates nothing (null).
   */
  async create(trade: NewTrade): Promise<Trade | null> {
    const [row] = await this.neo4j.write<{ trade: Trade }>(
      'TradesRepository.create',
      `MATCH (recorder:Person {id: $recordedById}), (buyer:Organization {id: $buyerId}),
             (supplier:Organization {id: $supplierId}), (category:Category {id: $categoryId})
       WHERE ${MEMBER_OF('recorder', 'buyer')} AND NOT ${MEMBER_OF('recorder', 'supplier')}
         AND 'SUPPLIER' IN supplier.roles
         AND EXISTS { (supplier)-[:SUPPLIES]->(category) } AND buyer <> supplier
       CREATE (t:Trade {id: $id, occurredOn: date($occurredOn), amountBand: $amountBand, visibility: $visibility,
                        status: 'PENDING', createdAt: datetime()})
       CREATE (t)-[:BUYER]->(buyer), (t)-[:SUPPLIER]->(supplier), (t)-[:IN_CATEGORY]->(category),
              (recorder)-[:RECORDED]->(t)
       WITH t, buyer, supplier, category, recorder, null AS confirmer
       RETURN ${TRADE_FIELDS} AS trade`,
      { ...trade },
    );
    return row?.trade ?? null;
  }

  /** recordContext() for many supplier/category pairs of one buyer and recorder at once. */
  async recordContexts(params: {
    buyerId: string;
    personId: string;
    pairs: { supplierId: string; categoryId: string }[];
  }): Promise<({ supplierId: string; categoryId: string } & RecordContext)[]> {
    return this.neo4j.read(
      'TradesRepository.recordContexts',
      `OPTIONAL MATCH (b:Organization {id: $buyerId})
       WITH b, CASE WHEN b IS NULL THEN false ELSE ${MEMBER_OF(':Person {id: $personId}', 'b')} END AS recorderIsMember
       UNWIND $pairs AS pair
       OPTIONAL MATCH (s:Organization {id: pair.supplierId})
       OPTIONAL MATCH (c:Category {id: pair.categoryId})
       RETURN pair.supplierId AS supplierId, pair.categoryId AS categoryId,
              b IS NOT NULL AS buyerExists, recorderIsMember,
              s IS NOT NULL AS supplierExists,
              CASE WHEN s IS NULL THEN false ELSE ${MEMBER_OF(':Person {id: $personId}', 's')} END AS recorderInSupplier,
              coalesce(s.roles, []) AS supplierRoles,
              c IS NOT NULL AS categoryExists,
              CASE WHEN s IS NULL OR c IS NULL THEN false ELSE EXISTS { (s)-[:SUPPLIES]->(c) } END AS suppliesCategory`,
      params,
    );
  }

  /** Which of these external order ids the buyer has already imported. */
  async importedOrderIds(buyerId: string, externalOrderIds: readonly string[]): Promise<string[]> {
    const rows = await this.neo4j.read<{ externalOrderId: string }>(
      'TradesRepository.importedOrderIds',
      `UNWIND $externalOrderIds AS externalOrderId
       MATCH (t:Trade {externalOrderBuyerId: $buyerId, externalOrderId: externalOrderId})
       RETURN externalOrderId`,
      { buyerId, externalOrderIds },
    );
    return rows.map((row) => row.externalOrderId);
  }

  /**
   * Creates a batch of PENDING trades of one buyer in one statement, checking for every row what
   * create() checks (and that it is not in the future). Returns the ids of the trades created; the
   * other rows failed a rule. The caller leaves out the external order ids the buyer already imported;
   * should one be imported meanwhile (the same file imported twice at once), the
   * (externalOrderBuyerId, externalOrderId) uniqueness constraint rejects the batch: null, nothing written.
   */
  async importMany(params: {
    buyerId: string;
    recordedById: string;
    trades: ImportedTrade[];
  }): Promise<string[] | null> {
    try {
      const rows = await this.neo4j.write<{ id: string }>(
        'TradesRepository.importMany',
        `MATCH (recorder:Person {id: $recordedById}), (buyer:Organization {id: $buyerId})
         WHERE ${MEMBER_OF('recorder', 'buyer')}
         UNWIND $trades AS row
         MATCH (supplier:Organization {id: row.supplierId}), (category:Category {id: row.categoryId})
         WHERE NOT ${MEMBER_OF('recorder', 'supplier')} AND 'SUPPLIER' IN supplier.roles
           AND EXISTS { (supplier)-[:SUPPLIES]->(category) } AND buyer <> supplier
           AND date(row.occurredOn) <= date()
         CREATE (t:Trade {id: row.id, externalOrderBuyerId: $buyerId, externalOrderId: row.externalOrderId,
                          occurredOn: date(row.occurredOn), amountBand: row.amountBand, visibility: row.visibility,
                          status: 'PENDING', createdAt: datetime()})
         CREATE (t)-[:BUYER]->(buyer), (t)-[:SUPPLIER]->(supplier), (t)-[:IN_CATEGORY]->(category),
                (recorder)-[:RECORDED]->(t)
         RETURN t.id AS id`,
        params,
        { timeoutMs: IMPORT_TIMEOUT_MS },
      );
      return rows.map((row) => row.id);
    } catch (error) {
      if ((error as { code?: string }).code === 'Neo.ClientError.Schema.ConstraintValidationFailed') return null;
      throw error;
    }
  }

  /** The trades with these ids that the viewer may see; the others are simply absent. */
  async findVisible(ids: readonly string[], viewerId: string): Promise<Trade[]> {
    const rows = await this.neo4j.read<{ trade: Trade }>(
      'TradesRepository.findVisible',
      `UNWIND $ids AS id
       MATCH (t:Trade {id: id})
       WHERE ${TRADE_VISIBLE_TO_VIEWER}
       ${TRADE_PARTS}
       RETURN ${TRADE_FIELDS} AS trade`,
      { ids, viewerId },
    );
    return rows.map((row) => row.trade);
  }

  /** The trade if the viewer may see it, with whether the viewer is a current member of either side. */
  async findForViewer(id: string, viewerId: string): Promise<TradeForViewer | null> {
    const [row] = await this.neo4j.read<TradeForViewer>(
      'TradesRepository.findForViewer',
      `MATCH (t:Trade {id: $id})
       WHERE ${TRADE_VISIBLE_TO_VIEWER}
       ${TRADE_PARTS}
       RETURN ${TRADE_FIELDS} AS trade,
              ${MEMBER_OF(':Person {id: $viewerId}', 'buyer')} AS viewerInBuyer,
              ${MEMBER_OF(':Person {id: $viewerId}', 'supplier')} AS viewerInSupplier,
              ${MEMBER_OF('recorder', 'supplier')} AS recorderInSupplier`,
      { id, viewerId },
    );
    return row ?? null;
  }

  /**
   * Confirms a PENDING trade by a current member of its supplier who did not record it and is not a current
   * member of its buyer, while its recorder is not a current member of the supplier (two independent parties);
   * null when any of this no longer holds. All is checked only after the write lock on the trade is held,
   * so concurrent decisions cannot both pass.
   */
  async confirm(id: string, personId: string): Promise<Trade | null> {
    const [row] = await this.neo4j.write<{ trade: Trade }>(
      'TradesRepository.confirm',
      `MATCH (t:Trade {id: $id})
       SET t._lock = true REMOVE t._lock
       WITH t
       MATCH (t)-[:SUPPLIER]->(s:Organization), (t)-[:BUYER]->(b:Organization), (r:Person)-[:RECORDED]->(t),
             (p:Person {id: $personId})
       WHERE t.status = 'PENDING' AND ${MEMBER_OF('p', 's')}
         AND p <> r AND NOT ${MEMBER_OF('p', 'b')} AND NOT ${MEMBER_OF('r', 's')}
       SET t.status = 'CONFIRMED', t.confirmedAt = datetime()
       CREATE (p)-[:CONFIRMED {at: datetime()}]->(t)
       WITH t
       ${TRADE_PARTS}
       RETURN ${TRADE_FIELDS} AS trade`,
      { id, personId },
    );
    return row?.trade ?? null;
  }

  /** Rejects a PENDING trade, like confirm() but recording (:Person)-[:REJECTED]->(t) and the reason. */
  async reject(id: string, personId: string, reason: string | null): Promise<Trade | null> {
    const [row] = await this.neo4j.write<{ trade: Trade }>(
      'TradesRepository.reject',
      `MATCH (t:Trade {id: $id})
       SET t._lock = true REMOVE t._lock
       WITH t
       MATCH (t)-[:SUPPLIER]->(s:Organization), (p:Person {id: $personId})
       WHERE t.status = 'PENDING' AND ${MEMBER_OF('p', 's')}
       SET t.status = 'REJECTED', t.rejectionReason = $reason, t.rejectedAt = datetime()
       CREATE (p)-[:REJECTED {at: datetime()}]->(t)
       WITH t
       ${TRADE_PARTS}
       RETURN ${TRADE_FIELDS} AS trade`,
      { id, personId, reason },
    );
    return row?.trade ?? null;
  }
}
