/**
 * Every `extensions.code` the API sends: the one list docs/errors.md documents (a unit test keeps
 * the two equal). Codes from GRAPHQL_PARSE_FAILED on are given by Apollo Server, the operation
 * limits or the trusted-documents check, before any resolver runs.
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'QUERY_TOO_COMPLEX',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_ALLOWED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
] as const;

/** The error codes a client can rely on, sent as GraphQL `extensions.code`. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes that apply to every operation, so mutation descriptions do not repeat them. */
export const UNIVERSAL_ERROR_CODES: readonly ErrorCode[] = [
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'QUERY_TOO_COMPLEX',
];
