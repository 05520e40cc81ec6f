import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoUsers, openDesk, screenshot, signIn } from './desk.mjs';

test('on a phone the navigation folds into a menu button that opens it', async (t) => {
  const { page } = await openDesk(t, { width: 390, height: 844 });
  await signIn(page, demoUsers.trader);

  const nav = page.getByRole('navigation', { name: 'Main' });
  const toggle = page.getByTestId('nav-toggle');
  assert.equal(await nav.isVisible(), false);
  assert.equal(await toggle.isVisible(), true);

  await toggle.click();
  await nav.getByRole('link', { name: 'Trading' }).waitFor({ state: 'visible' });
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await screenshot(page, 'phone-navigation-open');

  // Choosing a page closes the drawer again.
  await nav.getByRole('link', { name: 'Trading' }).click();
  await page.waitForURL('**/trading');
  await nav.waitFor({ state: 'hidden' });
  const width = await page.evaluate(() => globalThis.document.documentElement.scrollWidth);
  assert.ok(width <= 390, `the page is ${width}px wide, wider than the phone`);
});
