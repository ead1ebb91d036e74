/**
 * The shapes of a generated demo network: plain rows, one array per kind of node or relationship,
 * ready to be written with UNWIND. Dates are 'yyyy-mm-dd' and timestamps ISO strings (UTC).
 */

/** A root of the category taxonomy with its children, as the categories lib lists them. */
export interface TaxonomyRootInput {
  id: string;
  name: string;
  children: { id: string; name: string }[];
}

export interface NetworkOptions {
  /** Any integer from 0 to 2^32 - 1; the same options always give the same network. */
  seed: number;
  people: number;
  /** Defaults to about people / 3.75 (80 for 300 people). */
  organizations?: number;
  /** 'heavy-tailed' (network-heavy-tail.ts) by default from 10,000 people, else 'classic'. */
  shape?: NetworkShape;
  /** The day the network is generated for, 'yyyy-mm-dd': every date and timestamp lies before it. */
  today: string;
  taxonomy: readonly TaxonomyRootInput[];
}

/** Which shape a network takes: 'classic' (3 to 28 connections each) or 'heavy-tailed'. */
export type NetworkShape = 'classic' | 'heavy-tailed';

export type GeneratedRole = 'BUYER' | 'SUPPLIER';
export type GeneratedEmploymentStatus = 'APPROVED' | 'ENDED';
export type GeneratedAmountBand = 'UNDER_10K' | 'FROM_10K_TO_100K' | 'FROM_100K_TO_1M' | 'OVER_1M';
export type GeneratedVisibility = 'PUBLIC' | 'PRIVATE';
export type GeneratedTradeStatus = 'PENDING' | 'CONFIRMED' | 'REJECTED';

export interface GeneratedPerson {
  id: string;
  name: string;
  headline: string;
  country: string;
  createdAt: string;
}

export interface GeneratedOrganization {
  id: string;
  name: string;
  country: string;
  roles: GeneratedRole[];
  website: string;
  description: string;
  /** Child categories it supplies; empty unless it has the SUPPLIER role. */
  categoryIds: string[];
  createdAt: string;
}

export interface GeneratedEmployment {
  id: string;
  personId: string;
  organizationId: string;
  title: string;
  status: GeneratedEmploymentStatus;
  isAdmin: boolean;
  startedOn: string;
  endedOn: string | null;
  approvedAt: string;
  createdAt: string;
}

/** One per connected pair; fromId is the person who asked. */
export interface GeneratedConnection {
  fromId: string;
  toId: string;
  since: string;
}

export interface GeneratedTrade {
  id: string;
  buyerId: string;
  supplierId: string;
  categoryId: string;
  occurredOn: string;
  amountBand: GeneratedAmountBand;
  visibility: GeneratedVisibility;
  status: GeneratedTradeStatus;
  recordedById: string;
  /** The supplier's member who confirmed or rejected it; null while PENDING. */
  decidedById: string | null;
  decidedAt: string | null;
  rejectionReason: string | null;
  createdAt: string;
}

export interface GeneratedFeedback {
  id: string;
  tradeId: string;
  authorId: string;
  quality: number;
  delivery: number;
  communication: number;
  comment: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface GeneratedEndorsement {
  id: string;
  endorserId: string;
  supplierId: string;
  categoryId: string;
  rating: number;
  comment: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface GeneratedReferral {
  id: string;
  fromId: string;
  toId: string;
  supplierId: string;
  categoryId: string;
  message: string | null;
  createdAt: string;
}

export interface GeneratedNetwork {
  people: GeneratedPerson[];
  organizations: GeneratedOrganization[];
  employments: GeneratedEmployment[];
  connections: GeneratedConnection[];
  trades: GeneratedTrade[];
  feedback: GeneratedFeedback[];
  endorsements: GeneratedEndorsement[];
  referrals: GeneratedReferral[];
}
