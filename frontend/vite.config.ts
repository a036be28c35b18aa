import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The Go server embeds dist/. In development `npm run dev` serves the app
// with hot reload and proxies /graphql to the Go server on :8080, so the
// browser sees one origin and the session cookie works as in production.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    reportCompressedSize: true,
    // dist/.vite/manifest.json: scripts/sizes.mjs finds the initial chunks in it.
    manifest: true,
    // Warn in minified kB; the budget that matters (250 kB gzipped initial JS) is checked by scripts/sizes.mjs.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: { '/graphql': 'http://localhost:8080' },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
  },
});
