import * as fs from 'node:fs';
import * as path from 'node:path';
import { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '#tradegraph/config';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '#tradegraph/demo';
import { escapeAttribute, findBuiltDir } from './built-assets.js';
import { NextFunction, Request, Response } from 'express';

/** A supplier of the demo data that the demo buyer's network has traded with, up to three degrees out. */
const DEMO_SUPPLIER_ID = 'demo-s7-o-000064';

/**
 * Serves the "how you are connected" demonstration page on GET /explore, with its bundle under /explore/.
 * It is on whenever the GraphQL IDE is (GRAPHQL_IDE). With the demo data (never in production) the
 * page is prefilled with the demo buyer's login and a demo supplier.
 */
export function serveExplorePage(app: NestExpressApplication, config: AppConfig): void {
  const dir = findBuiltDir('explore');
  const demo = config.nodeEnv !== 'production' && config.seedDemoData;
  // With trusted documents only, the page sends its operations by hash (they are all in the manifest).
  const send = config.graphql.trustedDocuments.mode === 'only' ? [['tradegraph-send', 'documentId']] : [];
  const demoTags = demo
    ? [
        ['tradegraph-demo-email', DEMO_ACCOUNTS[0].email],
        ['tradegraph-demo-password', DEMO_PASSWORD],
        ['tradegraph-demo-supplier', DEMO_SUPPLIER_ID],
      ]
    : [];
  const tags = [...send, ...demoTags].map(
    ([name, content]) => `<meta name="${name}" content="${escapeAttribute(content)}" />`,
  );
  const page = dir
    ? fs.readFileSync(path.join(dir, 'index.html'), 'utf8').replace('<!--tradegraph-demo-->', tags.join('\n    '))
    : null;
  app.use('/explore', (req: Request, res: Response, next: NextFunction) => {
    // Mounted on /explore, so the page itself has path "/"; its bundle goes on to the static files.
    if (req.method !== 'GET' || req.path !== '/') return next();
    if (page === null) {
      res.status(503).type('text/plain').send('The explore page is not built: run `npm run build`.');
      return;
    }
    res.type('html').set('cache-control', 'no-store').send(page);
  });
  if (dir) app.useStaticAssets(dir, { prefix: '/explore/', index: false });
}
