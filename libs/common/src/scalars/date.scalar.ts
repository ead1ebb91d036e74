import { CustomScalar, Scalar } from '@nestjs/graphql';
import { GraphQLError, Kind, ValueNode } from 'graphql';
import { isIsoDate } from './iso-date.js';

function parse(value: unknown): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new GraphQLError('Date must be a calendar date written as yyyy-mm-dd.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** A calendar date without time or zone, as an ISO 8601 `yyyy-mm-dd` string. */
@Scalar('Date', () => DateScalarType)
export class DateScalar implements CustomScalar<string, string> {
  description = 'A calendar date without time or time zone, written as ISO 8601 yyyy-mm-dd.';

  parseValue(value: unknown): string {
    return parse(value);
  }

  serialize(value: unknown): string {
    return parse(value);
  }

  parseLiteral(ast: ValueNode): string {
    return parse(ast.kind === Kind.STRING ? ast.value : undefined);
  }
}

/** Marker class so code-first fields can say `@Field(() => DateScalarType)`. */
export class DateScalarType {}
