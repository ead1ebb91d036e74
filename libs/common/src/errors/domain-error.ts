import type { ErrorCode } from './error-code.js';

/**
 * An expected failure of a request. The message is safe to show to the client;
 * `field` names the argument path at fault (for example `input.email`).
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const badInput = (field: string, message: string): DomainError =>
  new DomainError('BAD_USER_INPUT', message, field);
export const notFound = (message: string, field?: string): DomainError => new DomainError('NOT_FOUND', message, field);
export const forbidden = (message: string): DomainError => new DomainError('FORBIDDEN', message);
export const conflict = (message: string, field?: string): DomainError => new DomainError('CONFLICT', message, field);
export const unauthenticated = (message = 'A valid access token is required.'): DomainError =>
  new DomainError('UNAUTHENTICATED', message);

/** A refusal by a rate limit or the login lockout; the client may try again after `retryAfterSeconds`. */
export class RateLimitedError extends DomainError {
  /** Whole seconds, at least 1: sent as `extensions.retryAfterSeconds` and, over HTTP, as Retry-After. */
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super('RATE_LIMITED', message);
    this.name = 'RateLimitedError';
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

export const rateLimited = (retryAfterSeconds: number, message = 'Too many requests; please slow down.'): DomainError =>
  new RateLimitedError(message, retryAfterSeconds);
