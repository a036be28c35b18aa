// The documentation's link check, run by `make frontend-test` (npm run
// doc-links): every relative link in README.md and docs/*.md must point at a
// file that exists and, with a #fragment into a Markdown file, at one of its
// headings. The README was split into docs/; this keeps the split from rotting
// as sections are renamed or moved.
//
// Pure functions (slugsOf, linksOf, checkLinks) so that its test can feed it
// texts; the command at the bottom reads the files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The text with every line of a fenced code block blanked, so that line
// numbers stay those of the file.
function prose(markdown) {
  let fence = null;
  return markdown
    .split('\n')
    .map((line) => {
      const marker = line.match(/^\s*(```|~~~)/)?.[1];
      if (marker && (fence === null || fence === marker)) {
        fence = fence === null ? marker : null;
        return '';
      }
      return fence === null ? line : '';
    })
    .join('\n');
}

// The anchor GitHub gives a heading's text: its rendered text lower-cased,
// punctuation dropped (letters, digits, spaces, '-' and '_' stay), each
// space a '-'.
export function slugOf(heading) {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
    .replace(/[`*]/g, ''); // code spans and emphasis: their content
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

// Every heading anchor of a Markdown text; a repeated one gets -1, -2, ….
export function slugsOf(markdown) {
  const seen = new Map();
  const slugs = new Set();
  for (const line of prose(markdown).split('\n')) {
    const heading = line.match(/^#{1,6}\s+(.*?)\s*#*\s*$/)?.[1];
    if (heading === undefined) continue;
    const base = slugOf(heading);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    slugs.add(n === 0 ? base : `${base}-${n}`);
  }
  return slugs;
}

// Every link target of a Markdown text outside code, with its line: inline
// links and images (their text may wrap), and reference definitions. Code
// spans may wrap too; they are blanked but for their line breaks.
export function linksOf(markdown) {
  const text = prose(markdown).replace(/`[^`]*`/g, (span) => span.replace(/[^\n]/g, ' '));
  const lineAt = (offset) => text.slice(0, offset).split('\n').length;
  const links = [];
  for (const m of text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g)) {
    links.push({ target: m[1], line: lineAt(m.index) });
  }
  for (const m of text.matchAll(/^ {0,3}\[[^\]\n]+\]:[ \t]*<?(\S+?)>?(?:[ \t]+"[^"\n]*")?[ \t]*$/gm)) {
    links.push({ target: m[1], line: lineAt(m.index) });
  }
  return links.sort((a, b) => a.line - b.line);
}

// A link that leaves the repository: a scheme (https:, mailto:) or //host.
function isExternal(target) {
  return /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');
}

// Problems found, as messages; none means every relative link resolves.
// files: Map of path (relative to the root, '/'-separated) → text, for the
// files checked; exists(path) and read(path) reach the rest of the tree.
export function checkLinks({ files, exists, read }) {
  const problems = [];
  const slugCache = new Map();
  const slugsIn = (path) => {
    if (!slugCache.has(path)) slugCache.set(path, slugsOf(files.get(path) ?? read(path)));
    return slugCache.get(path);
  };
  for (const [from, text] of files) {
    for (const { target, line } of linksOf(text)) {
      if (target === '' || isExternal(target)) continue;
      const hash = target.indexOf('#');
      const pathPart = hash < 0 ? target : target.slice(0, hash);
      const anchor = hash < 0 ? null : decodeURIComponent(target.slice(hash + 1));
      const to = pathPart === '' ? from : join(dirname(from), decodeURIComponent(pathPart)).split('\\').join('/').replace(/\/$/, '');
      const where = `${from}:${line}: ${target}`;
      if (to.startsWith('..')) {
        problems.push(`${where}: points outside the repository`);
      } else if (!files.has(to) && !exists(to)) {
        problems.push(`${where}: ${to} does not exist`);
      } else if (anchor !== null && anchor !== '') {
        if (!to.endsWith('.md')) {
          problems.push(`${where}: a #fragment into ${to}, which is not Markdown`);
        } else if (!slugsIn(to).has(anchor)) {
          problems.push(`${where}: ${to} has no heading #${anchor}`);
        }
      }
    }
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const read = (path) => readFileSync(join(root, path), 'utf8');
  const checked = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
  const files = new Map(checked.map((path) => [path, read(path)]));
  const exists = (path) => existsSync(join(root, path));
  const problems = checkLinks({ files, exists, read });
  for (const p of problems) console.error(`doc-links: ${p}`);
  if (problems.length > 0) process.exit(1);
  const count = [...files.values()].reduce((n, text) => n + linksOf(text).filter((l) => !isExternal(l.target)).length, 0);
  console.log(`doc-links: the ${count} relative links of README.md and docs/*.md resolve`);
}
