// The schema history check on small schemas (node --test scripts/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSchema, readmeProblems } from './schema-check.mjs';

const released = `type Query { member: Member }
type Member { id: ID! episode: String name: String }`;
const removed = `type Query { member: Member }
type Member { id: ID! careEpisode: String name: String }`;
const today = '2026-12-03';

test('a removed field fails without a change log entry', async () => {
  const problems = await checkSchema({ released, current: removed, changeLog: '', today });
  assert.equal(problems.length, 1);
  assert.match(problems[0], /Member\.episode/);
});

test('a removed field passes when a bullet of the change log lists it', async () => {
  const changeLog = '# Change log\n\n## Issue 12\n\n- `Member.episode` → `Member.careEpisode`\n\n## Issue 10\n\n- nothing\n';
  assert.deepEqual(await checkSchema({ released, current: removed, changeLog, today }), []);
});

test("a bullet's indented continuation line counts", async () => {
  const changeLog = '- **Episodes.** `Member.name` stays and\n  `Member.episode` is now `Member.careEpisode`.\n';
  assert.deepEqual(await checkSchema({ released, current: removed, changeLog, today }), []);
});

test('a name outside a bullet does not count', async () => {
  const changeLog = '# Change log\n\nA bullet names a path, like `Member.episode`.\n\n- nothing\n\nNames:\n\n`Member.episode`\n';
  const problems = await checkSchema({ released, current: removed, changeLog, today });
  assert.equal(problems.length, 1);
  assert.match(problems[0], /Member\.episode/);
});

test('the README may not keep a change log of its own', () => {
  assert.equal(readmeProblems('# X\n\n## Change log\n\n- `Member.episode` → `Member.careEpisode`\n').length, 1);
  assert.deepEqual(readmeProblems('# X\n\n## Where to read next\n\n- [Change log](docs/changelog.md)\n'), []);
});

test('an added field is not breaking', async () => {
  const added = released.replace('name: String', 'name: String nickname: String');
  assert.deepEqual(await checkSchema({ released, current: added, changeLog: '', today }), []);
});

const deprecated = (reason) => released.replace('name: String', `name: String @deprecated(reason: "${reason}")`);

test('a deprecation needs a removal date', async () => {
  const problems = await checkSchema({ released, current: deprecated('Use fullName.'), changeLog: '', today });
  assert.equal(problems.length, 1);
  assert.match(problems[0], /Member\.name must name its removal date/);
});

test('a new deprecation is removed 3 months out at the earliest', async () => {
  const soon = await checkSchema({ released, current: deprecated('Use fullName; removed on 2027-01-15.'), changeLog: '', today });
  assert.match(soon.join('\n'), /2027-03-03 or later/);
  assert.deepEqual(await checkSchema({ released, current: deprecated('Use fullName; removed on 2027-03-03.'), changeLog: '', today }), []);
});

test('a removal date in the past fails', async () => {
  const old = deprecated('Use fullName; removed on 2026-11-30.');
  const problems = await checkSchema({ released: old, current: old, changeLog: '', today });
  assert.match(problems.join('\n'), /2026-11-30 has passed/);
});
