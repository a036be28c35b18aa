// Helpers shared by the scenarios and the page checks.

/** Thrown when a scenario's page is not built yet: the scenario is skipped, not failed. */
export class Skip extends Error {}

export const users = {
  admin: { email: 'admin@demo.carejourney.test', password: 'demo-admin-2026!' },
  caseManager: { email: 'casemanager@demo.carejourney.test', password: 'demo-case-2026!' },
  family: { email: 'family@demo.carejourney.test', password: 'demo-family-2026!' },
  familyRevoked: { email: 'family.revoked@demo.carejourney.test', password: 'demo-family-2026!' },
};

/** A GraphQL call with the browser context's cookies (the same session as its pages). */
export async function api(context, query, variables = {}) {
  const res = await context.request.post('/graphql', { data: { query, variables } });
  const body = await res.json();
  if (body.errors?.length) throw new Error(`API: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data;
}

/** Signs in through the sign-in page and waits until the app has moved on. */
export async function signIn(page, user) {
  if (!page.url().includes('/sign-in')) await page.goto('/sign-in');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

/**
 * Opens a page of the app and waits until it settled: its h1 is shown and
 * nothing says it is loading. Skips the scenario when the app has no such
 * page yet ("Page not found").
 */
export async function open(page, path) {
  await page.goto(path);
  await settle(page);
  if ((await page.locator('h1').first().textContent())?.trim() === 'Page not found') {
    throw new Skip(`${path} is not built yet ("Page not found")`);
  }
}

/** Waits for the first h1 and for loading states to go. */
export async function settle(page) {
  await page.locator('h1').first().waitFor({ timeout: 15_000 });
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.locator('.state-loading').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => {});
}

/** Fails with a readable message. */
export function check(ok, message) {
  if (!ok) throw new Error(message);
}

/** The control with exactly this label, else the first visible one whose label contains it. */
export async function field(scope, label) {
  const exact = scope.getByLabel(label, { exact: true });
  if (await exact.count()) return exact.first();
  return scope.getByLabel(label).filter({ visible: true }).first();
}

export function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Waits until the page's h1 reads name (a page that is still loading its
 * route or its data shows the previous one or none), and fails with what
 * it reads instead.
 */
export async function expectHeading(page, name, message, timeout = 10_000) {
  const heading = page.getByRole('heading', { level: 1, name });
  try {
    await heading.first().waitFor({ timeout });
  } catch {
    const seen = await page.getByRole('heading', { level: 1 }).allTextContents();
    check(false, `${message} (the h1 reads ${JSON.stringify(seen)})`);
  }
}

