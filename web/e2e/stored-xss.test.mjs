import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createUser, demoUsers, openDesk, screenshot, signIn, uniqueUsername } from './desk.mjs';

const hostileName = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';

test('a display name holding markup is shown as text and never runs', async (t) => {
  const { page } = await openDesk(t);
  await signIn(page, demoUsers.admin);
  await page.goto('/admin/users');
  const username = uniqueUsername('xss');
  await createUser(page, {
    username,
    displayName: hostileName,
    password: 'a-long-e2e-password',
    role: 'viewer',
  });

  // Load the list afresh so the name comes back from the server, not from the form.
  await page.reload();
  await page.getByRole('searchbox', { name: 'Search users' }).fill(username);
  const row = page.locator(`[data-testid="user-row"][data-username="${username}"]`);
  await row.waitFor();
  assert.equal(await row.getByTestId('user-display-name').innerText(), hostileName);
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  assert.equal(await page.evaluate(() => globalThis.__xss), undefined);
  await screenshot(page, 'stored-script-as-text');
});
