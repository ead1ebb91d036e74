import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { GraphQLContext } from '#tradegraph/common';
import { Observable, from, mergeMap } from 'rxjs';
import { AuditLogService } from './audit-log.service.js';

/**
 * Writes one audit entry after every GraphQL mutation that succeeds, so no mutation can be
 * added without being audited. Failed mutations store nothing, the audit entry included.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(private readonly audit: AuditLogService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    if (gql.getInfo().parentType.name !== 'Mutation') return next.handle();
    const action = gql.getInfo().fieldName;
    const args = gql.getArgs();
    const request = gql.getContext<GraphQLContext>().req;
    return next.handle().pipe(
      mergeMap((result: unknown) =>
        from(
          this.audit
            .record({
              // A deleted account leaves no id behind, not even in the entry recording its deletion.
              actorId: action === 'deleteAccount' ? null : (request.user?.id ?? personIdOf(result)),
              action,
              targetId: targetIdOf(result, args),
              // Whether an address has an account is not recorded either: the service logs the mailing.
              details: action === 'requestPasswordReset' ? {} : withoutPrivateText(action, args),
              organizationIds: organizationIdsOf(action, result, args),
            })
            .then(() => result),
        ),
      ),
    );
  }
}

/** Mutations that carry the text of a private message or inquiry: the audit log records that they happened, not what was said. */
const PRIVATE_TEXT = new Set(['startConversation', 'sendMessage', 'editMessage', 'sendInquiry']);

function withoutPrivateText(action: string, args: Record<string, unknown>): Record<string, unknown> {
  if (!PRIVATE_TEXT.has(action) || args.input === null || typeof args.input !== 'object') return args;
  const { text: _text, subject: _subject, ...rest } = args.input as Record<string, unknown>;
  return { ...args, input: rest };
}

function personIdOf(result: unknown): string | null {
  const person = (result as { person?: { id?: unknown } } | null)?.person;
  return typeof person?.id === 'string' ? person.id : null;
}

/** The id of what the mutation acted on: the returned record, else an id argument. */
function targetIdOf(result: unknown, args: Record<string, unknown>): string | null {
  const id = (result as { id?: unknown } | null)?.id;
  if (typeof id === 'string') return id;
  const personId = personIdOf(result);
  if (personId) return personId;
  const argId = Object.entries(args).find(([key, value]) => /Id$|^id$/.test(key) && typeof value === 'string');
  return argId ? (argId[1] as string) : null;
}

const ORGANIZATION_KEYS = ['organizationId', 'buyerId', 'supplierId'];
/** Mutations whose `id` argument or result is an organization. */
const ORGANIZATION_MUTATIONS = new Set(['createOrganization', 'updateOrganization']);
/** Exchanges between people that merely mention a supplier: its admins must not read them. */
const PRIVATE_MENTIONS = new Set([
  'requestIntroduction',
  'respondToIntroduction',
  'withdrawIntroduction',
  'referSupplier',
  'answerSourcingRequest',
  // Inquiries are read in the supplier's inbox; their results name the buyer (buyerId), not an organization.
  'sendInquiry',
  'claimInquiry',
  'closeInquiry',
]);

/**
 * The organizations an entry concerns, so their admins can read it in `Organization.auditLog`: the
 * organization, buyer and supplier ids among the arguments (top level or in `input`) and in the result.
 */
function organizationIdsOf(action: string, result: unknown, args: Record<string, unknown>): string[] {
  if (PRIVATE_MENTIONS.has(action)) return [];
  const sources = [args, args.input, result];
  const ids = sources.flatMap((source) =>
    source !== null && typeof source === 'object'
      ? ORGANIZATION_KEYS.map((key) => (source as Record<string, unknown>)[key])
      : [],
  );
  if (ORGANIZATION_MUTATIONS.has(action)) ids.push(args.id, (result as { id?: unknown } | null)?.id);
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}
