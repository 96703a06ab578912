/** Unit tests: pure code, no servers. Integration tests: over HTTP against the real PostgreSQL, Redis and an SMTP server the test starts. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' }, module: { type: 'es6' } }];
const moduleNameMapper = {
  '^(\\.{1,2}/.*)\\.js$': '$1',
  '^@app/testing$': '<rootDir>/test/support',
  '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src',
  '^@app/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
const common = { transform: { '^.+\\.ts$': swc }, extensionsToTreatAsEsm: ['.ts'], moduleNameMapper, testEnvironment: 'node', rootDir: __dirname };

module.exports = {
  reporters: ['default', '<rootDir>/test/support/summary-reporter.cjs'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.cjs',
      globalTeardown: '<rootDir>/test/support/global-teardown.cjs',
      testTimeout: 60_000,
    },
  ],
};
