import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  DocumentNode,
  getOperationAST,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { operationCostEstimator } from './operation-cost.js';

/** How large one operation may be; every limit is checked before anything executes. */
export interface OperationLimits {
  /** Deepest field nesting (`{ me { name } }` is 2); introspection is exempt (graphql-js bounds it). */
  maxDepth: number;
  /** Aliased fields per operation. */
  maxAliases: number;
  /** Lexical tokens per document, enforced by the parser. */
  maxTokens: number;
  /** Directives per operation. */
  maxDirectives: number;
  /** Estimated cost per operation (see operation-cost.ts). */
  maxCost: number;
  /** Selections per request once fragments are expanded. */
  maxSelections: number;
}

export type OperationLimitName = keyof OperationLimits;

/** The refusal of an operation over a limit: QUERY_TOO_COMPLEX, naming the limit and its value. */
export function tooComplex(limit: OperationLimitName, max: number, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, max, http: { status: 400 } },
  });
}

/** Armor's messages start with "Syntax Error: ", which these are not. */
const armorMessage = (error: GraphQLError): string => error.message.replace(/^Syntax Error: /, '');

/**
 * Depth, alias and directive limits from GraphQL Armor, as validation rules. Each counts every
 * fragment once (memoized), so its work is linear in the document whatever the spreads.
 */
export function operationLimitRules(limits: OperationLimits): ValidationRule[] {
  const refuseAs = (limit: OperationLimitName) => ({
    n: limits[limit],
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(tooComplex(limit, limits[limit], armorMessage(error))),
    ],
  });
  return [
    maxDepthRule({ ...refuseAs('maxDepth'), ignoreIntrospection: true, flattenFragments: true }),
    maxAliasesRule(refuseAs('maxAliases')),
    maxDirectivesRule(refuseAs('maxDirectives')),
  ];
}

/**
 * Throws QUERY_TOO_COMPLEX when the operation's estimated cost is over maxCost. graphql-query-complexity
 * expands fragments, so its walk is capped at maxSelections nodes: a fragment bomb stops there.
 */
export function checkOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | null | undefined,
  limits: OperationLimits,
): void {
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables: variables ?? {},
      operationName: getOperationAST(document, operationName)?.name?.value,
      estimators: [operationCostEstimator],
      maxQueryNodes: limits.maxSelections,
    });
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
      throw tooComplex(
        'maxSelections',
        limits.maxSelections,
        `The operation selects more than ${limits.maxSelections} fields once fragments are expanded.`,
      );
    }
    // Invalid variable values: execution refuses them with their own errors before any resolver runs.
    if (error instanceof GraphQLError) return;
    throw error;
  }
  if (cost > limits.maxCost) {
    throw tooComplex('maxCost', limits.maxCost, `The operation costs ${cost}; at most ${limits.maxCost} is allowed.`);
  }
}

/** Apollo plugin: the cost check, once the operation is parsed and validated and before it executes. */
export function operationCostPlugin(limits: OperationLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          checkOperationCost(schema, document, request.variables, request.operationName, limits);
        },
      };
    },
  };
}

const TOKEN_LIMIT = /^Syntax Error: Document contains more that (\d+) tokens\. Parsing aborted\.$/;

/**
 * The QUERY_TOO_COMPLEX form of a refused operation, or undefined for other errors. Apollo reports
 * validation refusals as GRAPHQL_VALIDATION_FAILED (keeping our extensions) and the parser's token
 * limit as GRAPHQL_PARSE_FAILED; both are restored here.
 */
export function limitRefusal(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  const { code, limit, max } = formatted.extensions ?? {};
  const refused = code === 'QUERY_TOO_COMPLEX' || code === 'GRAPHQL_VALIDATION_FAILED';
  if (refused && typeof limit === 'string' && typeof max === 'number') {
    return { message: formatted.message, extensions: { code: 'QUERY_TOO_COMPLEX', limit, max } };
  }
  const tokens = TOKEN_LIMIT.exec(formatted.message);
  if (tokens) {
    const maxTokens = Number(tokens[1]);
    return {
      message: `The operation has more than ${maxTokens} tokens.`,
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'maxTokens', max: maxTokens },
    };
  }
  return undefined;
}
