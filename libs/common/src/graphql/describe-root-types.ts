import { GraphQLSchema } from 'graphql';

const ROOT_DESCRIPTIONS = {
  Query: 'Read operations. All need an access token.',
  Mutation:
    'Write operations. All except register, login and refreshToken need an access token; a rejected mutation stores nothing.',
  Subscription: 'Live events, delivered over the graphql-ws protocol.',
};

/** Gives the root operation types their descriptions, which code-first decorators cannot set. */
export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (type) type.description = ROOT_DESCRIPTIONS[type.name as keyof typeof ROOT_DESCRIPTIONS] ?? type.description;
  }
  return schema;
}
