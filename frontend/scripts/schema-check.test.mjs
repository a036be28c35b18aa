// The schema history check on small schemas (node --test scripts/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSchema, changeLogOf } from './schema-check.mjs';

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

test('a removed field passes when the change log lists it', async () => {
  const readme = '# X\n\n## Change log\n\n- `Member.episode` → `Member.careEpisode`\n\n## Design notes\n';
  assert.deepEqual(await checkSchema({ released, current: removed, changeLog: changeLogOf(readme), today }), []);
});

test('an entry outside the change log section does not count', async () => {
  const readme = '## Change log\n\n- nothing\n\n## Design notes\n\n`Member.episode`\n';
  assert.equal((await checkSchema({ released, current: removed, changeLog: changeLogOf(readme), today })).length, 1);
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
