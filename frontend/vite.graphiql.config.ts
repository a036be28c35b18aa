import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// GraphiQL (/graphiql) is a page of its own, built after the app into
// dist/graphiql: a separate build keeps its ~1 MB of editor out of the app's
// chunks and out of the app's size budget (scripts/sizes.mjs reads the app's
// manifest only), and the server serves it under its own policy.
export default defineConfig({
  plugins: [react()],
  root: 'graphiql',
  base: '/graphiql/',
  publicDir: false, // the favicon comes with the app, at /favicon.svg
  build: {
    outDir: '../dist/graphiql',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 5000, // Monaco is big; it loads only on this page
    rollupOptions: {
      // GraphiQL's React Compiler output carries "use no memo" directives,
      // which mean nothing in a bundle: one warning per file otherwise.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  worker: { format: 'es' },
});
