import { Type } from '@nestjs/common';
import { Field, FieldMiddleware, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from './page-info.model.js';

export interface Edge<T> {
  node: T;
  cursor: string;
}

/**
 * The size of the whole list: a number, or a function that counts it, called only when the client
 * selects `totalCount` (so the count statement runs only then).
 */
export type TotalCount = number | (() => Promise<number>);

/** Resolves `totalCount`: calls a counting function (only reached when the field is selected). */
const countWhenSelected: FieldMiddleware = async (_context, next) => {
  const value: unknown = await next();
  return typeof value === 'function' ? (value as () => Promise<number>)() : value;
};

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: TotalCount;
}

/** What an edge's cursor is for, unless its connection says otherwise. */
const FORWARD_CURSOR = 'Opaque cursor to pass as `after` to get the items that follow this one.';

/**
 * Builds the `<Name>Connection` and `<Name>Edge` GraphQL types for a node type.
 * Subclass the result with its own @ObjectType so each connection has a stable name. `cursorDescription`
 * is for a list that pages otherwise than forward by `after` (messages page back by `before`).
 */
export function ConnectionType<T>(
  nodeType: Type<T>,
  nodeName: string,
  cursorDescription = FORWARD_CURSOR,
): Type<Connection<T>> {
  @ObjectType(`${nodeName}Edge`, { description: `One ${nodeName} in a paginated list, with its cursor.` })
  class EdgeType {
    @Field(() => nodeType, { description: `The ${nodeName}.` })
    node: T;

    @Field({ description: cursorDescription })
    cursor: string;
  }

  @ObjectType({ isAbstract: true })
  class ConnectionBase {
    @Field(() => [EdgeType], { description: 'The items of this page, in order.' })
    edges: Edge<T>[];

    @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
    pageInfo: PageInfo;

    @Field(() => Int, {
      description: 'How many items the whole list holds, across all pages.',
      middleware: [countWhenSelected],
    })
    totalCount: TotalCount;
  }
  return ConnectionBase as Type<Connection<T>>;
}
