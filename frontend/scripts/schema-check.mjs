// The schema's history check, run by `make test` (npm run schema-check):
//
// 1. Breaking changes: GraphQL Inspector's diff (@graphql-inspector/core,
//    the engine of @graphql-inspector/cli) between schema.released.graphql
//    (the schema of the last release) and schema.graphql (the code's schema,
//    written by `make schema`). Every BREAKING change must be listed in the
//    change log, docs/changelog.md: a bullet naming the change's path in
//    backticks (`Member.episode`, `Mutation.moveIn.input`), as in
//    "- `Member.episode` → `Member.careEpisode`". The README keeps no
//    change log of its own (it moved to docs/), so a `## Change log` there
//    fails the check rather than being silently ignored.
// 2. Deprecations: every @deprecated reason names its removal date
//    (YYYY-MM-DD) that is not in the past; a deprecation added since the
//    release names a date at least 3 months after today.
//
// The check is a pure function (checkSchema) so that its test can feed it
// schemas and change logs; the command at the bottom reads the files.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, isObjectType, isInterfaceType, isInputObjectType, isEnumType } from 'graphql';
import { diff, CriticalityLevel } from '@graphql-inspector/core';

// The bullets of a Markdown text, each with its indented continuation
// lines: only a bullet lists a change, so a name in the change log's prose
// (an example of the format, say) does not count.
export function bulletsOf(markdown) {
  const kept = [];
  let inBullet = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*[-*] /.test(line)) inBullet = true;
    else if (line.trim() !== '' && !/^\s/.test(line)) inBullet = false;
    if (inBullet) kept.push(line);
  }
  return kept.join('\n');
}

// Every name in backticks in a bullet of the change log.
function listedNames(changeLog) {
  return new Set([...bulletsOf(changeLog).matchAll(/`([^`]+)`/g)].map((m) => m[1].trim()));
}

// The change log lives in docs/changelog.md; a change log section left in
// the README (bullets added there by a branch older than the move) would be
// read by nobody.
export function readmeProblems(readme) {
  return /^## Change log\s*$/m.test(readme)
    ? ['README.md has a `## Change log` section: move its bullets to docs/changelog.md']
    : [];
}

// Every deprecated element of the schema: its coordinate and its reason.
export function deprecationsOf(schema) {
  const found = [];
  const add = (coordinate, reason) => {
    if (reason != null) found.push({ coordinate, reason });
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        add(`${type.name}.${field.name}`, field.deprecationReason);
        for (const arg of field.args ?? []) add(`${type.name}.${field.name}(${arg.name}:)`, arg.deprecationReason);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) add(`${type.name}.${value.name}`, value.deprecationReason);
    }
  }
  return found;
}

function addMonths(day, months) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

// Problems found, as messages; none means the check passes.
// today: YYYY-MM-DD (UTC), given by the test.
export async function checkSchema({ released, current, changeLog, today = new Date().toISOString().slice(0, 10) }) {
  const oldSchema = buildSchema(released);
  const newSchema = buildSchema(current);
  const problems = [];

  const listed = listedNames(changeLog);
  for (const change of await diff(oldSchema, newSchema)) {
    if (change.criticality.level !== CriticalityLevel.Breaking) continue;
    const path = change.path ?? change.message;
    if (!listed.has(path)) {
      problems.push(`breaking change not in the change log (docs/changelog.md): ${change.message} (add a bullet naming \`${path}\`)`);
    }
  }

  const wasDeprecated = new Set(deprecationsOf(oldSchema).map((d) => d.coordinate));
  const minimum = addMonths(today, 3);
  for (const { coordinate, reason } of deprecationsOf(newSchema)) {
    const date = reason.match(/\b(\d{4}-\d{2}-\d{2})\b/)?.[1];
    if (!date || Number.isNaN(Date.parse(date))) {
      problems.push(`@deprecated on ${coordinate} must name its removal date (YYYY-MM-DD): "${reason}"`);
    } else if (date < today) {
      problems.push(`@deprecated on ${coordinate}: the removal date ${date} has passed; remove it (and list it in the change log)`);
    } else if (!wasDeprecated.has(coordinate) && date < minimum) {
      problems.push(`@deprecated on ${coordinate}: a new deprecation's removal date must be ${minimum} or later (3 months), not ${date}`);
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('../../', import.meta.url);
  const read = (name) => readFileSync(new URL(name, root), 'utf8');
  const problems = [
    ...readmeProblems(read('README.md')),
    ...(await checkSchema({
      released: read('schema.released.graphql'),
      current: read('schema.graphql'),
      changeLog: read('docs/changelog.md'),
    })),
  ];
  for (const p of problems) console.error(`schema-check: ${p}`);
  if (problems.length > 0) {
    console.error('schema-check: see "Schema history and deprecations" in docs/api.md (list the change in docs/changelog.md, then `make schema`)');
    process.exit(1);
  }
  console.log('schema-check: no unlisted breaking change, every deprecation dated');
}
