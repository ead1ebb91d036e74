import { CustomScalar, Scalar } from '@nestjs/graphql';
import { GraphQLError, Kind, ValueNode } from 'graphql';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parse(value: unknown): Date {
  const date = typeof value === 'string' && ISO_DATE_TIME.test(value) ? new Date(value) : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) {
    throw new GraphQLError('DateTime must be an ISO 8601 date and time with a zone, e.g. 2026-01-31T09:30:00Z.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

/** An instant, sent as an ISO 8601 string in UTC. */
@Scalar('DateTime', () => Date)
export class DateTimeScalar implements CustomScalar<string, Date> {
  description = 'An instant in time, written as an ISO 8601 date and time in UTC (e.g. 2026-01-31T09:30:00.000Z).';

  parseValue(value: unknown): Date {
    return parse(value);
  }

  serialize(value: unknown): string {
    if (value instanceof Date) return value.toISOString();
    return parse(value).toISOString();
  }

  parseLiteral(ast: ValueNode): Date {
    return parse(ast.kind === Kind.STRING ? ast.value : undefined);
  }
}
