// Bundles the GraphQL IDE (GraphiQL and its styles) into dist/ide, so the API serves it with no CDN.
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
