import * as fs from 'node:fs';
import { checkOperationCost, operationLimitRules } from '#tradegraph/common';
import { loadConfig } from '#tradegraph/config';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';

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
    expect(() => checkOperationCost(schema, document, {}, undefined, limits)).not.toThrow();
  });
});
