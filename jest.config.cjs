/**
 * Two projects: `unit` runs the *.spec.ts files beside the code (no servers needed);
 * `e2e` runs test/**\/*.e2e-spec.ts against a real Neo4j started by the global setup
 * (or NEO4J_URI) and a throwaway SQL database. The code is ESM, so Jest runs with
 * --experimental-vm-modules (see the test scripts in package.json).
 */
const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', useESM: true }] },
  moduleNameMapper: {
    '^#tradegraph/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  testTimeout: 60000,
  // One test file at a time (the e2e files share one Neo4j), in one worker process that is replaced once
  // its heap passes the limit after a file: each e2e file builds a whole app, and in one long-lived
  // process the heap grew past 1 GB within 15 files, and garbage collection late in a run outlasted
  // Neo4j transaction time limits.
  maxWorkers: 1,
  workerIdleMemoryLimit: '1GB',
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
