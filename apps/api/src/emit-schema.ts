import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSchemaOffline, renderSchema } from './schema/print-schema.js';

/**
 * `node dist/apps/api/src/emit-schema.js` writes schema/schema.graphql;
 * with `--check` it only compares and exits 1 when the committed file is stale.
 */
async function main(): Promise<void> {
  const file = path.resolve('schema/schema.graphql');
  const rendered = renderSchema(await buildSchemaOffline());
  if (process.argv.includes('--check')) {
    const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (committed !== rendered) {
      process.stderr.write('schema/schema.graphql is stale: run `npm run schema:emit` and commit the result.\n');
      process.exit(1);
    }
    process.stdout.write('schema/schema.graphql is up to date.\n');
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, rendered);
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
