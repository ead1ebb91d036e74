// Bundles the GraphQL IDE (GraphiQL and its styles) into dist/ide, and the /explore demonstration page
// (apps/explore) into dist/explore, so the API serves both with no CDN.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, '../../dist/ide');
await esbuild.build({
  entryPoints: { graphiql: path.join(here, 'src/main.tsx') },
  outdir: out,
  bundle: true,
  format: 'esm',
  minify: true,
  sourcemap: true,
  jsx: 'automatic',
  target: 'es2022',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
fs.copyFileSync(path.join(here, 'index.html'), path.join(out, 'index.html'));

const explore = path.resolve(here, '../explore');
const exploreOut = path.resolve(here, '../../dist/explore');
await esbuild.build({
  entryPoints: { explore: path.join(explore, 'src/main.ts') },
  outdir: exploreOut,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  minify: true,
  sourcemap: true,
  target: 'es2022',
  logLevel: 'warning',
});
fs.copyFileSync(path.join(explore, 'index.html'), path.join(exploreOut, 'index.html'));
