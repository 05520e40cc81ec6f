import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoUsers, openDesk, screenshot, signIn } from './desk.mjs';

test('a viewer opening the users page is told they lack permission and sees no users', async (t) => {
  const { page } = await openDesk(t);
  await signIn(page, demoUsers.viewer);

  // A full page load, so the session is restored from the refresh cookie first.
  await page.goto('/admin/users');
  const forbidden = page.getByTestId('forbidden');
  await forbidden.waitFor();
  assert.match(await forbidden.innerText(), /You do not have permission to view this page/);
  assert.equal(await page.getByTestId('users-table').count(), 0);
  assert.equal(
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Users' })
      .count(),
    0,
  );
  await screenshot(page, 'viewer-forbidden');
});
