import { AsyncLocalStorage } from 'node:async_hooks';

/** Per-request values that log lines pick up without passing them around. */
export interface RequestContext {
  requestId: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();
