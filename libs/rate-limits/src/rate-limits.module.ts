import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { LoginThrottle } from './login-throttle.service.js';
import { OperationRateLimitInterceptor } from './operation-rate-limit.interceptor.js';
import { RateLimiterStore } from './rate-limiter.store.js';
import { RequestLimiter } from './request-limiter.js';

/**
 * Rate limits on every GraphQL operation (installs a global interceptor) and the login lockout
 * that libs/accounts applies in its credential check. Limits are configured in RateLimitsConfig.
 */
@Module({
  providers: [
    RateLimiterStore,
    RequestLimiter,
    LoginThrottle,
    { provide: APP_INTERCEPTOR, useClass: OperationRateLimitInterceptor },
  ],
  exports: [LoginThrottle, RateLimiterStore],
})
export class RateLimitsModule {}
