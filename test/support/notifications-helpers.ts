import { AddressInfo } from 'node:net';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { TestApp } from './test-app.js';

export const NOTIFICATION_FIELDS = 'id kind createdAt readAt subjectId summary actor { id name }';
const NOTIFICATION_ADDED = `subscription { notificationAdded { ${NOTIFICATION_FIELDS} } }`;

/** Starts the app listening on a free local port; returns its graphql-ws URL. */
export async function listenOn(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  return `ws://127.0.0.1:${port}/graphql`;
}

/** A graphql-ws client of the listening app; `connectionParams` is the connection_init payload. */
export function wsClient(url: string, connectionParams: Record<string, unknown>): Client {
  return createClient({ url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
}

/** Subscribes to notificationAdded and collects what arrives; `closed` settles when the server ends it. */
export function listen(client: Client) {
  const received: any[] = [];
  let resolveFirst: (value: any) => void;
  const first = new Promise<any>((resolve) => (resolveFirst = resolve));
  const closed = new Promise<unknown>((resolve) => {
    client.subscribe(
      { query: NOTIFICATION_ADDED },
      {
        next: (result) => {
          received.push(result);
          resolveFirst(result);
        },
        error: resolve,
        complete: () => resolve(null),
      },
    );
  });
  return { received, first, closed };
}

/** Resolves with the client once its connection is acknowledged (the server accepted the token). */
export const connected = (client: Client) =>
  new Promise<void>((resolve, reject) => {
    client.on('connected', () => resolve());
    client.on('closed', (event) => reject(event));
  });

/** `value`, or a rejection when it takes longer than `ms` (the delivery promise is "within a second"). */
export const within = <T>(ms: number, value: Promise<T>) =>
  Promise.race([
    value,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`nothing within ${ms} ms`)), ms)),
  ]);
