import { Module } from '@nestjs/common';
import { jwtKey } from './jwt-key.js';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '#tradegraph/config';
import { NotificationsModule } from '#tradegraph/notifications';
import { OrganizationsModule } from '#tradegraph/organizations';
import { PeopleModule } from '#tradegraph/people';
import { RateLimitsModule } from '#tradegraph/rate-limits';
import { AccountDeletionResolver } from './account-deletion.resolver.js';
import { AccountDeletionService } from './account-deletion.service.js';
import { AccountGraphRepository } from './account-graph.repository.js';
import { AccountsService } from './accounts.service.js';
import { AuditInterceptor } from './audit.interceptor.js';
import { AuditLogService } from './audit-log.service.js';
import { AuthResolver } from './auth.resolver.js';
import { LoginService } from './login.service.js';
import { Account } from './entities/account.entity.js';
import { AccountToken } from './entities/account-token.entity.js';
import { EmailResolver } from './email.resolver.js';
import { EmailVerificationService } from './email-verification.service.js';
import { MailService } from './mail/mail.service.js';
import { MailedTokensService } from './mailed-tokens.service.js';
import { PasswordResolver } from './password.resolver.js';
import { PasswordService } from './password.service.js';
import { PersonAccountResolver } from './person-account.resolver.js';
import { AuditLogEntry } from './entities/audit-log-entry.entity.js';
import { AuditLogOrganization } from './entities/audit-log-organization.entity.js';
import { RefreshToken } from './entities/refresh-token.entity.js';
import { GqlAuthGuard } from './guards/gql-auth.guard.js';
import { AuditLogEntryResolver } from './audit-log-entry.resolver.js';
import { OrganizationAuditLogResolver } from './organization-audit-log.resolver.js';
import { SessionEventsService } from './session-events.service.js';
import { sqlDataSourceOptions } from './sql-data-source.options.js';
import { JwtStrategy } from './strategies/jwt.strategy.js';
import { LocalStrategy } from './strategies/local.strategy.js';
import { TokensService } from './tokens.service.js';

/**
 * Accounts, sessions, mailed links (email verification, password reset, email change) and the audit
 * log in the SQL database (with `Organization.auditLog`), account
 * deletion across both databases, ended sessions announced to every instance; installs the global
 * auth guard and audit interceptor.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => sqlDataSourceOptions(config),
    }),
    TypeOrmModule.forFeature([Account, RefreshToken, AuditLogEntry, AuditLogOrganization, AccountToken]),
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: jwtKey(config.auth.jwtSecret) as unknown as string,
        signOptions: { algorithm: 'HS256' },
      }),
    }),
    PeopleModule,
    OrganizationsModule,
    NotificationsModule,
    RateLimitsModule,
  ],
  providers: [
    AccountsService,
    TokensService,
    SessionEventsService,
    AuditLogService,
    AuthResolver,
    LoginService,
    AccountGraphRepository,
    AccountDeletionService,
    AccountDeletionResolver,
    OrganizationAuditLogResolver,
    AuditLogEntryResolver,
    MailService,
    MailedTokensService,
    EmailVerificationService,
    EmailResolver,
    PasswordService,
    PasswordResolver,
    PersonAccountResolver,
    LocalStrategy,
    JwtStrategy,
    { provide: APP_GUARD, useClass: GqlAuthGuard },
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
  ],
  exports: [AccountsService, AuditLogService, TokensService, SessionEventsService, EmailVerificationService],
})
export class AccountsModule {}
