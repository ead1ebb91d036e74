import { NextFunction, Request, Response } from 'express';
import { DocumentRequest, Resolution, TrustedDocuments } from './trusted-documents.js';

type Operation = DocumentRequest & Record<string, unknown>;

/**
 * Express middleware in front of Apollo on the GraphQL path: swaps a trusted document's hash for its
 * text, and refuses what the mode does not allow before anything is parsed. Apollo's own persisted
 * queries know no `documentId`, and would let any client register a document, so this sits first.
 */
export function trustedDocumentsMiddleware(path: string, trusted: TrustedDocuments) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.path !== path) return next();
    if (req.method === 'POST') {
      const body: unknown = req.body;
      if (typeof body !== 'object' || body === null) return next();
      const operations = (Array.isArray(body) ? body : [body]) as Operation[];
      for (const operation of operations) {
        const resolution = trusted.resolve(operation);
        if (!resolution.ok) return refuse(res, resolution);
        if (resolution.query !== undefined) useDocument(operation, resolution.query);
      }
      return next();
    }
    if (req.method === 'GET') {
      const url = new URL(req.url, 'http://localhost');
      const params = url.searchParams;
      // A GET without an operation is the IDE or Apollo's landing page; leave it alone.
      if (!params.has('query') && !params.has('documentId') && !params.has('extensions')) return next();
      const resolution = trusted.resolve({
        query: params.get('query') ?? undefined,
        documentId: params.get('documentId') ?? undefined,
        extensions: parseJson(params.get('extensions')),
      });
      if (!resolution.ok) return refuse(res, resolution);
      if (resolution.query !== undefined) {
        params.set('query', resolution.query);
        params.delete('documentId');
        params.delete('extensions');
        req.url = `${url.pathname}?${params.toString()}`;
      }
    }
    next();
  };
}

/** Runs the manifest's text; the hash has done its job and Apollo's persisted queries need not see it. */
function useDocument(operation: Operation, query: string): void {
  operation.query = query;
  delete operation.documentId;
  const extensions = operation.extensions as Record<string, unknown> | undefined;
  if (extensions) delete extensions.persistedQuery;
}

function refuse(res: Response, resolution: Exclude<Resolution, { ok: true }>): void {
  res.status(400).json({ errors: [{ message: resolution.message, extensions: { code: resolution.code } }] });
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
