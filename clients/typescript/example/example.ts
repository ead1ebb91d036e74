/**
 * The typed client at work against a running API:
 *   npm run example:client -- [--trigger] [--persisted] [--listen-seconds N]
 * Logs in as the demo buyer, asks who in her network traded with a supplier, prints the metals
 * shortlist with its evidence, then listens for her notifications. --trigger has a second demo account
 * ask Ada to connect, so a notification arrives; --persisted sends every operation by its trusted
 * document hash (for an API with GRAPHQL_TRUSTED_DOCUMENTS=only). TRADEGRAPH_URL names the API.
 */
import {
  GraphQLRequestError,
  LoginDocument,
  MeDocument,
  NetworkTradersWithDocument,
  NotificationAddedDocument,
  type NotificationAddedSubscription,
  RequestConnectionDocument,
  RespondToConnectionRequestDocument,
  SupplierShortlistDocument,
  TradeGraphClient,
} from '../src/index.js';

const DEMO_PASSWORD = 'tradegraph-demo';
const BUYER = 'ada@demo.tradegraph.example';
const SECOND_ACCOUNT = 'ben@demo.tradegraph.example';
const SUPPLIER_ID = 'demo-s7-o-000064';
const CATEGORY_ID = 'metals';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const listenSeconds = args.includes('--listen-seconds') ? Number(args[args.indexOf('--listen-seconds') + 1]) || 5 : 5;
const url = process.env.TRADEGRAPH_URL ?? 'http://localhost:3000/graphql';
const send = flag('--persisted') ? 'documentId' : 'text';

async function main(): Promise<void> {
  const ada = new TradeGraphClient({ url, send });
  const login = await ada.request(LoginDocument, { input: { email: BUYER, password: DEMO_PASSWORD } });
  ada.useToken(login.login.accessToken);
  const { me } = await ada.request(MeDocument);
  console.log(`Signed in as ${me.name} (${me.connectionCount ?? 0} connections), sending ${send}`);

  const traders = await ada.request(NetworkTradersWithDocument, { supplierId: SUPPLIER_ID, maxDegree: 2, first: 5 });
  const { totalCount, edges } = traders.networkTradersWith;
  console.log(`\nWho in my network traded with ${SUPPLIER_ID}: ${totalCount} people`);
  for (const { node } of edges) {
    const path = node.path.map((person) => person?.name ?? '(hidden)').join(' → ');
    const rating = typeof node.averageRating === 'number' ? `rating ${node.averageRating.toFixed(2)}` : 'no feedback';
    console.log(
      `  trader ${node.person?.name ?? '(hidden)'}  degree ${node.degree}  path ${path}  ${node.organization.name}  ` +
        `${node.tradeCount} trade(s), last ${node.lastTradedOn}, ${rating}`,
    );
  }

  const { supplierShortlist } = await ada.request(SupplierShortlistDocument, {
    categoryId: CATEGORY_ID,
    first: 3,
    evidenceFirst: 3,
  });
  console.log(`\nShortlist for "${CATEGORY_ID}": ${supplierShortlist.totalCount} suppliers`);
  for (const { node: recommendation } of supplierShortlist.edges) {
    console.log(`  shortlist ${recommendation.score.toFixed(3)}  ${recommendation.supplier.name}`);
    for (const { node: evidence } of recommendation.evidence.edges) {
      console.log(
        `    evidence ${evidence.kind} degree ${evidence.degree} +${evidence.contribution.toFixed(3)} ` +
          `${evidence.person?.name ?? '(hidden)'}`,
      );
    }
  }

  await listen(ada);
}

/** Subscribes to Ada's notifications and prints the first, or says none came within the wait. */
async function listen(ada: TradeGraphClient): Promise<void> {
  const live = ada.live();
  let unsubscribe = () => {};
  const first = new Promise<NotificationAddedSubscription['notificationAdded'] | undefined>((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), listenSeconds * 1000);
    unsubscribe = live.subscribe<NotificationAddedSubscription>(ada.subscription(NotificationAddedDocument), {
      next: (result) => {
        if (result.errors?.length) return reject(new Error(result.errors.map((e) => e.message).join('; ')));
        clearTimeout(timer);
        resolve(result.data?.notificationAdded);
      },
      error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
      complete: () => undefined,
    });
  });
  // Only once the server has acknowledged the connection can a trigger's notification reach it.
  // A refused connection rejects `first`, which ends the wait too.
  await Promise.race([new Promise<void>((resolve) => live.on('connected', () => resolve())), first]);
  console.log(`\nListening for notifications for ${listenSeconds}s…`);
  const requestId = flag('--trigger') ? await trigger(ada) : undefined;
  try {
    const notification = await first;
    if (notification) {
      console.log(`  notification ${notification.kind}: ${notification.summary}`);
    } else {
      console.log('  no notification arrived');
    }
  } finally {
    unsubscribe();
    await live.dispose();
  }
  // Declining leaves the demo data as it was, so the example can run again.
  if (requestId) await ada.request(RespondToConnectionRequestDocument, { requestId, accept: false });
}

/** A second demo account asks Ada to connect, which notifies her; undefined when it already had. */
async function trigger(ada: TradeGraphClient): Promise<string | undefined> {
  const ben = new TradeGraphClient({ url, send });
  const login = await ben.request(LoginDocument, { input: { email: SECOND_ACCOUNT, password: DEMO_PASSWORD } });
  ben.useToken(login.login.accessToken);
  const { me } = await ada.request(MeDocument);
  try {
    const { requestConnection } = await ben.request(RequestConnectionDocument, {
      personId: me.id,
      message: 'Hello from the typed client example',
    });
    console.log(`  ${login.login.person.name} asked to connect`);
    return requestConnection.id;
  } catch (error) {
    // Connected already, or a request is pending (an earlier run stopped half-way): nothing new to notify.
    if (!(error instanceof GraphQLRequestError && error.code === 'CONFLICT')) throw error;
    console.log(`  ${login.login.person.name} could not ask to connect: ${error.message}`);
    return undefined;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
