/**
 * Architecture rules for `npm run depcruise` (= `depcruise apps libs --config .dependency-cruiser.js`).
 * An ES module, like every .js file here (package.json has "type": "module").
 *
 * Which lib may use which other lib. Adding a lib = adding one line here. A lib may always use its own
 * files; it reaches another lib only through the subpath import `#tradegraph/<name>` (package.json
 * "imports", which points at the lib's src/index.ts barrel), and only if that lib is listed for it.
 * A lib that has no line here may not use any other lib.
 */
const allowed = {
  common: [],
  config: [],
  graph: ['config', 'common'],
  policy: ['common', 'graph'],
  people: ['common', 'graph', 'config', 'policy'],
  notifications: ['common', 'graph', 'people', 'config', 'policy'],
  'rate-limits': ['common', 'config'],
  accounts: ['config', 'common', 'graph', 'people', 'organizations', 'notifications', 'rate-limits', 'conversations'],
  categories: ['common', 'graph'],
  organizations: ['common', 'graph', 'categories', 'config'],
  employment: ['common', 'graph', 'people', 'organizations', 'policy'],
  network: ['common', 'graph', 'people', 'notifications', 'policy'],
  trades: ['common', 'graph', 'people', 'organizations', 'categories', 'notifications', 'policy'],
  endorsements: ['common', 'graph', 'people', 'organizations', 'categories', 'notifications', 'policy'],
  referrals: ['common', 'graph', 'people', 'organizations', 'categories', 'notifications', 'policy'],
  trust: ['common', 'graph', 'people', 'organizations', 'categories', 'trades', 'endorsements', 'referrals', 'policy'],
  introductions: ['common', 'graph', 'people', 'organizations', 'notifications', 'policy'],
  privacy: ['common', 'graph', 'people'],
  sourcing: ['common', 'config', 'graph', 'people', 'organizations', 'categories', 'trust', 'notifications', 'policy'],
  conversations: ['common', 'graph', 'people', 'organizations', 'categories', 'notifications', 'policy'],
  demo: ['accounts', 'common', 'config', 'employment', 'organizations', 'graph', 'people', 'categories'],
};

for (const [lib, deps] of Object.entries(allowed)) {
  for (const dep of deps) {
    if (!(dep in allowed)) {
      throw new Error(`.dependency-cruiser.js: allowed.${lib} lists '${dep}', which has no line of its own`);
    }
    if (dep === lib) {
      throw new Error(`.dependency-cruiser.js: allowed.${lib} lists itself`);
    }
  }
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const oneOf = (names) => `(${names.map(escape).join('|')})`;

/** One rule per lib: it may import only itself and the libs listed for it. */
const perLibRules = Object.entries(allowed).map(([lib, deps]) => ({
  name: `lib-${lib}-deps`,
  severity: 'error',
  comment:
    `libs/${lib} may only use these libs: ${deps.length ? deps.join(', ') : '(none)'}. ` +
    'To allow another, add it to `allowed` at the top of .dependency-cruiser.js (and keep the graph acyclic).',
  from: { path: `^libs/${escape(lib)}/` },
  to: { path: '^libs/', pathNot: `^libs/${oneOf([lib, ...deps])}/` },
}));

export default {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Circular dependency. Break the cycle (move the shared part down into a lower lib or a new file).',
      from: {},
      // A cycle made only of `import type` edges vanishes at run time, so it is not reported.
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'lib-not-to-app',
      severity: 'error',
      comment: 'Libs are used by apps, never the other way round.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-test-support-in-src',
      severity: 'error',
      comment: 'apps/ and libs/ (spec files included) must not import from test/: move the helper into the code.',
      from: { path: '^(apps|libs)/' },
      to: { path: '^test/' },
    },
    {
      name: 'lib-unknown',
      severity: 'error',
      comment: 'This lib has no line in `allowed` at the top of .dependency-cruiser.js; add one.',
      from: { path: `^libs/`, pathNot: `^libs/${oneOf(Object.keys(allowed))}/` },
      to: { path: '^libs/([^/]+)/', pathNot: '^libs/$1/' },
    },
    ...perLibRules,
    {
      name: 'lib-no-relative-into-other-lib',
      severity: 'error',
      comment:
        "A lib reaches another lib by relative path (e.g. '../../people/src/...'). Import from '#tradegraph/<name>'.",
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: '^libs/$1/', dependencyTypesNot: ['aliased-subpath-import'] },
    },
    {
      name: 'lib-only-through-barrel',
      severity: 'error',
      comment:
        "A lib uses another lib's internals. Import from '#tradegraph/<name>' (its src/index.ts), " +
        'exporting what is needed from there.',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$'] },
    },
    {
      name: 'app-lib-only-through-barrel',
      severity: 'warn',
      comment: "apps/ uses a lib's internals. Prefer importing from '#tradegraph/<name>' (its src/index.ts).",
      from: { path: '^apps/' },
      to: { path: '^libs/', pathNot: '^libs/[^/]+/src/index\\.ts$' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        'This import cannot be resolved: a typo, a missing lib (#tradegraph/<name> -> libs/<name>/src/index.ts), ' +
        'or a package missing from package.json.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'not-to-dev-dep',
      severity: 'error',
      comment: 'Production code imports a devDependency. Move the package to "dependencies" or keep it to spec files.',
      // apps/ide/build.mjs is the build step that bundles the IDE (esbuild), not code that runs in production.
      from: { path: '^(apps|libs)/', pathNot: ['\\.spec\\.ts$', '^apps/ide/build\\.mjs$'] },
      to: {
        dependencyTypes: ['npm-dev'],
        dependencyTypesNot: ['type-only'],
        pathNot: ['node_modules/@types/'],
      },
    },
  ],

  options: {
    doNotFollow: { path: ['node_modules'] },
    // node_modules is only doNotFollow (not excluded), so rules can still see which packages are used.
    exclude: { path: ['(^|/)dist/', '(^|/)coverage/', '(^|/)\\.data/'] },
    tsConfig: { fileName: 'tsconfig.json' },
    // Count type-only imports too: a lib that needs another lib's types depends on it.
    tsPreCompilationDeps: true,
    moduleSystems: ['cjs', 'es6'],
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['require', 'import', 'node', 'default', 'types'],
      mainFields: ['main', 'types', 'typings'],
      extensions: ['.ts', '.d.ts', '.js', '.cjs', '.mjs', '.json'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
