import * as fs from 'node:fs';
import * as path from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '#tradegraph/config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '#tradegraph/demo';
import { escapeAttribute, findBuiltDir } from './built-assets.js';
import { NextFunction, Request, Response } from 'express';

/**
 * Serves GraphiQL to browsers on GET /graphql (a request that accepts HTML and carries no query),
 * with its bundle under /ide/. Everything else on /graphql, GET queries included, goes on to Apollo.
 * With the demo data (never in production) the page offers the demo buyer's login.
 */
export function serveGraphqlIde(app: NestExpressApplication, config: AppConfig): void {
  const dir = findBuiltDir('ide');
  const demo = config.nodeEnv !== 'production' && config.seedDemoData;
  const page = dir
    ? fs
        .readFileSync(path.join(dir, 'index.html'), 'utf8')
        .replace(
          '<!--tradegraph-demo-->',
          demo
            ? `<meta name="tradegraph-demo-email" content="${escapeAttribute(DEMO_ACCOUNTS[0].email)}" />\n` +
                `    <meta name="tradegraph-demo-password" content="${escapeAttribute(DEMO_PASSWORD)}" />`
            : '',
        )
    : null;
  app.use('/graphql', (req: Request, res: Response, next: NextFunction) => {
    const wantsPage = req.method === 'GET' && req.query.query === undefined && req.accepts(['json', 'html']) === 'html';
    if (!wantsPage) return next();
    if (page === null) {
      res.status(503).type('text/plain').send('The GraphQL IDE is not built: run `npm run build`.');
      return;
    }
    res.type('html').set('cache-control', 'no-store').send(page);
  });
  if (dir) app.useStaticAssets(dir, { prefix: '/ide/', index: false });
}
