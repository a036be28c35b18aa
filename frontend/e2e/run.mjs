// End-to-end tests in a real browser: `npm run e2e` (or `make e2e`, which
// builds first). Starts bin/carejourney with the demo data on a free port
// and a throwaway database (see server.mjs), drives Debian's Chromium with
// playwright-core through the scenarios of issue 5, takes screenshots of the
// main pages at desktop and phone width, runs axe-core on them, and stops
// the server. Fails on a failed scenario, a page error, or a serious or
// critical accessibility violation.
//
// A scenario that cannot find what it needs (a page, a member to step down)
// fails the run; E2E_ALLOW_SKIPS=1 turns that into a skip with a message,
// for work in progress. CHROMIUM overrides /usr/bin/chromium. E2E_ONLY=text
// runs only the scenarios whose name contains text (and the page checks
// only when "pages" contains it).
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { Skip } from './lib.mjs';
import { checkPages } from './pages.mjs';
import { graphiqlOffline } from './graphiql.mjs';
import { familyFeed, recordAttendance, sessionExpiryFamily, sessionExpiryStaff, stepDown } from './scenarios.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const out = join(here, 'out');
const shots = join(out, 'screenshots');
const strict = process.env.E2E_ALLOW_SKIPS !== '1';

const scenarios = [
  ['a staff user steps a member down and sees the new step', stepDown],
  ['staff record attendance for a meeting', recordAttendance],
  ['a family user sees exactly the shared updates', familyFeed],
  ['session expiry: back to sign-in with next, then back (family)', sessionExpiryFamily],
  ['session expiry: back to sign-in with next, then back (staff)', sessionExpiryStaff],
  ['GraphiQL renders and runs a query with no internet access', graphiqlOffline],
].filter(([name]) => !process.env.E2E_ONLY || name.includes(process.env.E2E_ONLY));
const checkThePages = !process.env.E2E_ONLY || 'pages'.includes(process.env.E2E_ONLY);

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main() {
  const started = Date.now();
  rmSync(out, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });

  const server = await startServer({ root, logFile: join(out, 'server.log') });
  let browser;
  let failed = false;
  const stop = async () => {
    await browser?.close().catch(() => {});
    await server.stop();
  };
  process.once('SIGINT', () => { stop().finally(() => process.exit(130)); });
  process.once('SIGTERM', () => { stop().finally(() => process.exit(143)); });

  try {
    console.log(`e2e: server ready after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox'],
    });
    const ctxOptions = { baseURL: server.baseURL, locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 800 } };

    // The scenarios, one browser context each.
    const results = [];
    const state = {}; // what one scenario did, for the next to check
    for (const [name, run] of scenarios) {
      const t0 = Date.now();
      const notes = [];
      let status = 'pass';
      let message = '';
      try {
        await run(browser, ctxOptions, (m) => notes.push(m), state, shots);
      } catch (e) {
        if (e instanceof Skip) {
          status = strict ? 'FAIL (skip)' : 'skip';
          message = e.message;
        } else {
          status = 'FAIL';
          message = e.message.split('\n')[0];
          console.error(`\n✗ ${name}\n${e.stack ?? e}\n`);
        }
      }
      if (status.startsWith('FAIL')) failed = true;
      results.push([status, name, `${((Date.now() - t0) / 1000).toFixed(1)} s`, [message, ...notes].filter(Boolean).join('; ')]);
      console.log(`${status === 'pass' ? '✓' : status === 'skip' ? '-' : '✗'} ${name}${message ? ` (${message})` : ''}`);
    }

    // Screenshots and accessibility of the main pages.
    const rows = checkThePages ? await checkPages(browser, ctxOptions, shots, (m) => console.log(m)) : [];
    for (const r of rows) if (r.critical || r.serious || r.status.startsWith('error')) failed = true;

    console.log('\nScenarios\n' + table(['result', 'scenario', 'time', 'notes'], results));
    console.log('\nPages (axe-core: WCAG 2.1 A/AA and best practices)\n' + table(
      ['page', 'width', 'critical', 'serious', 'moderate', 'minor', 'status'],
      rows.map((r) => [r.page, r.width, r.critical, r.serious, r.moderate, r.minor,
        r.status + (r.rules.length ? ` (${[...new Set(r.rules)].join(', ')})` : '')]),
    ));
    console.log(`\nScreenshots: ${shots}`);
  } catch (e) {
    failed = true;
    console.error(e.stack ?? e);
  } finally {
    await stop();
  }
  console.log(`e2e: ${failed ? 'FAILED' : 'passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.exit(failed ? 1 : 0);
}

await main();
