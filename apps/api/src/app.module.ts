import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { AccountsModule, TokensService } from '#tradegraph/accounts';
import { CategoriesModule } from '#tradegraph/categories';
import {
  DateScalar,
  DateTimeScalar,
  depthLimitRule,
  describeRootTypes,
  formatGraphQLError,
  GraphQLContext,
  RequestLoaders,
} from '#tradegraph/common';
import { AppConfig, ConfigModule } from '#tradegraph/config';
import { DemoModule } from '#tradegraph/demo';
import { EmploymentModule } from '#tradegraph/employment';
import { EndorsementsModule } from '#tradegraph/endorsements';
import { GraphModule } from '#tradegraph/graph';
import { IntroductionsModule } from '#tradegraph/introductions';
import { NetworkModule } from '#tradegraph/network';
import { NotificationsModule } from '#tradegraph/notifications';
import { OrganizationsModule } from '#tradegraph/organizations';
import { PeopleModule } from '#tradegraph/people';
import { PrivacyModule } from '#tradegraph/privacy';
import { RateLimitsModule } from '#tradegraph/rate-limits';
import { ReferralsModule } from '#tradegraph/referrals';
import { SourcingModule } from '#tradegraph/sourcing';
import { TradesModule } from '#tradegraph/trades';
import { TrustModule } from '#tradegraph/trust';
import { Request, Response } from 'express';
import { HealthController } from './health/health.controller.js';
import { authenticateSocket, SocketExtra } from './websocket-auth.js';

/** Options shared by the running service and the schema emitter, so both print the same schema. */
export const BUILD_SCHEMA_OPTIONS = { dateScalarMode: 'isoDate' as const, numberScalarMode: 'integer' as const };

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        GraphModule,
        RateLimitsModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AccountsModule],
          inject: [TokensService],
          useFactory: (tokens: TokensService): ApolloDriverConfig => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            // Filters also map errors thrown by field resolvers (guards and interceptors stay on root fields).
            fieldResolverEnhancers: ['filters'],
            buildSchemaOptions: BUILD_SCHEMA_OPTIONS,
            transformSchema: describeRootTypes,
            introspection: true,
            playground: false,
            includeStacktraceInErrorResponses: false,
            formatError: formatGraphQLError,
            // Let an error's `extensions.http` set the HTTP status: a rate-limit refusal answers 429 with
            // Retry-After (only RATE_LIMITED sets it; see libs/common/src/errors/to-graphql-error.ts).
            preserveHttpStatusForExecutionErrors: false,
            validationRules: [depthLimitRule(config.graphql.maxQueryDepth)],
            // Live notifications: graphql-ws on the same path, authenticated once per connection.
            subscriptions: {
              'graphql-ws': { path: '/graphql', onConnect: (ctx) => authenticateSocket(tokens, ctx) },
            },
            context: (ctx: { req: Request; res: Response } | { extra: SocketExtra }): GraphQLContext =>
              'extra' in ctx
                ? // A websocket operation: the user that onConnect verified; there is no HTTP request.
                  {
                    req: { user: ctx.extra.user } as GraphQLContext['req'],
                    res: undefined as unknown as Response,
                    loaders: new RequestLoaders(),
                  }
                : { req: ctx.req as GraphQLContext['req'], res: ctx.res, loaders: new RequestLoaders() },
          }),
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
        DemoModule,
      ],
      controllers: [HealthController],
      providers: [DateScalar, DateTimeScalar],
    };
  }
}
