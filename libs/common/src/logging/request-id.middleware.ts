import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';
import { requestContext } from './request-context.js';

const VALID_ID = /^[A-Za-z0-9._-]{1,100}$/;
const logger = new Logger('Http');

/**
 * Gives every HTTP request an id (the caller's `x-request-id` when it is sane), echoes it in
 * the response and logs one line when the response is finished.
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const requestId = incoming && VALID_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('x-request-id', requestId);
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    requestContext.run({ requestId }, () =>
      logger.log({
        msg: 'request',
        method: req.method,
        path: req.path,
        status: res.statusCode,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
      }),
    );
  });
  requestContext.run({ requestId }, () => next());
}
