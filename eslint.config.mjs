// ESLint flat config: @eslint/js + typescript-eslint "recommended" (syntax-only, no type information,
// so `eslint .` stays fast). TypeScript sources are the Nest app, the libs and the tests. package.json has
// "type": "module", so .js and .mjs files (.dependency-cruiser.js, this file, tools/**/*.js) are ES
// modules and .cjs files (jest.config.cjs, test/support/*.cjs) are CommonJS; all of them run on Node.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** `_`-prefixed arguments, variables and caught errors are deliberately unused. */
const unusedVarsOptions = {
  args: 'after-used',
  argsIgnorePattern: '^_',
  varsIgnorePattern: '^_',
  caughtErrorsIgnorePattern: '^_',
  destructuredArrayIgnorePattern: '^_',
  ignoreRestSiblings: true,
};

export default defineConfig([
  globalIgnores([
    '**/node_modules/',
    '**/dist/',
    '.data/',
    'coverage/',
    'tools/neo4j/target/',
    'schema/',
    'clients/typescript/src/generated/',
  ]),

  {
    name: 'tradegraph/all',
    files: ['**/*.{ts,mts,cts,js,mjs,cjs}'],
    extends: [js.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-unused-vars': ['error', unusedVarsOptions],
    },
  },

  {
    name: 'tradegraph/typescript',
    files: ['**/*.{ts,mts,cts}'],
    extends: [tseslint.configs.recommended],
    languageOptions: {
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      // The TypeScript-aware version replaces the core rule (which does not understand types).
      'no-unused-vars': 'off',
      '@typescript-eslint/no-unused-vars': ['error', unusedVarsOptions],
    },
  },

  {
    // The GraphQL IDE's and the /explore page's browser code, bundled by apps/ide/build.mjs.
    name: 'tradegraph/ide',
    files: ['apps/ide/src/**/*.{ts,tsx}', 'apps/explore/src/**/*.ts'],
    extends: [tseslint.configs.recommended],
    languageOptions: { sourceType: 'module', globals: { ...globals.browser } },
  },

  {
    // GraphQL responses in end-to-end tests are untyped JSON, read field by field.
    name: 'tradegraph/e2e-tests',
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },

  {
    name: 'tradegraph/esm-scripts',
    files: ['**/*.{js,mjs}'],
    languageOptions: {
      sourceType: 'module',
      globals: { ...globals.node },
    },
  },

  {
    name: 'tradegraph/commonjs-scripts',
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { ...globals.node },
    },
  },

  {
    name: 'tradegraph/test-helpers',
    files: ['test/**/*.{js,cjs,mjs}', '**/*.spec.{js,cjs,mjs}'],
    languageOptions: {
      globals: { ...globals.jest },
    },
  },
]);
