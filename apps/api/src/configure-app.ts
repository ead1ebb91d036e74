import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppExceptionFilter, HTTP_LOGGER, HttpLogger, InputValidationPipe } from '#tradegraph/common';
import { AppConfig } from '#tradegraph/config';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { serveExplorePage } from './ide/explore-page.js';
import { serveGraphqlIde } from './ide/graphql-ide.js';
import { TrustedDocuments } from './trusted-documents/trusted-documents.js';
import { trustedDocumentsMiddleware } from './trusted-documents/trusted-documents.middleware.js';

/**
 * The one bootstrap: everything that shapes request handling (pipes, filters, limits, logging)
 * is set here, and both main.ts and the end-to-end tests go through it.
 */
export function configureApp(app: NestExpressApplication, config: AppConfig): INestApplication {
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // req.ip, which rate limits count by, is the client's address only behind the proxies trusted here.
  app.set('trust proxy', config.trustProxy);
  app.useBodyParser('json', { limit: config.graphql.maxBodyBytes });
  app.use(app.get<symbol, HttpLogger>(HTTP_LOGGER));
  if (config.graphql.trustedDocuments.mode !== 'off') {
    app.use(trustedDocumentsMiddleware('/graphql', TrustedDocuments.forSettings(config.graphql.trustedDocuments)));
  }
  if (config.graphql.ide) {
    serveGraphqlIde(app, config);
    serveExplorePage(app, config);
  }
  app.useGlobalPipes(new InputValidationPipe());
  app.useGlobalFilters(new AppExceptionFilter());
  return app;
}

/** Creates the application for this configuration and runs configureApp on it. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  return configureApp(app, config);
}
