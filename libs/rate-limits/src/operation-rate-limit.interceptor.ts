import { createHash } from 'node:crypto';
import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLContext } from '#tradegraph/common';
import type { GraphQLResolveInfo } from 'graphql';
import { from, mergeMap, Observable } from 'rxjs';
import { clientAddress } from './client-address.js';
import { NETWORK_QUERIES, nestedNetworkFields } from './network-queries.js';
import { LimitCheck, RequestLimiter } from './request-limiter.js';

/**
 * Counts every top-level GraphQL field against the request limits before it runs. An interceptor
 * rather than a guard, because interceptors run after all guards: the caller's account is known by
 * then. `login` is limited by the login lockout instead, inside the credential check.
 */
@Injectable()
export class OperationRateLimitInterceptor implements NestInterceptor {
  constructor(private readonly limiter: RequestLimiter) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    const info = gql.getInfo<GraphQLResolveInfo>();
    const request = gql.getContext<GraphQLContext>().req;
    const nested = nestedNetworkFields(info.fieldNodes[0]?.selectionSet, info.fragments);
    const mailTo = mailedAddress(info.fieldName, gql.getArgs<Record<string, unknown>>());
    const checks = checksFor(
      info.parentType.name,
      info.fieldName,
      clientAddress(request),
      request?.user?.id,
      nested,
      mailTo,
    );
    if (checks.length === 0) return next.handle();
    return from(this.limiter.consume(checks)).pipe(mergeMap(() => next.handle()));
  }
}

/** Mutations that send mail: limited per account (or per address when anonymous), so no one is flooded. */
const MAIL_SENDING = new Set(['resendVerificationEmail', 'requestPasswordReset', 'changeEmail']);

/**
 * The address an anonymous mail-sending mutation mails, as a SHA-256 of its lower-cased form (the limiter's
 * store never holds addresses). Counted whether or not an account has it, so a refusal tells nothing.
 */
function mailedAddress(field: string, args: Record<string, unknown>): string | undefined {
  if (field !== 'requestPasswordReset' || typeof args.email !== 'string') return undefined;
  return createHash('sha256').update(args.email.trim().toLowerCase()).digest('hex');
}

/**
 * The limits one top-level field counts against; `nestedNetwork` network fields below it count too.
 * `mailTo` (a hash) limits the mails to one address however many clients ask.
 */
export function checksFor(
  type: string,
  field: string,
  address: string | undefined,
  accountId: string | undefined,
  nestedNetwork = 0,
  mailTo?: string,
): LimitCheck[] {
  const checks: LimitCheck[] = [];
  if (address) checks.push({ limit: 'perAddress', key: address });
  if (type === 'Mutation') {
    if (field === 'register' && address) checks.push({ limit: 'registerPerAddress', key: address });
    const mailer = accountId ?? address;
    if (MAIL_SENDING.has(field) && mailer) checks.push({ limit: 'accountEmails', key: `${field}:${mailer}` });
    if (MAIL_SENDING.has(field) && mailTo) checks.push({ limit: 'accountEmails', key: `${field}:to:${mailTo}` });
    if (accountId && field !== 'login') {
      checks.push({ limit: 'mutationsPerAccount', key: accountId });
      checks.push({ limit: 'sameMutationPerAccount', key: `${accountId}:${field}` });
    }
  } else if ((type === 'Query' || type === 'Subscription') && accountId) {
    checks.push({ limit: 'queriesPerAccount', key: accountId });
    const network = (NETWORK_QUERIES.has(field) ? 1 : 0) + nestedNetwork;
    if (network > 0) checks.push({ limit: 'networkQueriesPerAccount', key: accountId, points: network });
  }
  return checks;
}
