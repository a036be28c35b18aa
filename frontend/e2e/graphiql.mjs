// GraphiQL offline: /graphiql with every request to another origin aborted,
// as on an install without internet access. It must render its editor, run
// a query as the signed-in user, and log no error (a CSP violation or a
// failed load is a console error).
import { join } from 'node:path';
import { check, signIn, users } from './lib.mjs';

/** True for a URL on the server under test (loopback). */
function local(url) {
  const { protocol, hostname } = new URL(url);
  return protocol === 'data:' || protocol === 'blob:' || ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
}

export async function graphiqlOffline(browser, ctxOptions, log, state, shots) {
  const context = await browser.newContext(ctxOptions);
  const blocked = [];
  await context.route('**/*', (route) => {
    if (local(route.request().url())) return route.continue();
    blocked.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`); });
  try {
    await signIn(page, users.admin);
    const { name } = (await (await context.request.post('/graphql', { data: { query: '{ viewer { user { name } } }' } })).json())
      .data.viewer.user;

    await page.goto('/graphiql');
    const editor = page.locator('.graphiql-query-editor .monaco-editor');
    await editor.waitFor({ timeout: 20_000 });
    const icon = await page.locator('link[rel~="icon"]').getAttribute('href');
    check(icon && (await context.request.get(icon)).status() === 200, `the icon ${icon} does not answer 200`);
    // The schema arrived (introspection with the session): the docs can open.
    await page.getByRole('button', { name: /documentation explorer/i }).first().waitFor();

    // Replace the query; insertText types without Monaco's auto-closing brackets.
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('{ viewer { user { name role } } }');
    await page.getByRole('button', { name: /execute query/i }).first().click();
    const response = page.locator('.graphiql-response .view-lines');
    await response.filter({ hasText: name }).waitFor({ timeout: 10_000 });
    const text = (await response.textContent())?.replace(/\s+/g, ' ') ?? '';
    check(text.includes('"role"'), `the response reads ${text}`);
    log(`ran { viewer { user { name role } } } as ${name}`);
    await page.screenshot({ path: join(shots, 'graphiql-offline-desktop.png') });

    check(problems.length === 0, `${problems.length} problem(s) on /graphiql: ${problems.join(' | ')}`);
    if (blocked.length) log(`${blocked.length} request(s) to other origins blocked: ${blocked.slice(0, 3).join(', ')}`);
  } finally {
    await context.close();
  }
}
