// The documentation's link check on small trees (node --test scripts/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLinks, linksOf, slugOf, slugsOf } from './doc-links.mjs';

// A tree of Markdown files and the other paths that exist in it.
function check(files, others = []) {
  const all = new Map(Object.entries(files));
  return checkLinks({
    files: all,
    exists: (path) => others.includes(path),
    read: (path) => {
      throw new Error(`read ${path}`);
    },
  });
}

test('headings get the anchors GitHub gives them', () => {
  assert.equal(slugOf('Limits: cost, rate and sign-in throttling'), 'limits-cost-rate-and-sign-in-throttling');
  assert.equal(slugOf('Side by side: `make bench`'), 'side-by-side-make-bench');
  assert.equal(slugOf('Dependencies, and why'), 'dependencies-and-why');
  assert.equal(slugOf('Where to read [next](x.md)'), 'where-to-read-next');
  assert.deepEqual([...slugsOf('# Operations\n\n## Operations\n\n```\n## not a heading\n```\n')], ['operations', 'operations-1']);
});

test('links in code are not links', () => {
  const text = 'See [api](docs/api.md) and `[x](nowhere.md)`.\n\n```md\n[y](nowhere.md)\n```\n[ref]: docs/limits.md#query-cost\n';
  assert.deepEqual(linksOf(text).map((l) => l.target), ['docs/api.md', 'docs/limits.md#query-cost']);
});

test('a link whose text or code span wraps is still found, at its line', () => {
  const text = 'A `code span\nthat [wraps](nowhere.md)` and [a link that\nwraps](docs/api.md).\n';
  assert.deepEqual(linksOf(text), [{ target: 'docs/api.md', line: 2 }]);
});

test('links to files and headings that exist pass', () => {
  const files = {
    'README.md': '# X\n\n## The two commands\n\n[API](docs/api.md#api-conventions), [here](#the-two-commands), [docs](docs/), [web](https://example.org/#x)\n',
    'docs/api.md': '# The API\n\n## API conventions\n\n[back](../README.md#the-two-commands) [bench](../bench/README.md)\n',
  };
  assert.deepEqual(check(files, ['docs', 'bench/README.md']), []);
});

test('a missing file, a missing heading and a way out of the tree fail', () => {
  const files = {
    'README.md': '# X\n\n[gone](docs/audit.md) [moved](docs/api.md#change-log) [same file](#nowhere)\n',
    'docs/api.md': '# The API\n\n[out](../../shared/domain.md)\n',
  };
  const problems = check(files);
  assert.equal(problems.length, 4, problems.join('\n'));
  assert.match(problems[0], /^README\.md:3: docs\/audit\.md: docs\/audit\.md does not exist$/);
  assert.match(problems[1], /docs\/api\.md has no heading #change-log/);
  assert.match(problems[2], /README\.md has no heading #nowhere/);
  assert.match(problems[3], /^docs\/api\.md:3: .*outside the repository/);
});
