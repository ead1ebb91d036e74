import * as fs from 'node:fs';
import puppeteer, { Browser, Page } from 'puppeteer-core';

/** The system Chromium (Debian's package); CHROMIUM_PATH overrides. Nothing downloads a browser of its own. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((candidate) => candidate && fs.existsSync(candidate));
  if (!found) throw new Error('No Chromium found: install the chromium package or set CHROMIUM_PATH.');
  return found;
}

export function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    // Root in CI has no user namespace sandbox; the pages are our own, on loopback.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}

/** Every URL the page requests, for the "nothing leaves this machine" checks. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** Sets the text of the CodeMirror editor inside `selector` (GraphiQL 4 uses CodeMirror 5). */
export async function setEditor(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForSelector(`${selector} .CodeMirror`);
  await page.$eval(
    `${selector} .CodeMirror`,
    (element, value) =>
      (element as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror.setValue(value),
    text,
  );
}

/** The text GraphiQL shows in its response pane. */
export function responseText(page: Page): Promise<string> {
  return page.$eval('.graphiql-response .CodeMirror', (element) =>
    (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue(),
  );
}
