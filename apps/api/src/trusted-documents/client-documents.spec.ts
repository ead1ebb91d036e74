import * as fs from 'node:fs';
import { checkOperationCost, operationCostEstimator, operationLimitRules } from '#tradegraph/common';
import { loadConfig } from '#tradegraph/config';
import {
  buildSchema,
  DocumentNode,
  GraphQLInputType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  NamedTypeNode,
  parse,
  specifiedRules,
  typeFromAST,
  validate,
} from 'graphql';
import { getComplexity } from 'graphql-query-complexity';

/** A placeholder of a type: enough for the cost estimate, which reads `first` and degrees. */
function placeholder(schema: GraphQLSchema, type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(schema, type.ofType);
  if (isListType(type)) return [];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) && field.defaultValue === undefined)
        value[field.name] = placeholder(schema, field.type);
    }
    return value;
  }
  const scalars: Record<string, unknown> = { Int: 1, Float: 1, Boolean: false, Date: '2024-01-01' };
  return scalars[type.name] ?? 'x';
}

/** A value for each required variable of the document's operation. */
function requiredPlaceholders(schema: GraphQLSchema, document: DocumentNode): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const variable of definition.variableDefinitions ?? []) {
      const type = typeFromAST(schema, variable.type as NamedTypeNode) as GraphQLInputType;
      if (isNonNullType(type) && !variable.defaultValue)
        variables[variable.variable.name.value] = placeholder(schema, type);
    }
  }
  return variables;
}

/**
 * Every document of the typed client (the manifest trusted with GRAPHQL_TRUSTED_DOCUMENTS=only) passes
 * the API's validation and default operation limits, with its variables' defaults: a front-end team
 * never ships an operation the server refuses as too deep or too costly.
 */
describe('typed client documents', () => {
  const schema = buildSchema(fs.readFileSync('schema/schema.graphql', 'utf8'));
  const manifest = JSON.parse(
    fs.readFileSync('clients/typescript/src/generated/persisted-documents.json', 'utf8'),
  ) as Record<string, string>;
  const limits = loadConfig({}).graphql.limits;

  it('has documents', () => {
    expect(Object.keys(manifest).length).toBeGreaterThan(40);
  });

  it.each(
    Object.entries(manifest).map(([hash, text]) => [
      /(query|mutation|subscription) (\w+)/.exec(text)?.[2] ?? hash,
      text,
    ]),
  )('%s is valid within the default limits', (_name, text) => {
    const document = parse(text, { maxTokens: limits.maxTokens });
    expect(validate(schema, document, [...specifiedRules, ...operationLimitRules(limits)])).toEqual([]);
    // Without its required variables the cost would not be estimated at all: give each a placeholder.
    const variables = requiredPlaceholders(schema, document);
    expect(() =>
      getComplexity({ schema, query: document, variables, estimators: [operationCostEstimator] }),
    ).not.toThrow();
    expect(() => checkOperationCost(schema, document, variables, undefined, limits)).not.toThrow();
  });
});
