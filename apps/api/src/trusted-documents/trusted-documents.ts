import * as fs from 'node:fs';

import { TrustedDocumentsConfig } from '#tradegraph/config';

export type TrustedDocumentsMode = TrustedDocumentsConfig['mode'];

/** What an operation request says about its document: free text, a hash, or both. */
export interface DocumentRequest {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
}

export type Resolution =
  | { ok: true; query?: string }
  | { ok: false; code: 'PERSISTED_QUERY_NOT_FOUND' | 'PERSISTED_QUERY_NOT_ALLOWED'; message: string };

const HEX_SHA256 = /^(?:sha256:)?([0-9a-f]{64})$/i;

/**
 * The manifest of trusted documents (hash → document) that the client codegen writes, and the rule
 * that decides which document an operation runs: with `only`, a document from the manifest by its
 * hash and nothing else; with `allow`, free text too.
 */
export class TrustedDocuments {
  private constructor(
    readonly mode: TrustedDocumentsMode,
    private readonly documents: ReadonlyMap<string, string>,
  ) {}

  private static readonly loaded = new WeakMap<TrustedDocumentsConfig, TrustedDocuments>();

  /** The manifest of these settings, read once (HTTP and the websocket share it). */
  static forSettings(settings: TrustedDocumentsConfig): TrustedDocuments {
    let trusted = TrustedDocuments.loaded.get(settings);
    if (!trusted)
      TrustedDocuments.loaded.set(settings, (trusted = TrustedDocuments.load(settings.mode, settings.file)));
    return trusted;
  }

  /** Reads the manifest; a missing file is an empty manifest only in `allow` mode. */
  static load(mode: TrustedDocumentsMode, file: string): TrustedDocuments {
    if (mode === 'off') return new TrustedDocuments(mode, new Map());
    if (!fs.existsSync(file)) {
      if (mode === 'allow') return new TrustedDocuments(mode, new Map());
      throw new Error(`GRAPHQL_TRUSTED_DOCUMENTS_FILE ${file} does not exist`);
    }
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error(`GRAPHQL_TRUSTED_DOCUMENTS_FILE ${file} must be a JSON object of hash → document`);
    }
    const documents = new Map<string, string>();
    for (const [hash, document] of Object.entries(parsed)) {
      const hex = HEX_SHA256.exec(hash)?.[1];
      if (hex === undefined || typeof document !== 'string') {
        throw new Error(`GRAPHQL_TRUSTED_DOCUMENTS_FILE ${file}: "${hash}" is not a sha256 hash of a document`);
      }
      documents.set(hex.toLowerCase(), document);
    }
    return new TrustedDocuments(mode, documents);
  }

  get size(): number {
    return this.documents.size;
  }

  /**
   * The document to run: `query` is the manifest's text when the request named a known hash, and
   * undefined when the request's own text stands (or, in `allow` mode, Apollo's own persisted
   * queries should answer an unknown `persistedQuery` hash).
   */
  resolve(request: DocumentRequest): Resolution {
    const documentId = typeof request.documentId === 'string' ? request.documentId : undefined;
    const apqHash = persistedQueryHash(request.extensions);
    const hash = documentId ?? apqHash;
    if (hash !== undefined) {
      const hex = HEX_SHA256.exec(hash)?.[1]?.toLowerCase();
      const query = hex === undefined ? undefined : this.documents.get(hex);
      if (query !== undefined) return { ok: true, query };
      if (this.mode === 'allow' && documentId === undefined) return { ok: true };
      return { ok: false, code: 'PERSISTED_QUERY_NOT_FOUND', message: 'No trusted document has this hash.' };
    }
    if (this.mode === 'only') {
      return {
        ok: false,
        code: 'PERSISTED_QUERY_NOT_ALLOWED',
        message: 'This API runs trusted documents only: send a documentId (or persistedQuery hash) from the manifest.',
      };
    }
    return { ok: true };
  }
}

function persistedQueryHash(extensions: unknown): string | undefined {
  if (typeof extensions !== 'object' || extensions === null) return undefined;
  const persisted = (extensions as { persistedQuery?: unknown }).persistedQuery;
  if (typeof persisted !== 'object' || persisted === null) return undefined;
  const hash = (persisted as { sha256Hash?: unknown }).sha256Hash;
  return typeof hash === 'string' ? hash : undefined;
}
