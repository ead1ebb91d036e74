import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Trusted documents (persisted operations): `only` runs nothing but the manifest's documents, by
 * hash; `allow` runs them by hash and free text too; `off` ignores the manifest.
 */
export interface TrustedDocumentsConfig {
  mode: 'off' | 'allow' | 'only';
  /** The manifest, hash → document, that `npm run codegen` writes. */
  file: string;
}

/** The manifest the client codegen writes (clients/typescript) is the default; `only` needs it to exist. */
export function loadTrustedDocuments(
  text: (name: string) => string | undefined,
  problems: string[],
  cwd: string,
): TrustedDocumentsConfig {
  const modes: readonly string[] = ['off', 'allow', 'only'];
  const raw = text('GRAPHQL_TRUSTED_DOCUMENTS') ?? 'allow';
  if (!modes.includes(raw))
    problems.push(`GRAPHQL_TRUSTED_DOCUMENTS must be one of ${modes.join(', ')} (got "${raw}")`);
  const mode = (modes.includes(raw) ? raw : 'allow') as TrustedDocumentsConfig['mode'];
  const given = text('GRAPHQL_TRUSTED_DOCUMENTS_FILE');
  const file = path.resolve(cwd, given ?? 'clients/typescript/src/generated/persisted-documents.json');
  if (mode !== 'off' && (given !== undefined || mode === 'only') && !fs.existsSync(file)) {
    problems.push(`GRAPHQL_TRUSTED_DOCUMENTS_FILE ${file} does not exist`);
  }
  return { mode, file };
}
