/**
 * Every selection the policy-leaks test sends, written once against schema/schema.graphql. The
 * field names the checks rely on are in FIELDS, so a schema change is adjusted here only. Every
 * object type the checks recognise is asked for its __typename.
 */

/** The field names the walk in leak-walk.ts reads. */
export const FIELDS = {
  pathPeople: 'people', // ConnectionPath
  traderPath: 'path', // NetworkTrader
  traderPerson: 'person',
  introductionPath: 'path', // Introduction: the intermediaries, then the target
  connections: 'connections',
  connectionCount: 'connectionCount',
  connectionDegree: 'connectionDegree',
} as const;

/**
 * Page sizes that hold everything the built network has (6 organizations, so at most 6 suppliers)
 * while keeping each operation within the default operation limits: nested lists multiply the
 * estimated cost, and these queries answer as an ordinary client's would.
 */
const SUPPLIERS_PAGE = 10;
/** Pieces of evidence listed per supplier (the score counts them all). */
const EVIDENCE_PAGE = 10;

const PERSON = `fragment P on Person { __typename id name ${FIELDS.connectionDegree} ${FIELDS.connectionCount} }`;
const TRADE = `fragment T on Trade { __typename id visibility status buyer { id } supplier { id }
  recordedBy { ...P } confirmedBy { ...P } feedback { __typename id author { ...P } } }`;
const ENDORSEMENT = `fragment E on Endorsement { __typename id rating endorser { ...P } supplier { id } category { id } }`;
const REFERRAL = `fragment R on Referral { __typename id from { ...P } to { ...P } supplier { id } category { id } }`;
const INTRODUCTION = `fragment I on Introduction { __typename id status currentStep requester { ...P } target { ...P }
  ${FIELDS.introductionPath} { ...P } steps { decision person { ...P } } }`;
const REQUEST = `fragment CR on ConnectionRequest { __typename id status from { ...P } to { ...P } }`;
const RECOMMENDATION = `fragment REC on SupplierRecommendation { __typename score supplier { id }
  evidence(first: ${EVIDENCE_PAGE}) { totalCount edges { node {
    __typename kind degree contribution person { ...P } endorsement { ...E } trade { ...T } referral { ...R } } } } }`;
const RECOMMENDATIONS = `totalCount edges { node { ...REC } }`;
const SOURCING = `fragment SR on SourcingRequest { __typename id status requester { ...P }
  answers(first: 100) { totalCount edges { node { __typename id answerer { ...P } supplier { id } } } } }`;
/** Asked of every request by id (BATCHES.sourcingRequest): empty for anyone but the requester. */
const SUGGESTED = `suggestedSuppliers(first: ${SUPPLIERS_PAGE}) { ${RECOMMENDATIONS} }`;
const TRADER = `fragment NT on NetworkTrader { __typename degree tradeCount
  ${FIELDS.traderPerson} { ...P } ${FIELDS.traderPath} { ...P } organization { id } }`;
const ORGANIZATION = `fragment O on Organization { __typename id name
  members(first: 100) { totalCount edges { node { __typename id status person { ...P } } } }
  pendingEmployments(first: 100) { edges { node { __typename id status person { ...P } } } }
  endorsements(first: 100) { totalCount edges { node { ...E } } }
  scorecard { confirmedTradeCount distinctBuyerCount }
  verification { vouchedBy }
  auditLog(first: 100) { edges { node { __typename id action details actor { ...P } } } } }`;
const MESSAGE = `fragment M on Message { __typename id text deleted sender { ...P } }`;
const CONVERSATION = `fragment C on Conversation { __typename id subject unreadCount participants { ...P }
  lastMessage { ...M } messages(first: 10) { totalCount edges { node { ...M } } } }`;
const INQUIRY = `fragment Q on Inquiry { __typename id subject status via buyer { ...P } claimedBy { ...P }
  supplier { id } conversation { ...C } }`;
const NOTIFICATION = `fragment N on Notification { __typename id kind summary subjectId actor { ...P } }`;
const PAGE_OF_PEOPLE = `totalCount edges { node { ...P } }`;

const ALL_FRAGMENTS = [
  PERSON,
  TRADE,
  ENDORSEMENT,
  REFERRAL,
  INTRODUCTION,
  REQUEST,
  RECOMMENDATION,
  SOURCING,
  TRADER,
  ORGANIZATION,
  MESSAGE,
  CONVERSATION,
  INQUIRY,
  NOTIFICATION,
];

/** The fragments a selection uses (and those they use), so the document declares only what it spreads. */
function withFragments(body: string): string {
  const used = new Set<string>();
  let frontier = body;
  for (let round = 0; round < 5; round += 1) {
    for (const fragment of ALL_FRAGMENTS) {
      const name = /^fragment (\w+)/.exec(fragment)![1];
      if (new RegExp(`\\.\\.\\.${name}\\b`).test(frontier)) used.add(fragment);
    }
    frontier = body + [...used].join('\n');
  }
  return `${body}\n${[...used].join('\n')}`;
}

/** One aliased root field per argument set: `a0: field(args) { selection }`. */
export interface Batch {
  /** A name for failure messages, e.g. `person`. */
  label: string;
  field: string;
  /** The variable declarations of one alias, e.g. `$id: ID!`; `#` is replaced by the alias index. */
  variables: Record<string, string>;
  /** How many aliases one request carries, when fewer than the default limits allow would fit its cost. */
  perRequest?: number;
  /** The argument list, with `#` for the alias index, e.g. `id: $id#`. */
  args: string;
  selection: string;
}

/** The query document for a batch over `count` argument sets. */
export function batchDocument(batch: Batch, indexes: number[]): string {
  const declarations = indexes.flatMap((i) =>
    Object.entries(batch.variables).map(([name, type]) => `$${name}${i}: ${type}`),
  );
  const fields = indexes.map(
    (i) => `a${i}: ${batch.field}(${batch.args.replaceAll('#', String(i))}) ${batch.selection}`,
  );
  return withFragments(`query ${batch.label}Batch(${declarations.join(', ')}) {\n${fields.join('\n')}\n}`);
}

/** The per-viewer queries of the schema that return people, paths, trades or counts. */
export const BATCHES = {
  person: {
    label: 'person',
    field: 'person',
    variables: { id: 'ID!' },
    args: 'id: $id#',
    selection: `{ ...P ${FIELDS.connections}(first: 100) { ${PAGE_OF_PEOPLE} }
      employments(first: 100) { totalCount edges { node { __typename id status person { ...P } organization { id } } } } }`,
  },
  connectionPath: {
    label: 'connectionPath',
    field: 'connectionPath',
    variables: { to: 'ID!' },
    args: 'toPersonId: $to#, maxDepth: 6',
    selection: `{ __typename degree ${FIELDS.pathPeople} { ...P } }`,
  },
  mutualConnections: {
    label: 'mutualConnections',
    field: 'mutualConnections',
    variables: { id: 'ID!' },
    args: 'personId: $id#, first: 100',
    selection: `{ ${PAGE_OF_PEOPLE} }`,
  },
  networkTradersWith: {
    label: 'networkTradersWith',
    field: 'networkTradersWith',
    variables: { supplier: 'ID!', degree: 'Int!' },
    args: 'supplierId: $supplier#, maxDegree: $degree#, first: 100',
    selection: `{ totalCount edges { node { ...NT } } }`,
  },
  networkTradeSummary: {
    label: 'networkTradeSummary',
    field: 'networkTradeSummary',
    variables: { supplier: 'ID!', degree: 'Int!' },
    args: 'supplierId: $supplier#, maxDegree: $degree#',
    selection: `{ __typename maxDegree total byDegree { degree people } supplier { id } }`,
  },
  supplierShortlist: {
    label: 'supplierShortlist',
    field: 'supplierShortlist',
    variables: { category: 'ID!', degree: 'Int!' },
    args: `categoryId: $category#, maxDegree: $degree#, first: ${SUPPLIERS_PAGE}`,
    selection: `{ ${RECOMMENDATIONS} }`,
  },
  organization: {
    label: 'organization',
    field: 'organization',
    variables: { id: 'ID!' },
    args: 'id: $id#',
    selection: `{ ...O }`,
  },
  /** The shared inbox, for its members (null for anyone else), with each inquiry's conversation. */
  organizationInquiries: {
    label: 'organizationInquiries',
    field: 'organization',
    variables: { id: 'ID!' },
    args: 'id: $id#',
    perRequest: 2,
    selection: `{ __typename id inquiries(first: 20) { totalCount edges { node { ...Q } } } }`,
  },
  /** Each conversation by id: NOT_FOUND for anyone but its participants. */
  conversation: {
    label: 'conversation',
    field: 'conversation',
    variables: { id: 'ID!' },
    args: 'id: $id#',
    perRequest: 5,
    selection: `{ ...C }`,
  },
  trade: { label: 'trade', field: 'trade', variables: { id: 'ID!' }, args: 'id: $id#', selection: `{ ...T }` },
  sourcingRequest: {
    label: 'sourcingRequest',
    field: 'sourcingRequest',
    variables: { id: 'ID!' },
    args: 'id: $id#',
    // A request with its answers and suggested suppliers costs about 7,700 of the 10,000 allowed.
    perRequest: 1,
    selection: `{ ...SR ${SUGGESTED} }`,
  },
} satisfies Record<string, Batch>;

/**
 * The viewer's own lists, in one request within the default cost limit (30 a list is more than any
 * person of these networks has); the sourcing requests for them are paged apart (MY_SOURCING).
 */
export const ME = withFragments(`query Me {
  me { ...P privacySettings { connectionsVisibility appearInNetworkSearches }
    blockedPeople(first: 30) { ${PAGE_OF_PEOPLE} }
    ${FIELDS.connections}(first: 30) { ${PAGE_OF_PEOPLE} }
    employments(first: 30) { totalCount edges { node { __typename id status person { ...P } organization { id } } } }
    incomingConnectionRequests(first: 30) { totalCount edges { node { ...CR } } }
    outgoingConnectionRequests(first: 30) { totalCount edges { node { ...CR } } }
    referralsSent(first: 30) { totalCount edges { node { ...R } } }
    referralsReceived(first: 30) { totalCount edges { node { ...R } } }
    introductionsRequested(first: 30) { totalCount edges { node { ...I } } }
    introductionsToHandle(first: 30) { totalCount edges { node { ...I } } }
    }
  notifications(first: 100) { totalCount edges { node { ...N } } }
  searchSuppliers(first: 100) { totalCount edges { node { __typename id name } } }
}`);

/** The viewer's conversations, with their participants and the senders of their newest messages. */
export const MY_CONVERSATIONS = withFragments(`query MyConversations {
  me { conversations(first: 10) { totalCount edges { node { ...C } } } }
}`);

/**
 * One sourcing request shown to the viewer per page. These are other people's requests, so their
 * suggestedSuppliers (checked on every request through BATCHES.sourcingRequest) are left out: the
 * nested evidence would also pass the depth limit here.
 */
export const MY_SOURCING = withFragments(`query MySourcing($after: String) {
  me { sourcingRequestsForMe(first: 1, after: $after) {
    totalCount pageInfo { endCursor hasNextPage } edges { node { ...SR } } } }
}`);
