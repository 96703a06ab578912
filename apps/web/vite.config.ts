import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The web application: built into dist/web (served by the API at /), developed with Vite's dev server, which
 * passes /api to the API (API_URL, default http://localhost:3000) so the session cookie stays same-origin.
 */
export default defineConfig(({ isSsrBuild }) => ({
  root: here('.'),
  // JSX through the automatic runtime (react/jsx-runtime); no React plugin needed.
  oxc: { jsx: { runtime: 'automatic' } },
  // The server's drawing holds its own React, in its production build whatever the API runs under: the development
  // build draws a page two to three times slower.
  ...(isSsrBuild ? { ssr: { noExternal: true }, define: { 'process.env.NODE_ENV': JSON.stringify('production') } } : {}),
  resolve: {
    // dkfds exports only its script; its style sheet (with the fonts it names) is taken from the package's files.
    // The Danish date forms are the domain's own (libs/domain/danish-dates/index.ts, which imports nothing), shared so the
    // pages write dates as the documents and e-mails do.
    alias: {
      'dkfds-css': here('../../node_modules/dkfds/dist/css/dkfds.min.css'),
      '@app/domain/danish-dates': here('../../libs/domain/danish-dates/index.ts'),
    },
  },
  build: {
    // `--ssr src/entry-server.tsx` builds the app as the API draws a page with it on the server (entry-server.tsx).
    outDir: isSsrBuild ? here('../../dist/web-server') : here('../../dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // A script or style inlined as a data: URL would fall foul of the content security policy.
    assetsInlineLimit: 0,
    sourcemap: !isSsrBuild,
    // Which chunks each page loads at start, for the size gate (scripts/check-web-size.mjs).
    manifest: !isSsrBuild,
    rolldownOptions: {
      // The "use client" directives of React libraries mean nothing in a bundle for the browser alone.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    proxy: { '/api': { target: process.env.API_URL ?? 'http://localhost:3000', changeOrigin: false } },
  },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
  },
}));
