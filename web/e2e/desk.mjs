// What every browser test needs: the shared Chromium, a fresh page, signing in, screenshots.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const baseUrl = required('E2E_BASE_URL');
const browserWs = required('E2E_BROWSER_WS');
const screenshotDir = required('E2E_SCREENSHOTS');

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; run the browser tests through web/e2e/run.mjs`);
  return value;
}

export const demoUsers = {
  admin: { username: 'admin', password: 'energyopti-admin' },
  viewer: { username: 'viewer', password: 'energyopti-demo' },
  trader: { username: 'trader', password: 'energyopti-demo' },
};

export function uniqueUsername(prefix) {
  return `${prefix}_${randomBytes(4).toString('hex')}`;
}

/** A page in its own browser context, so cookies and the in-memory token never leak between tests. */
export async function openDesk(t, viewport = { width: 1280, height: 800 }) {
  const browser = await chromium.connect(browserWs);
  const context = await browser.newContext({ baseURL: baseUrl, viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  t.after(async () => {
    await context.close();
    await browser.close();
  });
  return { page, pageErrors };
}

export async function signIn(page, { username, password }) {
  await page.goto('/login');
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.getByTestId('current-user').waitFor();
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Fills and sends the create-user form on the users page. */
export async function createUser(page, { username, displayName, password, role }) {
  const form = page.getByTestId('create-user-form');
  await form.locator('input[name="username"]').fill(username);
  await form.locator('input[name="displayName"]').fill(displayName);
  await form.locator('input[name="password"]').fill(password);
  await form.locator(`input[name="new-user-roles"][value="${role}"]`).check();
  await form.getByRole('button', { name: 'Create user' }).click();
  await page.getByText(`User ${username} created`).waitFor();
}

/** Calls the API as a user; answers the status and the parsed body. */
export async function call(token, method, path, body) {
  const answer = await fetch(`${baseUrl}/api/v1/${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await answer.text();
  return { status: answer.status, body: text ? JSON.parse(text) : null };
}

/** Signs in through the API; answers the access token. */
export async function logIn(credentials) {
  const { status, body } = await call(null, 'POST', 'auth/login', credentials);
  assert.equal(status, 200, `login of ${credentials.username}: ${JSON.stringify(body)}`);
  return body.accessToken;
}
