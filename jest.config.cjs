/**
 * Two projects: `unit` runs the *.spec.ts files beside the code (no servers needed);
 * `e2e` runs test/**\/*.e2e-spec.ts against a real Neo4j started by the global setup
 * (or NEO4J_URI) and a throwaway SQL database.
 */
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  moduleNameMapper: { '^@tradegraph/(.*)$': '<rootDir>/libs/$1/src' },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      testTimeout: 60000,
    },
  ],
};
