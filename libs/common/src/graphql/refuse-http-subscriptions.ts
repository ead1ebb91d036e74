import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * Apollo plugin: a subscription sent as an HTTP request gets BAD_REQUEST naming where subscriptions
 * live, instead of being executed as a query (which cannot return an event stream).
 */
export function refuseHttpSubscriptions(path: string): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError(`Subscriptions are served over graphql-ws at ${path}, not over HTTP.`, {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        },
      };
    },
  };
}
