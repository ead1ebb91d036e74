import { Request, Response } from 'express';
import { AuthUser } from '../auth/auth-user.js';
import { RequestLoaders } from './request-loaders.js';

/** What every resolver receives as its GraphQL context. */
export interface GraphQLContext {
  req: Request & { user?: AuthUser };
  res: Response;
  loaders: RequestLoaders;
}
