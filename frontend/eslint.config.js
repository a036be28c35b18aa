// ESLint (npm run lint, in `make test`): typescript-eslint's recommended
// rules, the two classic rules of hooks (the React Compiler rules of
// eslint-plugin-react-hooks 7's recommended set are not on: they report six
// places that need a refactor, not a lint fix), and the feature boundary below.
import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// src/ has one folder per feature (a page or pages of its own in
// app/routes.tsx) and shared folders. A feature imports shared folders and
// itself, never another feature; a shared folder imports no feature, except
// app, which puts the features' pages on routes. journey is shared: it has
// no route, it is the timeline, episode table and actions kit of the member
// pages (members/) and of the tests.
const FEATURES = ['admin', 'family', 'groups', 'houses', 'members', 'peers', 'today'];
const SRC = path.resolve(import.meta.dirname, 'src');

// The first folder under src/ of a file, or null outside src/.
function topFolder(file) {
  const rel = path.relative(SRC, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const parts = rel.split(path.sep);
  return parts.length > 1 ? parts[0] : null;
}

// Resolves each relative import against the importing file, so a
// feature's own subfolder named like another feature (members/family)
// is not mistaken for it.
const featureBoundary = {
  meta: { type: 'problem', schema: [], messages: { cross: "'{{from}}' may not import from the feature '{{to}}': move what both need into a shared folder (ui, auth, gql, test, journey)" } },
  create(context) {
    const from = topFolder(context.filename);
    if (from === null || from === 'app') return {};
    const check = (node) => {
      const spec = node.source?.value;
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const to = topFolder(path.resolve(path.dirname(context.filename), spec));
      if (to !== null && to !== from && FEATURES.includes(to)) {
        context.report({ node: node.source, messageId: 'cross', data: { from, to } });
      }
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'src/gql/**', 'e2e/out/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, local: { rules: { 'feature-boundary': featureBoundary } } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'local/feature-boundary': 'error',
    },
  },
);
