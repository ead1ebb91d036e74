import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from './app-config.js';

describe('trusted documents configuration', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-trusted-'));
  const manifest = path.join(dir, 'persisted-documents.json');
  fs.writeFileSync(manifest, '{}');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('allows free text and hashes by default, everywhere, with the generated manifest', () => {
    for (const env of [
      {},
      { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), SMTP_URL: 'smtp://mail.example:587' },
    ]) {
      expect(loadConfig(env, dir).graphql.trustedDocuments).toEqual({
        mode: 'allow',
        file: path.join(dir, 'clients/typescript/src/generated/persisted-documents.json'),
      });
    }
  });

  it('reads the mode and the manifest path', () => {
    const config = loadConfig({ GRAPHQL_TRUSTED_DOCUMENTS: 'only', GRAPHQL_TRUSTED_DOCUMENTS_FILE: manifest }, '/');
    expect(config.graphql.trustedDocuments).toEqual({ mode: 'only', file: manifest });
    expect(loadConfig({ GRAPHQL_TRUSTED_DOCUMENTS: 'off' }, dir).graphql.trustedDocuments.mode).toBe('off');
  });

  it('refuses an unknown mode, and a manifest that does not exist when it is needed', () => {
    expect(() => loadConfig({ GRAPHQL_TRUSTED_DOCUMENTS: 'strict' })).toThrow(
      /GRAPHQL_TRUSTED_DOCUMENTS must be one of off, allow, only \(got "strict"\)/,
    );
    expect(() => loadConfig({ GRAPHQL_TRUSTED_DOCUMENTS: 'only' }, dir)).toThrow(
      /GRAPHQL_TRUSTED_DOCUMENTS_FILE .*persisted-documents.json does not exist/,
    );
    expect(() => loadConfig({ GRAPHQL_TRUSTED_DOCUMENTS_FILE: 'missing.json' }, dir)).toThrow(
      /GRAPHQL_TRUSTED_DOCUMENTS_FILE .*missing.json does not exist/,
    );
  });
});
