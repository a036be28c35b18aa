// The scenarios of issue 5, written against the UI contract of the brief
// (roles, labels, headings). Each takes a fresh browser context; a scenario
// whose page is not built yet throws Skip (see lib.mjs).
import { Skip, api, check, escapeRegExp, expectHeading, field, open, settle, signIn, users } from './lib.mjs';

/** The member the journey scenario steps down: followed by the demo family viewer. */
const JOURNEY_MEMBER = 'Emily Delgado';

async function staffPage(browser, ctxOptions, user = users.caseManager) {
  const context = await browser.newContext(ctxOptions);
  const page = await context.newPage();
  await page.goto('/sign-in');
  await signIn(page, user);
  return { context, page };
}

/** A staff user finds a member, steps them down a level and sees the new step. */
export async function stepDown(browser, ctxOptions, log, state) {
  const { context, page } = await staffPage(browser, ctxOptions);
  try {
    await open(page, '/members');
    await expectHeading(page, 'Members', 'h1 is not "Members"');

    // What the member is now, and the next level down, from the API.
    const { careLevels, members } = await api(context, `query E2eLevels($q: String!) {
      careLevels { code name shortName intensity }
      members(first: 5, filter: { search: $q }) { nodes { id displayName currentCareLevel { code intensity } } }
    }`, { q: JOURNEY_MEMBER });
    let member = members.nodes.find((m) => m.displayName === JOURNEY_MEMBER);
    const lowerOf = (m) => careLevels.filter((l) => m?.currentCareLevel && l.intensity < m.currentCareLevel.intensity)
      .sort((a, b) => b.intensity - a.intensity)[0];
    if (!member || !lowerOf(member)) {
      // Another run stepped them to the bottom already: take anyone who can step down.
      const { members: any } = await api(context, `{ members(first: 50, filter: { statuses: [ACTIVE] }) {
        nodes { id displayName currentCareLevel { code intensity } } } }`);
      member = any.nodes.find((m) => lowerOf(m));
      check(member, 'no member in the demo data can step down');
    }
    const from = careLevels.find((l) => l.code === member.currentCareLevel.code);
    const target = lowerOf(member);
    log(`${member.displayName}: ${from.name} → ${target.name}`);

    // Find them with the search box and open their journey.
    await page.getByLabel('Search members').fill(member.displayName);
    const table = page.getByRole('table', { name: 'Members' });
    const link = table.getByRole('link', { name: member.displayName, exact: true });
    await link.first().waitFor({ timeout: 10_000 });
    await link.first().click();
    await page.waitForURL(/\/members\/[^/]+$/);
    await settle(page);
    await expectHeading(page, member.displayName, `the member page's h1 is not ${member.displayName}`);
    await page.locator('svg[role="img"][aria-label^="Level of care timeline"]').first().waitFor({ timeout: 10_000 });

    // Change level of care → a lower level → the preview says "Step down" → save.
    await page.getByRole('button', { name: 'Change level of care' }).click();
    await page.getByLabel('New level of care').first().waitFor();
    const select = await field(page, 'New level of care');
    const options = await select.locator('option').evaluateAll((os) => os.map((o) => ({ value: o.value, label: o.textContent ?? '' })));
    const option = options.find((o) => o.label.includes(target.name))
      ?? options.find((o) => o.value === target.code || o.label.includes(target.shortName));
    check(option, `no option for ${target.name} in "New level of care" (${options.map((o) => o.label).join(' | ')})`);
    await select.selectOption(option.value);
    const effective = await field(page, 'Effective');
    if (!(await effective.inputValue())) {
      const now = new Date(Date.now() - 60_000);
      const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
      await effective.fill(local);
    }
    await (await field(page, 'Reason')).fill('Stable for two weeks; ready for less structure (e2e)');
    const preview = page.getByRole('status').filter({ hasText: 'Step down' });
    await preview.first().waitFor({ timeout: 5_000 });
    log(`preview: ${(await preview.first().textContent())?.trim()}`);
    await page.getByRole('button', { name: 'Save level change' }).click();

    // The new step is in the table and on the timeline.
    const episodes = page.getByRole('table', { name: 'Care episodes' });
    const levelText = new RegExp(`${escapeRegExp(target.name)}|\\b${escapeRegExp(target.shortName)}\\b`);
    await episodes.getByRole('row').filter({ hasText: levelText }).filter({ hasText: 'Step down' }).first()
      .waitFor({ timeout: 10_000 });
    const timeline = page.locator('svg[role="img"][aria-label^="Level of care timeline"]').first();
    check(await timeline.isVisible(), 'the timeline is gone after saving');
    const { node } = await api(context, 'query E2eMember($id: ID!) { node(id: $id) { ... on Member { currentCareLevel { code } } } }', { id: member.id });
    check(node.currentCareLevel.code === target.code, `the API says ${node.currentCareLevel.code}, not ${target.code}`);
    state.steppedDown = { displayName: member.displayName, level: target.shortName };
  } finally {
    await context.close();
  }
}

/** Staff record attendance for a meeting that has started, from the groups page. */
export async function recordAttendance(browser, ctxOptions, log) {
  const { context, page } = await staffPage(browser, ctxOptions);
  try {
    await open(page, '/groups');
    for (const part of ['Day', 'Evening', 'Weekend']) {
      check(await page.getByRole('heading', { level: 2, name: part, exact: true }).count() > 0, `no h2 "${part}" on /groups`);
    }
    const now = new Date();
    const { meetings } = await api(context, `query E2eMeetings($from: DateTime!, $to: DateTime!) {
      meetings(first: 20, filter: { startsWithin: { startAt: $from, endAt: $to } }) { nodes { id startsAt group { id name kind members(first: 1) { totalCount } } } } }`,
    { from: new Date(now.getTime() - 7 * 86_400_000).toISOString(), to: now.toISOString() });
    const found = meetings.nodes.filter((m) => m.group.kind !== 'FAMILY' && m.group.members.totalCount > 0).at(-1);
    check(found, 'no meeting of the last week with members');
    // The whole group, for that one meeting (a page of every meeting's members would cost too much).
    const { group } = await api(context, `query E2eGroup($id: ID!) {
      group(id: $id) { id name kind members(first: 100) { nodes { member { id displayName } } } } }`, { id: found.group.id });
    const meeting = { ...found, group };
    log(`${meeting.group.name}, ${meeting.startsAt}, ${meeting.group.members.nodes.length} members`);

    // From the groups page to the meeting: its link there or on the group's page, else by address.
    const href = `/meetings/${meeting.id}`;
    let via = 'address';
    if (await page.locator(`a[href="${href}"]`).count()) {
      await page.locator(`a[href="${href}"]`).first().click();
      via = 'groups page';
    } else if (await page.locator(`a[href="/groups/${meeting.group.id}"]`).count()) {
      await page.locator(`a[href="/groups/${meeting.group.id}"]`).first().click();
      await settle(page);
      if (await page.locator(`a[href="${href}"]`).count()) {
        await page.locator(`a[href="${href}"]`).first().click();
        via = 'group page';
      }
    }
    if (!page.url().endsWith(href)) await page.goto(href);
    log(`reached the meeting by ${via}`);
    await settle(page);
    if ((await page.locator('h1').first().textContent())?.trim() === 'Page not found') throw new Skip(`${href} is not built yet`);
    await expectHeading(page, meeting.group.name, `the meeting's h1 does not name ${meeting.group.name}`);

    // One status per member: the first Late, the rest Present.
    const wanted = new Map(meeting.group.members.nodes.map((gm, i) => [gm.member.id, i === 0 ? 'Late' : 'Present']));
    for (const { member } of meeting.group.members.nodes) {
      const status = wanted.get(member.id);
      // A radio group (role radiogroup, or a fieldset whose legend names the member), else a select.
      let radios = page.getByRole('radiogroup', { name: member.displayName, exact: true });
      if (!(await radios.count())) {
        radios = page.getByRole('group', { name: member.displayName, exact: true }).filter({ has: page.getByRole('radio') });
      }
      if (await radios.count()) {
        await radios.first().getByRole('radio', { name: status, exact: true }).check();
      } else {
        // A select inside its label has the chosen option in its name ("Ann Lee Present"): match the start.
        let select = page.getByLabel(member.displayName, { exact: true });
        if (!(await select.count())) select = page.getByLabel(new RegExp(`^\\s*${escapeRegExp(member.displayName)}(?![\\p{L}\\p{N}])`, 'u'));
        check(await select.count(), `no status control labelled ${member.displayName}`);
        const options = await select.first().locator('option').evaluateAll((os) => os.map((o) => ({ value: o.value, label: o.textContent?.trim() })));
        const option = options.find((o) => o.label === status);
        check(option, `no "${status}" option for ${member.displayName}`);
        await select.first().selectOption(option.value);
      }
    }
    await page.getByRole('button', { name: 'Save attendance' }).click();
    await page.getByRole('status').filter({ hasText: 'Attendance saved' }).first().waitFor({ timeout: 10_000 });

    const { node } = await api(context, 'query E2eAttendance($id: ID!) { node(id: $id) { ... on Meeting { attendance(first: 100) { nodes { member { id } status } } } } }', { id: meeting.id });
    const first = meeting.group.members.nodes[0].member;
    const saved = node.attendance.nodes.find((a) => a.member.id === first.id);
    check(saved?.status === 'LATE', `the API has ${first.displayName} as ${saved?.status}, not LATE`);
  } finally {
    await context.close();
  }
}

const SHARED_QUERY = `query E2eShared($id: ID!) { node(id: $id) { ... on SharedMember {
  sharedUpdates(first: 100) { totalCount nodes { kind body occurredAt } } } } }`;

/** The family viewer sees exactly the shared updates the API gives the same session. */
export async function familyFeed(browser, ctxOptions, log, state) {
  const context = await browser.newContext(ctxOptions);
  const page = await context.newPage();
  try {
    await page.goto('/sign-in');
    await signIn(page, users.family);
    await page.waitForURL((u) => u.pathname === '/family');
    await settle(page);
    await expectHeading(page, 'Updates', 'h1 is not "Updates"');

    const { viewer } = await api(context, '{ viewer { sharedMembers(first: 100) { nodes { id displayName } } familyGroups(first: 100) { nodes { name } } } }');
    check(viewer.sharedMembers.nodes.length > 0, 'the demo family viewer shares with nobody');
    for (const m of viewer.sharedMembers.nodes) {
      const { node } = await api(context, SHARED_QUERY, { id: m.id });
      const expected = node.sharedUpdates.nodes.map((u) => u.body);
      const section = page.getByRole('region', { name: m.displayName, exact: true });
      await section.getByRole('heading', { level: 2, name: m.displayName }).waitFor();
      const feed = section.getByRole('region', { name: 'Updates', exact: true });
      // Page through the feed.
      for (let i = 0; i < 20; i++) {
        const more = feed.getByRole('button', { name: 'Show more' });
        if (!(await more.count())) break;
        const before = await feed.getByRole('listitem').count();
        await more.click();
        for (let t = 0; t < 100 && (await feed.getByRole('listitem').count()) <= before; t++) await page.waitForTimeout(100);
      }
      const items = await feed.getByRole('listitem').allTextContents();
      check(items.length === expected.length,
        `${m.displayName}: the feed shows ${items.length} updates, the API shares ${expected.length}`);
      expected.forEach((body, i) => check(items[i].includes(body), `${m.displayName}: update ${i + 1} is not "${body}" but "${items[i]}"`));
      for (const item of await feed.getByRole('listitem').all()) {
        check(await item.locator('time').count() === 1, `${m.displayName}: an update without its date`);
      }
      log(`${m.displayName}: ${items.length} updates match the API (newest: "${expected[0] ?? '-'}")`);
      // The step-down of the journey scenario reached the family (the consent covers CARE_LEVEL).
      if (state.steppedDown?.displayName === m.displayName) {
        check(node.sharedUpdates.nodes.some((u) => u.kind === 'CARE_LEVEL_CHANGE' && u.body.includes(state.steppedDown.level)),
          `${m.displayName}: the step-down to ${state.steppedDown.level} is not among the shared updates`);
      }
    }
    await page.getByRole('heading', { level: 2, name: 'Family group' }).waitFor();
    for (const g of viewer.familyGroups.nodes) await page.getByRole('heading', { name: g.name }).first().waitFor();
  } finally {
    await context.close();
  }

  // A viewer whose consents were revoked or expired sees nothing.
  const revoked = await browser.newContext(ctxOptions);
  try {
    const p = await revoked.newPage();
    await p.goto('/sign-in');
    await signIn(p, users.familyRevoked);
    await settle(p);
    await p.getByText('Nothing is shared with you right now.').waitFor();
  } finally {
    await revoked.close();
  }
}

/** A session that ends sends the next navigation to sign-in with `next`, and sign-in comes back. */
export async function sessionExpiryFamily(browser, ctxOptions) {
  const context = await browser.newContext(ctxOptions);
  const page = await context.newPage();
  try {
    await page.goto('/sign-in');
    await signIn(page, users.family);
    await settle(page);
    await context.clearCookies();
    await page.goto('/family');
    await page.waitForURL((u) => u.pathname === '/sign-in' && u.searchParams.get('next') === '/family');
    await signIn(page, users.family);
    await page.waitForURL((u) => u.pathname === '/family');
    await settle(page);
    await expectHeading(page, 'Updates', 'not back on Updates');
  } finally {
    await context.close();
  }
}

/** The same inside the staff app: a click in the navigation after the session ended. */
export async function sessionExpiryStaff(browser, ctxOptions) {
  const { context, page } = await staffPage(browser, ctxOptions);
  try {
    await open(page, '/members');
    await open(page, '/');
    await context.clearCookies();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    await page.waitForURL((u) => u.pathname === '/sign-in' && u.searchParams.get('next') === '/members');
    await page.getByText('Your session ended').waitFor({ timeout: 5_000 }).catch(() => {
      throw new Error('sign-in does not say the session ended');
    });
    await signIn(page, users.caseManager);
    await page.waitForURL((u) => u.pathname === '/members');
    await settle(page);
    await expectHeading(page, 'Members', 'not back on Members');
  } finally {
    await context.close();
  }
}
