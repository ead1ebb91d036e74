import type { ApolloServerPlugin } from '@apollo/server';
import { getOperationAST } from 'graphql';
import type { ObservedRequest } from '../logging/http-logger.js';
import type { Metrics } from '../metrics/metrics.js';

interface Context {
  req?: ObservedRequest;
}

/**
 * Apollo plugin: for each GraphQL operation over HTTP, records its count and latency by operation
 * name, type and outcome (OK or the first error's code), and leaves the same facts on the request
 * for its log line.
 */
export function operationObserverPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request }) {
      const started = process.hrtime.bigint();
      let operationType = 'unknown';
      return {
        async didResolveOperation({ operation }) {
          operationType = operation?.operation ?? operationType;
        },
        async willSendResponse({ response, contextValue, operationName, document }) {
          const body = response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
          const code = errors?.[0]?.extensions?.code;
          const outcome = errors?.length ? (typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR') : 'OK';
          // Before the operation is resolved (a validation error), its name is still in the parsed document.
          const name =
            operationName ??
            (document ? getOperationAST(document, request.operationName)?.name?.value : request.operationName) ??
            undefined;
          metrics.recordOperation(name, operationType, outcome, Number(process.hrtime.bigint() - started) / 1e9);
          if (contextValue.req) contextValue.req.graphqlOperation = { operationName: name, operationType, outcome };
        },
      };
    },
  };
}
