import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoUsers, openDesk, screenshot, signIn } from './desk.mjs';

// The demo simulator prints a tick every couple of seconds; allow several.
const liveTickTimeoutMs = 30_000;

test('a trader opens Markets, sees the candle chart and watches a live tick arrive', async (t) => {
  const { page, pageErrors } = await openDesk(t);
  await signIn(page, demoUsers.trader);

  await page.getByRole('link', { name: 'Markets' }).click();
  await page.waitForURL('**/markets');
  await page.getByTestId('markets-page').waitFor();

  // The chart draws on canvases once the bars have arrived.
  const chart = page.getByTestId('price-chart');
  await chart.locator('canvas').first().waitFor();
  assert.ok(Number(await chart.getAttribute('data-candles')) > 0, 'the chart holds no candles');
  await page.getByTestId('quote-price').waitFor();

  await page.locator('[data-testid="stream-status"][data-status="live"]').waitFor();
  const tickTime = page.getByTestId('last-tick-time');
  const before = await tickTime.textContent();
  await page.waitForFunction(
    (previous) => {
      const text = globalThis.document.querySelector('[data-testid="last-tick-time"]')?.textContent;
      return Boolean(text) && text !== previous && /\d\d:\d\d:\d\d/.test(text ?? '');
    },
    before,
    { timeout: liveTickTimeoutMs },
  );
  const firstTick = await tickTime.textContent();
  // A second tick proves the page keeps listening, not just that one message got through.
  await page.waitForFunction(
    (previous) =>
      globalThis.document.querySelector('[data-testid="last-tick-time"]')?.textContent !== previous,
    firstTick,
    { timeout: liveTickTimeoutMs },
  );
  await screenshot(page, 'markets-live');
  assert.deepEqual(pageErrors, []);
});

test('a trader narrows the catalogue to TTF, switches to it and to quarter-hour bars', async (t) => {
  const { page, pageErrors } = await openDesk(t);
  await signIn(page, demoUsers.trader);
  await page.goto('/markets');
  const chart = page.getByTestId('price-chart');
  await chart.locator('canvas').first().waitFor();
  assert.equal(await chart.getAttribute('data-interval'), '1h');

  await page
    .getByRole('group', { name: 'Bar interval' })
    .getByRole('button', { name: '15m' })
    .click();
  // Quarter-hour bars come from the server: the chart says which interval it drew.
  await page.locator('[data-testid="price-chart"][data-interval="15m"]').waitFor();
  assert.ok(Number(await chart.getAttribute('data-candles')) > 0);

  await page.getByTestId('instrument-search').fill('TTF day-ahead');
  await page.getByTestId('instrument-select').selectOption('GAS-TTF-DA');
  await page.getByTestId('instrument-terms').getByText('TTF', { exact: true }).waitFor();
  await page.getByTestId('quote-price').getByText('EUR/MWh').waitFor();
  await chart.locator('canvas').first().waitFor();
  // Gas hubs have no bidding-zone weather; the page says so rather than showing an empty chart.
  await page.getByText('Weather and load are kept for power bidding zones').waitFor();
  assert.deepEqual(pageErrors, []);
});

test('on a phone the Markets page fits the screen width', async (t) => {
  const { page, pageErrors } = await openDesk(t, { width: 390, height: 844 });
  await signIn(page, demoUsers.trader);
  await page.goto('/markets');
  await page.getByTestId('price-chart').locator('canvas').first().waitFor();
  const width = await page.evaluate(() => globalThis.document.documentElement.scrollWidth);
  assert.ok(width <= 390, `the page is ${width}px wide, wider than the phone`);
  await screenshot(page, 'markets-phone');
  assert.deepEqual(pageErrors, []);
});
