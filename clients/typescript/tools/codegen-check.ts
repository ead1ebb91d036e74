import * as fs from 'node:fs';
import * as path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import config from '../codegen.js';

/**
 * `npm run codegen:check`: generates the client in memory and exits 1 when the committed files
 * under clients/typescript/src/generated differ (or one is missing or left over), like schema:check.
 */
async function main(): Promise<void> {
  const outputs = (await generate({ ...config, silent: true }, false)) as { filename: string; content: string }[];
  const folders = new Set(Object.keys(config.generates).map((folder) => path.resolve(folder)));
  const stale: string[] = [];
  const expected = new Set<string>();
  for (const output of outputs) {
    const file = path.resolve(output.filename);
    expected.add(file);
    const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (committed !== output.content) stale.push(path.relative(process.cwd(), file));
  }
  for (const folder of folders) {
    for (const name of fs.existsSync(folder) ? fs.readdirSync(folder) : []) {
      const file = path.join(folder, name);
      if (!expected.has(file)) stale.push(`${path.relative(process.cwd(), file)} (no longer generated)`);
    }
  }
  if (stale.length > 0) {
    process.stderr.write(
      `The generated client is stale: run \`npm run codegen\` and commit the result.\n  ${stale.join('\n  ')}\n`,
    );
    process.exit(1);
  }
  process.stdout.write('clients/typescript/src/generated is up to date.\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
