import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ScheduleModule } from '@nestjs/schedule';
import { AccountsModule, SessionEventsService, TokensService } from '#tradegraph/accounts';
import { CategoriesModule } from '#tradegraph/categories';
import {
  createHttpLogger,
  DateScalar,
  DateTimeScalar,
  describeRootTypes,
  formatGraphQLError,
  GraphQLContext,
  HTTP_LOGGER,
  HttpLogger,
  Metrics,
  MetricsModule,
  operationCostPlugin,
  operationObserverPlugin,
  operationLimitRules,
  refuseHttpSubscriptions,
  RequestLoaders,
} from '#tradegraph/common';
import { AppConfig, ConfigModule } from '#tradegraph/config';
import { ConversationsModule } from '#tradegraph/conversations';
import { DemoModule } from '#tradegraph/demo';
import { EmploymentModule } from '#tradegraph/employment';
import { EndorsementsModule } from '#tradegraph/endorsements';
import { GraphModule } from '#tradegraph/graph';
import { IntroductionsModule } from '#tradegraph/introductions';
import { NetworkModule } from '#tradegraph/network';
import { NotificationsModule } from '#tradegraph/notifications';
import { OrganizationsModule } from '#tradegraph/organizations';
import { PeopleModule } from '#tradegraph/people';
import { PolicyModule } from '#tradegraph/policy';
import { PrivacyModule } from '#tradegraph/privacy';
import { RateLimitsModule } from '#tradegraph/rate-limits';
import { ReferralsModule } from '#tradegraph/referrals';
import { SourcingModule } from '#tradegraph/sourcing';
import { TradesModule } from '#tradegraph/trades';
import { TrustModule } from '#tradegraph/trust';
import { Request, Response } from 'express';
import { GraphQLSchema } from 'graphql';
import { LoggerModule } from 'nestjs-pino';
import { HealthController } from './health/health.controller.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { LiveSessions } from './live-sessions.js';
import { LiveSubscriptions } from './live-subscriptions.js';
import { TrustedDocuments } from './trusted-documents/trusted-documents.js';
import { authenticateSocket, SocketExtra } from './websocket-auth.js';
import { socketOperationHooks } from './websocket-operations.js';

/** Options shared by the running service and the schema emitter, so both print the same schema. */
export const BUILD_SCHEMA_OPTIONS = { dateScalarMode: 'isoDate' as const, numberScalarMode: 'integer' as const };

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        MetricsModule,
        // nestjs-pino logs through the application's pino logger; its HTTP middleware is mounted by
        // configureApp, first, so that every response gets a request id and a log line.
        LoggerModule.forRootAsync({
          providers: [
            {
              provide: HTTP_LOGGER,
              useFactory: () =>
                createHttpLogger({ level: config.logLevel, pretty: config.observability.logFormat === 'pretty' }),
            },
          ],
          inject: [HTTP_LOGGER],
          useFactory: (httpLogger: HttpLogger) => ({ pinoHttp: { logger: httpLogger.logger }, useExisting: true }),
        }),
        // Periodic jobs (notification pruning); their timers are cleared on shutdown.
        ScheduleModule.forRoot(),
        GraphModule,
        PolicyModule,
        RateLimitsModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AccountsModule],
          inject: [TokensService, SessionEventsService, Metrics],
          useFactory: (tokens: TokensService, sessions: SessionEventsService, metrics: Metrics): ApolloDriverConfig => {
            const live = new LiveSessions(sessions);
            const subscriptions = new LiveSubscriptions();
            metrics.readLiveSubscriptions = () => subscriptions.count();
            const limits = config.graphql.limits;
            let schema: GraphQLSchema | undefined;
            return {
              path: '/graphql',
              autoSchemaFile: true,
              sortSchema: true,
              // Filters also map errors thrown by field resolvers (guards and interceptors stay on root fields).
              fieldResolverEnhancers: ['filters'],
              buildSchemaOptions: BUILD_SCHEMA_OPTIONS,
              // Kept for the graphql-ws hooks, which parse and validate operations themselves.
              transformSchema: (built) => (schema = describeRootTypes(built)),
              introspection: true,
              playground: false,
              includeStacktraceInErrorResponses: false,
              // No "Did you mean …" field suggestions in production: they reveal the schema piece by piece.
              hideSchemaDetailsFromClientErrors: !config.graphql.fieldSuggestions,
              formatError: formatGraphQLError,
              // Let an error's `extensions.http` set the HTTP status: a rate-limit refusal answers 429 with
              // Retry-After (only RATE_LIMITED sets it; see libs/common/src/errors/to-graphql-error.ts).
              preserveHttpStatusForExecutionErrors: false,
              // Operation limits (docs/operations.md), all before execution, so before authentication.
              parseOptions: { maxTokens: limits.maxTokens },
              validationRules: operationLimitRules(limits),
              plugins: [
                operationObserverPlugin(metrics),
                refuseHttpSubscriptions('/graphql'),
                operationCostPlugin(limits),
              ],
              // Live notifications, and queries and mutations too: graphql-ws on the same path,
              // authenticated once per connection, with the same limits as HTTP, and closed when its
              // token expires or its session ends.
              subscriptions: {
                'graphql-ws': {
                  path: '/graphql',
                  onConnect: async (ctx) => {
                    const accepted = await authenticateSocket(tokens, live, ctx);
                    if (accepted) subscriptions.track(ctx);
                    return accepted;
                  },
                  ...socketOperationHooks(
                    limits,
                    () => schema as GraphQLSchema,
                    TrustedDocuments.forSettings(config.graphql.trustedDocuments),
                  ),
                },
              },
              context: (ctx: { req: Request; res: Response } | { extra: SocketExtra }): GraphQLContext =>
                'extra' in ctx
                  ? // A websocket operation: no HTTP request, so the connection's user and token stand in for it.
                    {
                      req: {
                        user: ctx.extra.user,
                        headers: { authorization: ctx.extra.authorization },
                      } as unknown as GraphQLContext['req'],
                      res: undefined as unknown as Response,
                      loaders: new RequestLoaders(),
                    }
                  : { req: ctx.req as GraphQLContext['req'], res: ctx.res, loaders: new RequestLoaders() },
            };
          },
        }),
        AccountsModule,
        PeopleModule,
        CategoriesModule,
        OrganizationsModule,
        EmploymentModule,
        NetworkModule,
        TradesModule,
        EndorsementsModule,
        ReferralsModule,
        TrustModule,
        IntroductionsModule,
        SourcingModule,
        PrivacyModule,
        NotificationsModule,
        ConversationsModule,
        DemoModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [DateScalar, DateTimeScalar],
    };
  }
}
