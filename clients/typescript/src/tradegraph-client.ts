import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, print } from 'graphql';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** How operations travel: as text, or by the hash of a trusted document (persisted-documents.json). */
export type SendMode = 'text' | 'documentId' | 'persistedQuery';

export interface TradeGraphClientOptions {
  /** The GraphQL endpoint, e.g. http://localhost:3000/graphql; the websocket uses the same path. */
  url: string;
  send?: SendMode;
}

/** One GraphQL error as the API reports it: every client error has `extensions.code`. */
export interface ApiError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

export class GraphQLRequestError extends Error {
  constructor(
    readonly errors: ApiError[],
    readonly status: number,
  ) {
    super(errors.map((error) => `${error.extensions?.code ?? 'ERROR'}: ${error.message}`).join('; '));
    this.name = 'GraphQLRequestError';
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

type Document<TData, TVariables> = TypedDocumentNode<TData, TVariables> & { __meta__?: { hash?: string } };

/** The hash the codegen embedded in a typed document (`sha256:<hex>`). */
export function documentHash(document: { __meta__?: { hash?: string } }): string {
  const hash = document.__meta__?.hash;
  if (!hash) throw new Error('This document has no persisted-document hash; run `npm run codegen`.');
  return hash;
}

/**
 * A small typed client over fetch and graphql-ws: `request` returns the operation's data typed from
 * the generated document, or throws GraphQLRequestError with the API's codes.
 */
export class TradeGraphClient {
  private accessToken?: string;
  private readonly send: SendMode;

  constructor(private readonly options: TradeGraphClientOptions) {
    this.send = options.send ?? 'text';
  }

  /** Sends later requests (and new websocket connections) with this access token. */
  useToken(accessToken: string | undefined): void {
    this.accessToken = accessToken;
  }

  async request<TData, TVariables>(
    document: Document<TData, TVariables>,
    ...[variables]: TVariables extends Record<string, never> ? [] | [TVariables] : [TVariables]
  ): Promise<TData> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.accessToken) headers.authorization = `Bearer ${this.accessToken}`;
    const response = await fetch(this.options.url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ...this.operation(document), variables: variables ?? {} }),
    });
    const body = (await response.json()) as { data?: TData | null; errors?: ApiError[] };
    if (body.errors?.length) throw new GraphQLRequestError(body.errors, response.status);
    if (body.data == null) throw new GraphQLRequestError([{ message: 'The response has no data.' }], response.status);
    return body.data;
  }

  /** A graphql-ws connection authenticated with the current token (connection_init payload). */
  live(): Client {
    const token = this.accessToken;
    return createClient({
      url: this.options.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
    });
  }

  /** The subscribe payload for a document, in this client's send mode (graphql-ws needs a query string). */
  subscription<TData, TVariables>(document: Document<TData, TVariables>, variables?: TVariables) {
    const operation = this.operation(document);
    return {
      query: operation.query ?? '',
      operationName: operation.operationName,
      extensions: operation.extensions ?? (operation.documentId ? persistedQuery(operation.documentId) : undefined),
      variables: (variables ?? {}) as Record<string, unknown>,
    };
  }

  private operation(document: DocumentNode & { __meta__?: { hash?: string } }): {
    query?: string;
    documentId?: string;
    operationName?: string;
    extensions?: Record<string, unknown>;
  } {
    const operationName = operationNameOf(document);
    if (this.send === 'documentId') return { documentId: documentHash(document), operationName };
    if (this.send === 'persistedQuery') return { extensions: persistedQuery(documentHash(document)), operationName };
    return { query: print(document), operationName };
  }
}

function persistedQuery(hash: string): Record<string, unknown> {
  return { persistedQuery: { version: 1, sha256Hash: hash.replace(/^sha256:/, '') } };
}

function operationNameOf(document: DocumentNode): string | undefined {
  for (const definition of document.definitions) {
    if (definition.kind === 'OperationDefinition') return definition.name?.value;
  }
  return undefined;
}
