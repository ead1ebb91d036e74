import * as fs from 'node:fs';
import { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { Browser, Page } from 'puppeteer-core';
import { DemoSeeder } from '#tradegraph/demo';
import { launchBrowser, recordRequests, responseText, setEditor } from './support/browser.js';
import { newPerson, TestPerson } from './support/factories.js';
import { networkHelpers } from './support/network-helpers.js';
import { createTestApp, TestApp } from './support/test-app.js';

const SCREENSHOTS = path.resolve('test-results');

async function listening(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** Waits until the response pane shows text containing `expected`. */
async function waitForResponse(page: Page, expected: string): Promise<string> {
  await page.waitForFunction(
    (text) => {
      type Editor = { CodeMirror?: { getValue(): string } } | null;
      const doc = (globalThis as unknown as { document: { querySelector(selector: string): Editor } }).document;
      return doc.querySelector('.graphiql-response .CodeMirror')?.CodeMirror?.getValue().includes(text) ?? false;
    },
    { timeout: 20_000 },
    expected,
  );
  return responseText(page);
}

async function setHeaders(page: Page, headers: Record<string, string>): Promise<void> {
  const [tab] = await page.$$('xpath/.//button[normalize-space(.)="Headers"]');
  await tab.click();
  await setEditor(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden)', JSON.stringify(headers));
}

describe('the GraphQL IDE on GET /graphql', () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  const net = networkHelpers(() => t);

  beforeAll(async () => {
    t = await createTestApp();
    origin = await listening(t);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('serves GraphiQL from the API itself, and a typed query returns data with the token from the header editor', async () => {
    const ada: TestPerson = await newPerson(t, { name: 'Ada Browser' });
    const page = await (await browser.createBrowserContext()).newPage();
    const urls = recordRequests(page);
    await page.goto(`${origin}/graphql`, { waitUntil: 'networkidle0' });
    await page.waitForSelector('.graphiql-container');

    // The first tab holds the Me query; the query is edited like a user would, keeping its name.
    await setEditor(page, '.graphiql-query-editor', 'query Me { me { name } }');
    await setHeaders(page, { Authorization: `Bearer ${ada.token}` });
    await page.click('.graphiql-execute-button');
    const response = await waitForResponse(page, 'Ada Browser');
    expect(JSON.parse(response)).toEqual({ data: { me: { name: 'Ada Browser' } } });

    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'graphql-ide.png') });
    // Offline: every request the page made went to this API.
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual([]);
    await page.close();
  });

  it('runs a subscription over graphql-ws on the same path and shows a live notification', async () => {
    const ada = await newPerson(t);
    const page = await (await browser.createBrowserContext()).newPage();
    await page.goto(`${origin}/graphql`, { waitUntil: 'networkidle0' });
    const [tab] = await page.$$('xpath/.//button[normalize-space(.)="Notifications"]');
    await tab.click();
    await page.waitForFunction(() =>
      (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText.includes(
        'notificationAdded',
      ),
    );
    await setHeaders(page, { Authorization: `Bearer ${ada.token}` });
    // GraphiQL takes the operation name from the editor after a short debounce, as a person would wait.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await page.click('.graphiql-execute-button');
    // The page subscribes asynchronously: a new person asks to connect each second until one shows live.
    const deadline = Date.now() + 20_000;
    let shown = '';
    while (!shown.includes('CONNECTION_REQUEST_RECEIVED') && Date.now() < deadline) {
      await net.sendRequest(await newPerson(t, { name: 'Ben Sender' }), ada);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      shown = await responseText(page).catch(() => '');
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, 'graphql-ide-subscription.png') });
    expect(shown).toContain('CONNECTION_REQUEST_RECEIVED');
    expect(shown).toContain('Ben Sender');
    await page.close();
  });

  it('leaves GET queries, and clients that ask for JSON, to the API', async () => {
    const res = await t.http().get('/graphql').set('accept', 'application/json');
    expect(res.headers['content-type']).not.toMatch(/html/);
    const page = await t.http().get('/graphql').set('accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/ide/graphiql.js');
    expect(page.text).not.toContain('tradegraph-demo-email');
  });
});

describe('the GraphQL IDE when it is off', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp({ GRAPHQL_IDE: 'false' })));
  afterAll(() => t?.close());

  it('does not serve the page', async () => {
    const res = await t.http().get('/graphql').set('accept', 'text/html');
    expect(res.text).not.toContain('/ide/graphiql.js');
    expect((await t.http().get('/ide/graphiql.js')).status).toBe(404);
  });
});

describe('the GraphQL IDE with the demo data', () => {
  let t: TestApp;
  let browser: Browser;
  let origin: string;
  beforeAll(async () => {
    t = await createTestApp({ SEED_DEMO_DATA: 'true' });
    // The test app empties the databases after start-up, so the demo data is seeded again here.
    await t.app.get(DemoSeeder).seed();
    origin = await listening(t);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('offers the demo buyer’s login, after which queries run as that person', async () => {
    const page = await (await browser.createBrowserContext()).newPage();
    await page.goto(`${origin}/graphql`, { waitUntil: 'networkidle0' });
    const [login] = await page.$$('xpath/.//button[starts-with(normalize-space(.), "Log in as the demo buyer")]');
    await login.click();
    await page.waitForFunction(() =>
      (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText.includes(
        'Signed in as Ada Lindqvist',
      ),
    );
    await setEditor(page, '.graphiql-query-editor', 'query Me { me { name } }');
    await page.click('.graphiql-execute-button');
    expect(JSON.parse(await waitForResponse(page, 'Ada'))).toEqual({ data: { me: { name: 'Ada Lindqvist' } } });
    await page.close();
  });
});
