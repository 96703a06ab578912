/**
 * The codebase's boundaries, checked by `npm run lint` (and so by CI). Layers, top to bottom:
 *   apps/*  ->  libs/features/*  ->  libs/platform/*  ->  libs/domain
 * An import may point down or stay inside its own library; a library is entered only through its index.ts, by its
 * `@app/<name>` alias. See the README's architecture section for why each rule is there.
 */
const LIBRARY = '^libs/(?:platform|features)/([^/]+)/';
const OUTSIDE_LIBS = '^(?:apps|test|bench|scripts)/';
/**
 * The public faces: each library's index.ts, the domain's test fixtures for the features' unit tests, and the
 * domain's Danish date forms, which import nothing, for the web application.
 */
const INDEXES = ['^libs/(?:platform|features)/[^/]+/index\\.ts$', '^libs/domain/index\\.ts$', '^libs/domain/testing/index\\.ts$', '^libs/domain/danish-dates/index\\.ts$'];

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/domain holds the rules; it knows no framework, no platform, no feature and no app.',
      severity: 'error',
      from: { path: '^libs/domain/' },
      to: { path: '^(?:libs/(?:platform|features)|apps|test|bench|scripts)/' },
    },
    {
      name: 'platform-knows-no-feature',
      comment: 'libs/platform serves every feature, so it may not name one.',
      severity: 'error',
      from: { path: '^libs/platform/' },
      to: { path: '^(?:libs/features|apps|test|bench|scripts)/' },
    },
    {
      name: 'features-know-no-app',
      comment: "A feature is used by the apps; it never reaches up into one. A library's own tests may use the test kit.",
      severity: 'error',
      from: { path: '^libs/', pathNot: '/__tests__/' },
      to: { path: '^(?:apps|test|bench|scripts)/' },
    },
    {
      name: 'api-and-worker-apart',
      comment: 'The API and the worker are separate processes; only apps/all-in-one composes both.',
      severity: 'error',
      from: { path: '^apps/(api|worker)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'library-through-its-index',
      comment: 'Another library is entered only through its index.ts (its public face), never a file inside it.',
      severity: 'error',
      from: { path: LIBRARY },
      to: { path: '^libs/', pathNot: ['^libs/(?:platform|features)/$1/', ...INDEXES] },
    },
    {
      name: 'apps-and-tests-through-the-index',
      comment: 'Apps, tests and benchmarks use a library as any other library does: through its index.ts.',
      severity: 'error',
      from: { path: OUTSIDE_LIBS },
      to: { path: '^libs/', pathNot: INDEXES },
    },
    {
      name: 'library-by-its-alias',
      comment: 'Another library is imported by its @app/<name> alias, never by a relative path, so moving a file inside a library moves no import elsewhere.',
      severity: 'error',
      from: { path: LIBRARY },
      to: { path: '^libs/', pathNot: '^libs/(?:platform|features)/$1/', dependencyTypesNot: ['aliased-tsconfig'] },
    },
    {
      name: 'apps-and-tests-by-the-alias',
      comment: 'The same for apps, tests and benchmarks.',
      severity: 'error',
      from: { path: OUTSIDE_LIBS },
      to: { path: '^libs/', dependencyTypesNot: ['aliased-tsconfig'] },
    },
    {
      name: 'no-cycles-between-libraries',
      comment: 'Features depend on one another in one direction only (e.g. minutes -> meetings -> committees -> people).',
      severity: 'error',
      from: { path: '^libs/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(?:dist|var|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js', '.cjs', '.json'] },
  },
};
