import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types and typed documents for the operations in operations/*.graphql, from the committed schema.
 * Run from the repository root: `npm run codegen` (and `npm run codegen:check` in CI).
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: 'clients/typescript/operations/**/*.graphql',
  emitLegacyCommonJSImports: false,
  generates: {
    'clients/typescript/src/generated/': {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        // persisted-documents.json (hash → document) is the manifest the API trusts with
        // GRAPHQL_TRUSTED_DOCUMENTS; each typed document carries its hash in __meta__.hash.
        persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: 'string', DateTime: 'string' },
      },
    },
  },
};

export default config;
