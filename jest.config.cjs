/**
 * Unit tests: pure code, no servers. Service tests: the API's modules without HTTP, services called directly, on the
 * real PostgreSQL and Redis. Integration tests: over HTTP against the real PostgreSQL, Redis and an SMTP server the
 * test starts. All of them start what they need with the kit in test/kit (`@app/test-kit`).
 */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' }, module: { type: 'es6' } }];
/** The `@app/*` aliases of tsconfig.json, so tests import libraries as the code does: through their index. */
const { compilerOptions } = JSON.parse(require('node:fs').readFileSync(`${__dirname}/tsconfig.json`, 'utf8'));
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const moduleNameMapper = {
  '^(\\.{1,2}/.*)\\.js$': '$1',
  ...Object.fromEntries(Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${escapeRegExp(alias)}$`, `<rootDir>/${target.replace(/^\.\//, '')}`])),
};
const common = { transform: { '^.+\\.ts$': swc }, extensionsToTreatAsEsm: ['.ts'], moduleNameMapper, testEnvironment: 'node', rootDir: __dirname };
/** Names the run's template database and drops every database the run made. */
const databasePerRun = { globalSetup: '<rootDir>/test/kit/global-setup.cjs', globalTeardown: '<rootDir>/test/kit/global-teardown.cjs' };

/**
 * The resilience suite starts processes from the build, kills and restarts them, and takes minutes: it is a project
 * only when asked for by name (`--selectProjects resilience`, as `npm run test:resilience` does), so `npm test` skips it.
 */
const selected = process.argv.flatMap((arg, i, all) => (arg === '--selectProjects' ? all.slice(i + 1) : arg.startsWith('--selectProjects=') ? [arg.split('=')[1]] : []));
const resilience = selected.includes('resilience')
  ? [{ ...common, ...databasePerRun, displayName: 'resilience', testMatch: ['<rootDir>/test/resilience/**/*.spec.ts'] }]
  : [];

module.exports = {
  // Jest reads the timeout only at the top level; integration tests start whole applications.
  testTimeout: 60_000,
  // Each suite boots whole applications and the modules it loads stay in the process that ran it. On a machine of two
  // cores Jest would run every suite in its own main process, which then grows until it runs out of heap; a limit makes
  // Jest use a worker and start a fresh one whenever a suite leaves it above the limit.
  workerIdleMemoryLimit: '1GB',
  reporters: ['default', '<rootDir>/test/kit/summary-reporter.cjs'],
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'] },
    { ...common, displayName: 'service', testMatch: ['<rootDir>/test/service/**/*.spec.ts'], ...databasePerRun },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.spec.ts'],
      ...databasePerRun,
    },
    ...resilience,
  ],
};
