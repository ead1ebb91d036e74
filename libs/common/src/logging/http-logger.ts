import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DestinationStream, LoggerOptions, pino, stdTimeFunctions } from 'pino';
import { HttpLogger, pinoHttp } from 'pino-http';
import type { AuthUser } from '../auth/auth-user.js';

/** What the GraphQL plugin (operation-observer.plugin.ts) leaves on the request for its log line. */
export interface ObservedOperation {
  operationName?: string;
  operationType?: string;
  outcome: string;
}

export type ObservedRequest = IncomingMessage & {
  originalUrl?: string;
  user?: AuthUser;
  graphqlOperation?: ObservedOperation;
};

const VALID_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Never logged: credentials, tokens, email addresses and GraphQL variables (which carry passwords
 * and emails), wherever a log call or serializer would put them.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...['password', 'newPassword', 'token', 'accessToken', 'refreshToken', 'authorization', 'email', 'variables'].flatMap(
    (key) => [key, `*.${key}`],
  ),
];

/** The caller's `x-request-id` when it is sane, else a new one; echoed in the response. */
function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && VALID_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

export interface LoggerSettings {
  level: 'debug' | 'info' | 'warn' | 'error';
  /** Human-readable lines through pino-pretty instead of JSON. */
  pretty: boolean;
}

export type { HttpLogger };

/** The injection token of the application's HttpLogger, which configureApp mounts first. */
export const HTTP_LOGGER = Symbol('HTTP_LOGGER');

/**
 * The pino logger of the application and its pino-http middleware: one line per request with the
 * request id, the real path (no query string), status and duration, and for GraphQL the operation
 * name, type, account id and outcome code. The middleware's `logger` is the application's logger
 * (nestjs-pino's root), so every line has the same format and redaction.
 */
export function createHttpLogger({ level, pretty }: LoggerSettings, destination?: DestinationStream): HttpLogger {
  const transport = pretty
    ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } }
    : undefined;
  const options: LoggerOptions = {
    level,
    transport,
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return pinoHttp({
    logger: destination ? pino(options, destination) : pino(options),
    genReqId: requestId,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    // In-request log lines get the request id only, not the whole request.
    quietReqLogger: true,
    serializers: {
      req: (req: { method: string; raw: ObservedRequest }) => ({
        method: req.method,
        path: (req.raw.originalUrl ?? req.raw.url ?? '').split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customProps: (req: ObservedRequest) => {
      const operation = req.graphqlOperation;
      return {
        ...(req.user ? { accountId: req.user.id } : {}),
        ...(operation
          ? {
              operationName: operation.operationName,
              operationType: operation.operationType,
              outcome: operation.outcome,
            }
          : {}),
      };
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
    // pino-http invents an error with a stack for every 5xx; the status says it, and the exception
    // filter has already logged the real error.
    customErrorObject: (_req, _res, _error, value: Record<string, unknown>) => ({ ...value, err: undefined }),
  });
}
