import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createUser, demoUsers, openDesk, screenshot, signIn, uniqueUsername } from './desk.mjs';

test('an administrator creates a user and finds the creation in the audit log', async (t) => {
  const { page, pageErrors } = await openDesk(t);
  await signIn(page, demoUsers.admin);

  await page.goto('/admin/users');
  const username = uniqueUsername('e2e');
  await createUser(page, {
    username,
    displayName: 'Night shift analyst',
    password: 'a-long-e2e-password',
    role: 'analyst',
  });
  await page.locator(`[data-testid="user-row"][data-username="${username}"]`).waitFor();

  await page.getByRole('link', { name: 'Audit log' }).click();
  await page.waitForURL('**/admin/audit');
  await page.locator('select[name="action"]').selectOption('user.create');
  await page.getByRole('button', { name: 'Apply' }).click();
  const entry = page.locator('[data-testid="audit-row"][data-action="user.create"]', {
    has: page.getByTestId('audit-target').getByText(`user:${username}`, { exact: true }),
  });
  await entry.waitFor();
  assert.equal(await entry.count(), 1);
  await page
    .getByTestId('chain-status')
    .getByText(/entries checked/)
    .waitFor();
  await screenshot(page, 'admin-audit-log');
  assert.deepEqual(pageErrors, []);
});
