import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createUser, demoUsers, openDesk, screenshot, signIn, uniqueUsername } from './desk.mjs';
import { totpCode } from './totp.mjs';

test('a user enrols in two-step verification and is then asked for a code at sign-in', async (t) => {
  const username = uniqueUsername('mfa');
  const password = 'a-long-e2e-password';
  const admin = await openDesk(t);
  await signIn(admin.page, demoUsers.admin);
  await admin.page.goto('/admin/users');
  await createUser(admin.page, {
    username,
    displayName: 'Gas day scheduler',
    password,
    role: 'viewer',
  });

  const { page } = await openDesk(t);
  await signIn(page, { username, password });
  await page.goto('/account');
  await page.getByRole('button', { name: 'Set up two-step verification' }).click();
  const enrolment = page.getByTestId('mfa-enrolment');
  await enrolment.getByRole('img', { name: /QR code/ }).waitFor();
  const secret = await page.getByTestId('mfa-secret').innerText();
  assert.match(await page.getByTestId('otpauth-uri').innerText(), /^otpauth:\/\/totp\//);
  await screenshot(page, 'mfa-enrolment');
  await enrolment.locator('input[name="totp"]').fill(totpCode(secret, Date.now()));
  await enrolment.getByRole('button', { name: 'Confirm' }).click();
  await page.getByTestId('mfa-on').waitFor();

  await page.getByRole('button', { name: 'Log out' }).click();
  // Logging out waits for the server's answer; on embedded PGlite's one connection it can
  // queue behind the live feed's writes, so this waits longer than Playwright's default.
  await page.waitForURL('**/login', { timeout: 45_000 });
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const codeField = page.locator('input[name="totp"]');
  await codeField.waitFor();
  // The next period's code: still inside the server's one-step window, and never the code just spent.
  await codeField.fill(totpCode(secret, Date.now() + 30_000));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByTestId('current-user').waitFor();
  // The request for a code is a step of signing in, not an error to report.
  assert.equal(await page.locator('[data-testid="toast"][role="alert"]').count(), 0);
});
