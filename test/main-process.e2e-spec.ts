import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '#tradegraph/demo';
import { freePort, portIsOpen, startService, waitFor } from './support/service-process.js';

describe('the service process', () => {
  it('refuses to start in production without JWT_SECRET, naming the problem', async () => {
    const service = startService({ NODE_ENV: 'production', NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(await service.exited).toBe(1);
    expect(service.output()).toContain('JWT_SECRET is required when NODE_ENV=production');
  });

  it('launches its own Neo4j, seeds the demo, serves GraphQL, and shuts everything down on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-main-'));
    const [port, boltPort] = [await freePort(), await freePort()];
    const service = startService({
      DATA_DIR: dataDir,
      PORT: String(port),
      NEO4J_BOLT_PORT: String(boltPort),
      NEO4J_HEAP_MB: '256',
      NEO4J_PAGECACHE_MB: '32',
      LOG_LEVEL: 'warn',
    });
    try {
      await waitFor(() => service.output().includes('listening at'), 120_000, 'the service to listen', service.output);
      expect(service.output()).toContain(`Demo accounts (password "${DEMO_PASSWORD}")`);
      expect(fs.existsSync(path.join(dataDir, 'neo4j'))).toBe(true);
      expect(fs.existsSync(path.join(dataDir, 'tradegraph.sqlite'))).toBe(true);

      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { person { name } } }',
          variables: { e: DEMO_ACCOUNTS[0].email, p: DEMO_PASSWORD },
        }),
      });
      expect(((await res.json()) as any).data.login.person.name).toBe(DEMO_ACCOUNTS[0].name);
      expect(await portIsOpen(boltPort)).toBe(true);

      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
      expect(service.output()).toContain('SIGTERM received');
      expect(await portIsOpen(boltPort)).toBe(false);
      expect(await portIsOpen(port)).toBe(false);
    } finally {
      if (service.child.exitCode === null) service.child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
