import { checkOperationCost, formatGraphQLError, OperationLimits, operationLimitRules } from '#tradegraph/common';
import { DocumentNode, GraphQLError, GraphQLSchema, parse, specifiedRules, validate } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { TrustedDocuments } from './trusted-documents/trusted-documents.js';

type Hooks = Required<Pick<ServerOptions, 'onSubscribe' | 'onNext' | 'onError'>>;

/** A client-safe copy of a parse or validation error with the code Apollo would give it over HTTP. */
const withCode = (error: GraphQLError, code: string): GraphQLError =>
  new GraphQLError(error.message, { nodes: error.nodes, extensions: { ...error.extensions, code } });

const format = <E>(error: E) => (error instanceof GraphQLError ? formatGraphQLError(error.toJSON(), error) : error);

/**
 * graphql-ws hooks that give operations on the socket (subscriptions, queries and mutations) the same
 * token, depth, alias, directive and cost limits as over HTTP, and the same error format. `schema`
 * is read per operation because the schema exists only once the GraphQL module has built it.
 */
export function socketOperationHooks(
  limits: OperationLimits,
  schema: () => GraphQLSchema,
  trusted: TrustedDocuments,
): Hooks {
  return {
    onSubscribe: (_ctx, _id, payload) => {
      // The same trusted-documents rule as over HTTP; the hash travels in extensions.persistedQuery.
      const resolution =
        trusted.mode === 'off'
          ? { ok: true as const }
          : trusted.resolve({ ...payload, query: payload.query || undefined });
      if (!resolution.ok) return [new GraphQLError(resolution.message, { extensions: { code: resolution.code } })];
      let document: DocumentNode;
      try {
        document = parse(resolution.query ?? payload.query, { maxTokens: limits.maxTokens });
      } catch (error) {
        return [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
      }
      const errors = validate(schema(), document, [...specifiedRules, ...operationLimitRules(limits)]);
      if (errors.length > 0) return errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
      try {
        checkOperationCost(schema(), document, payload.variables ?? undefined, payload.operationName, limits);
      } catch (error) {
        if (error instanceof GraphQLError) return [error];
        throw error;
      }
      return {
        schema: schema(),
        document,
        operationName: payload.operationName,
        variableValues: payload.variables,
      };
    },
    onNext: (_ctx, _id, _payload, _args, result) =>
      result.errors ? { ...result, errors: result.errors.map(format) } : undefined,
    onError: (_ctx, _id, _payload, errors) => errors.map(format),
  };
}
