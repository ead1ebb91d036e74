import { execFile } from 'node:child_process';
import { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { DemoSeeder } from '#tradegraph/demo';
import { createTestApp, TestApp } from './support/test-app.js';

const run = promisify(execFile);
const EXAMPLE = 'dist/clients/typescript/example/example.js';

/** Runs the built example program against the app, as a front-end developer would. */
async function example(url: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [EXAMPLE, ...args], {
    env: { ...process.env, TRADEGRAPH_URL: url },
    timeout: 45_000,
  });
  return stdout;
}

function expectFullRun(output: string): void {
  expect(output).toContain('Signed in as Ada Lindqvist');
  expect(output).toMatch(/traded with demo-s7-o-000064: [1-9]\d* people/);
  expect(output).toMatch(/ {2}trader \S.* degree [12] {2}path Ada Lindqvist → /);
  expect(output).toMatch(/Shortlist for "metals": [1-9]\d* suppliers/);
  expect(output).toMatch(/ {2}shortlist \d+\.\d{3} {2}\S/);
  expect(output).toMatch(/ {4}evidence (ENDORSEMENT|TRADE|REFERRAL) degree [12] \+\d/);
  expect(output).toContain('Ben Hartmann asked to connect');
  expect(output).toContain('notification CONNECTION_REQUEST_RECEIVED: ');
}

describe.each([
  ['allow', 'text', []],
  ['only', 'by hash', ['--persisted']],
])('the example client against an API with trusted documents %s, sending %s', (mode, _send, flags) => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp({ GRAPHQL_TRUSTED_DOCUMENTS: mode });
    // The test app empties the databases after start-up, so the demo data is seeded here.
    await t.app.get(DemoSeeder).seed();
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => t?.close());

  it('logs in, prints the network traders and the shortlist with evidence, and a live notification', async () => {
    const output = await example(url, '--trigger', ...flags);
    expectFullRun(output);
    // It declined the request it triggered, so a second run works the same.
    expectFullRun(await example(url, '--trigger', ...flags));
  });
});

describe('the example client sending free text to an API that runs trusted documents only', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp({ GRAPHQL_TRUSTED_DOCUMENTS: 'only' });
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => t?.close());

  it('fails with PERSISTED_QUERY_NOT_ALLOWED', async () => {
    await expect(example(url)).rejects.toMatchObject({
      stderr: expect.stringContaining('PERSISTED_QUERY_NOT_ALLOWED'),
    });
  });
});
