import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar, describeRootTypes } from '#tradegraph/common';
import { loadConfig } from '#tradegraph/config';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { AppModule, BUILD_SCHEMA_OPTIONS } from '../app.module.js';
import { collectResolvers } from './collect-resolvers.js';

export const SCHEMA_HEADER =
  '# The TradeGraph GraphQL schema: the contract front-end teams build on.\n' +
  '# Generated from the code by `npm run schema:emit`; do not edit by hand.\n\n';

/** The schema as committed in schema/schema.graphql: sorted, with a header. */
export function renderSchema(schema: GraphQLSchema): string {
  return SCHEMA_HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}

/** Builds the schema from the resolvers of AppModule, without starting the app or touching a database. */
export async function buildSchemaOffline(): Promise<GraphQLSchema> {
  const resolvers = collectResolvers(AppModule.forRoot(loadConfig({ NODE_ENV: 'test' })));
  const context = await NestFactory.createApplicationContext(GraphQLSchemaBuilderModule, { logger: false });
  try {
    await context.init();
    const schema = await context
      .get(GraphQLSchemaFactory)
      .create(resolvers, [DateScalar, DateTimeScalar], BUILD_SCHEMA_OPTIONS);
    return describeRootTypes(schema);
  } finally {
    await context.close();
  }
}
