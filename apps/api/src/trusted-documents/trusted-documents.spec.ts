import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TrustedDocuments } from './trusted-documents.js';

const HEX = 'ab'.repeat(32);
const ME = 'query Me { me { name } }';

describe('TrustedDocuments', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tradegraph-manifest-'));
  const write = (name: string, content: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };
  const manifest = write('ok.json', JSON.stringify({ [`sha256:${HEX}`]: ME }));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('finds a document by documentId or persistedQuery hash, with or without the sha256: prefix', () => {
    const trusted = TrustedDocuments.load('only', manifest);
    expect(trusted.size).toBe(1);
    expect(trusted.resolve({ documentId: `sha256:${HEX}` })).toEqual({ ok: true, query: ME });
    expect(trusted.resolve({ documentId: HEX.toUpperCase() })).toEqual({ ok: true, query: ME });
    expect(trusted.resolve({ extensions: { persistedQuery: { version: 1, sha256Hash: HEX } } })).toEqual({
      ok: true,
      query: ME,
    });
  });

  it('in only mode refuses unknown hashes and free text', () => {
    const trusted = TrustedDocuments.load('only', manifest);
    expect(trusted.resolve({ documentId: 'sha256:' + 'cd'.repeat(32) })).toMatchObject({
      ok: false,
      code: 'PERSISTED_QUERY_NOT_FOUND',
    });
    expect(trusted.resolve({ query: ME })).toMatchObject({ ok: false, code: 'PERSISTED_QUERY_NOT_ALLOWED' });
    expect(trusted.resolve({})).toMatchObject({ ok: false, code: 'PERSISTED_QUERY_NOT_ALLOWED' });
  });

  it('in allow mode lets free text run and leaves unknown persistedQuery hashes to Apollo', () => {
    const trusted = TrustedDocuments.load('allow', manifest);
    expect(trusted.resolve({ query: ME })).toEqual({ ok: true });
    expect(trusted.resolve({ extensions: { persistedQuery: { sha256Hash: 'cd'.repeat(32) } } })).toEqual({ ok: true });
    expect(trusted.resolve({ documentId: 'cd'.repeat(32) })).toMatchObject({ code: 'PERSISTED_QUERY_NOT_FOUND' });
  });

  it('refuses to start on a missing manifest in only mode, or a malformed one', () => {
    expect(() => TrustedDocuments.load('only', path.join(dir, 'missing.json'))).toThrow(/does not exist/);
    expect(TrustedDocuments.load('allow', path.join(dir, 'missing.json')).size).toBe(0);
    expect(() => TrustedDocuments.load('only', write('list.json', '[]'))).toThrow(/must be a JSON object/);
    expect(() => TrustedDocuments.load('only', write('bad.json', '{"md5:1": "{ me { name } }"}'))).toThrow(
      /"md5:1" is not a sha256 hash/,
    );
  });
});
