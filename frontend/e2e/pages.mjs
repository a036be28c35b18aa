// Screenshots of each main page at desktop and phone width, and axe-core on
// each: serious and critical violations fail the run, and so do a console
// error, a 404 for anything the page loads, or a missing icon.
import { AxeBuilder } from '@axe-core/playwright';
import { join } from 'node:path';
import { Skip, api, open, signIn, users } from './lib.mjs';

export const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 360, height: 740 },
};

/** The main pages: who sees them and where they are (ids from the API). */
async function mainPages(staff) {
  const { members, houses, groups } = await api(staff, `{
    members(first: 1, filter: { search: "Emily Delgado" }) { nodes { id } }
    houses(first: 1) { nodes { id } }
    groups(first: 1, filter: { kinds: [PEER_SUPPORT] }) { nodes { id } }
  }`);
  const memberId = members.nodes[0]?.id;
  const houseId = houses.nodes[0]?.id;
  const groupId = groups.nodes[0]?.id;
  let meetingId;
  if (groupId) {
    const { node } = await api(staff, `query E2eGroupMeetings($id: ID!, $to: DateTime!) { node(id: $id) { ... on Group {
      meetings(first: 1, filter: { startsWithin: { endAt: $to } }) { nodes { id } } } } }`, { id: groupId, to: new Date().toISOString() });
    meetingId = node?.meetings?.nodes[0]?.id;
  }
  return [
    { name: 'sign-in', who: null, path: '/sign-in' },
    { name: 'today', who: 'admin', path: '/' },
    { name: 'members', who: 'admin', path: '/members' },
    { name: 'member-journey', who: 'admin', path: memberId && `/members/${memberId}` },
    { name: 'member-plan', who: 'admin', path: memberId && `/members/${memberId}/plan` },
    { name: 'member-family', who: 'admin', path: memberId && `/members/${memberId}/family` },
    { name: 'houses', who: 'admin', path: '/houses' },
    { name: 'house', who: 'admin', path: houseId && `/houses/${houseId}` },
    { name: 'groups', who: 'admin', path: '/groups' },
    { name: 'group', who: 'admin', path: groupId && `/groups/${groupId}` },
    { name: 'meeting', who: 'admin', path: meetingId && `/meetings/${meetingId}` },
    { name: 'peers', who: 'admin', path: '/peers' },
    { name: 'admin', who: 'admin', path: '/admin' },
    { name: 'family-portal', who: 'family', path: '/family' },
    { name: 'account', who: 'admin', path: '/account' },
    { name: 'reset-password', who: null, path: '/reset-password#token=not-a-real-token' },
  ];
}

/**
 * Visits every main page at both widths: a full-page screenshot, then axe.
 * Returns rows for the summary: page, width, status, violations by impact.
 */
export async function checkPages(browser, ctxOptions, outDir, log) {
  const contexts = {};
  async function contextFor(who) {
    if (contexts[who]) return contexts[who];
    const context = await browser.newContext(ctxOptions);
    if (who) {
      const page = await context.newPage();
      await page.goto('/sign-in');
      await signIn(page, who === 'family' ? users.family : users.admin);
      await page.close();
    }
    contexts[who] = context;
    return context;
  }

  const rows = [];
  try {
    const pages = await mainPages(await contextFor('admin'));
    for (const p of pages) {
      let missing = null; // a page not built yet is skipped at every width
      for (const [width, viewport] of Object.entries(viewports)) {
        const row = { page: p.name, path: p.path ?? '-', width, status: 'ok', critical: 0, serious: 0, moderate: 0, minor: 0, rules: [] };
        rows.push(row);
        if (!p.path) {
          row.status = 'skipped: no such record in the demo data';
          continue;
        }
        if (missing) {
          row.status = missing;
          continue;
        }
        const context = await contextFor(p.who);
        const page = await context.newPage();
        await page.setViewportSize(viewport);
        // Script errors and console errors (a CSP violation is one) fail the page.
        const problems = [];
        page.on('pageerror', (e) => problems.push(e.message));
        page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
        // So does a 404 for anything the page loads (an asset, the icon).
        page.on('response', (r) => { if (r.status() === 404) problems.push(`404 ${r.url()}`); });
        try {
          await open(page, p.path);
          // Headless Chromium fetches no favicon itself: ask for the page's icon.
          const icons = await page.locator('link[rel~="icon"]').evaluateAll((ls) => ls.map((l) => l.href));
          if (icons.length === 0) problems.push('no <link rel="icon">: the browser asks for /favicon.ico and gets a 404');
          for (const href of icons) {
            const res = await context.request.get(href);
            if (res.status() !== 200) problems.push(`${res.status()} for the icon ${href}`);
          }
          await page.screenshot({ path: join(outDir, `${p.name}-${width}.png`), fullPage: true });
          const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
          for (const v of result.violations) {
            row[v.impact ?? 'minor'] += 1;
            if (v.impact === 'serious' || v.impact === 'critical') {
              row.rules.push(v.id);
              log(`axe ${v.impact} on ${p.name} (${width}): ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
            }
          }
          if (problems.length) {
            row.status = `error: ${problems.length} console error(s): ${problems[0].slice(0, 160)}`;
            for (const m of problems) log(`console error on ${p.name} (${width}): ${m}`);
          }
        } catch (e) {
          row.status = e instanceof Skip ? `skipped: ${e.message}` : `error: ${e.message.split('\n')[0]}`;
          if (e instanceof Skip) missing = row.status;
        } finally {
          await page.close();
        }
      }
    }
  } finally {
    for (const c of Object.values(contexts)) await c.close();
  }
  return rows;
}
