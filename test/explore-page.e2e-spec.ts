import * as fs from 'node:fs';
import { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { Browser, Page } from 'puppeteer-core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DemoSeeder } from '#tradegraph/demo';
import {
  LoginDocument,
  NetworkTradersWithDocument,
  SupplierShortlistDocument,
  TradeGraphClient,
} from '../clients/typescript/src/index.js';
import { launchBrowser, recordRequests } from './support/browser.js';
import { createTestApp, TestApp } from './support/test-app.js';

const SCREENSHOTS = path.resolve('test-results');
const SUPPLIER = 'demo-s7-o-000064';

/** What the page should draw: the viewer, each named person once, and one node per hidden hop. */
function expectedNodeCount(traders: { path: ({ id: string } | null)[] }[]): number {
  const named = new Set<string>();
  let hidden = 0;
  for (const trader of traders) {
    for (const person of trader.path.slice(1)) {
      if (person) named.add(person.id);
      else hidden++;
    }
  }
  return 1 + named.size + hidden;
}

/** The browser's document, typed just enough for these checks (the tests compile without the DOM library). */
type Doc = { body: { innerText: string }; querySelector(selector: string): { textContent: string | null } | null };
const bodyText = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { document: Doc }).document.body.innerText);

describe.each(['allow', 'only'])('the /explore page with the demo data, trusted documents %s', (trusted) => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  // The expected picture comes from the API itself, by hash, which both trusted-documents modes run.
  let api: TradeGraphClient;

  beforeAll(async () => {
    t = await createTestApp({ SEED_DEMO_DATA: 'true', GRAPHQL_TRUSTED_DOCUMENTS: trusted });
    // The test app empties the databases after start-up, so the demo data is seeded again here.
    await t.app.get(DemoSeeder).seed();
    await t.app.listen(0, '127.0.0.1');
    origin = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchBrowser();
    api = new TradeGraphClient({ url: `${origin}/graphql`, send: 'documentId' });
    const { login } = await api.request(LoginDocument, {
      input: { email: DEMO_ACCOUNTS[0].email, password: DEMO_PASSWORD },
    });
    api.useToken(login.accessToken);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('draws who in the demo buyer’s network traded with the supplier, and the shortlist, from this server only', async () => {
    const traders = () => api.request(NetworkTradersWithDocument, { supplierId: SUPPLIER, maxDegree: 3, first: 50 });
    // Someone two connections away on a trader's path leaves network searches, so the page has hidden hops to draw.
    const before = (await traders()).networkTradersWith.edges.map((edge) => edge.node);
    const middle = before.find((node) => node.degree === 3 && node.path[2])!.path[2]!;
    await t.neo4j.write('MATCH (p:Person {id: $id}) SET p.appearInNetworkSearches = false', { id: middle.id });
    const { networkTradersWith } = await traders();
    const nodes = networkTradersWith.edges.map((edge) => edge.node);
    expect(nodes.length).toBeGreaterThan(0);
    const { supplierShortlist } = await api.request(SupplierShortlistDocument, {
      categoryId: 'metals',
      maxDegree: 2,
      first: 5,
    });
    const recommendations = supplierShortlist.edges.map((edge) => edge.node);
    expect(recommendations.length).toBeGreaterThan(0);

    const page = await (await browser.createBrowserContext()).newPage();
    await page.setViewport({ width: 1300, height: 900 });
    const urls = recordRequests(page);
    await page.goto(`${origin}/explore`, { waitUntil: 'networkidle0' });
    // The demo login and supplier are prefilled: a person only presses the buttons.
    await page.click('#login button');
    await page.waitForFunction(() =>
      (globalThis as unknown as { document: Doc }).document.body.innerText.includes('Signed in as Ada Lindqvist'),
    );
    expect(
      await page.$eval('#supplier input[name="text"]', (input) => (input as unknown as { value: string }).value),
    ).toBe(SUPPLIER);
    await page.click('#supplier button');
    await page.waitForSelector('#graph svg');
    await page.waitForSelector('#shortlist li.supplier');

    expect(await page.$$eval('#graph svg g.node', (groups) => groups.length)).toBe(expectedNodeCount(nodes));
    const hiddenHops = nodes.flatMap((node) => node.path.filter((person) => person === null)).length;
    expect(hiddenHops).toBeGreaterThan(0);
    expect(await page.$$eval('#graph svg g.node[data-key^="hidden:"]', (groups) => groups.length)).toBe(hiddenHops);
    expect(await page.$$eval('#shortlist li.supplier', (items) => items.length)).toBe(recommendations.length);
    expect(await page.$$eval('#shortlist li.supplier .bar', (bars) => bars.length)).toBe(
      recommendations.reduce((sum, recommendation) => sum + recommendation.evidence.edges.length, 0),
    );
    const text = await bodyText(page);
    expect(text).toContain(`${networkTradersWith.totalCount} people in your network traded with`);

    // A trader two connections away with nobody hidden on the way can be asked for by introduction.
    const reachable = nodes.find((node) => node.degree === 2 && node.person && node.path.every((person) => person));
    expect(reachable).toBeDefined();
    await page.click(`#graph g.node[data-key="person:${reachable!.person!.id}"] circle`);
    await page.waitForSelector('#introduction button');
    await page.click('#introduction button');
    await page.waitForFunction(() =>
      (globalThis as unknown as { document: Doc }).document
        .querySelector('#introduction')!
        .textContent!.startsWith('Introduction '),
    );
    expect(await page.$eval('#introduction', (element) => element.textContent)).toMatch(/^Introduction \S+: PENDING$/);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({
      path: path.join(SCREENSHOTS, trusted === 'allow' ? 'explore.png' : `explore-${trusted}.png`),
      fullPage: true,
    });
    // Offline: every request the page made went to this API.
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
    await page.close();
  });
});

describe('the /explore page when the GraphQL IDE is off', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ GRAPHQL_IDE: 'false' })));
  afterAll(() => t?.close());

  it('is not served', async () => {
    expect((await t.http().get('/explore')).status).toBe(404);
    expect((await t.http().get('/explore/explore.js')).status).toBe(404);
  });
});
