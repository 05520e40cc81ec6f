import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { call, demoUsers, logIn, openDesk, screenshot, signIn } from './desk.mjs';

const risk = { username: 'risk', password: 'energyopti-demo' };
const INSTRUMENT = 'PWR-DE-LU-FUT-M-BASE';

/** Midnight in Berlin on the first of the month `monthsAhead` from now, as a UTC instant. */
function berlinMonthStart(monthsAhead) {
  const now = new Date();
  const guess = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + monthsAhead, 1);
  const offsetName = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Berlin',
    timeZoneName: 'shortOffset',
  })
    .formatToParts(new Date(guess))
    .find((p) => p.type === 'timeZoneName').value; // "GMT+1" or "GMT+2"
  return new Date(guess - Number(offsetName.replace('GMT', '')) * 3_600_000);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('a risk manager registers a counterparty a trader has dealt with, sets its credit limit, and sees the breach', async (t) => {
  // A trader books a deal far below the market: the counterparty now owes the desk.
  const name = `E2E Utility ${randomBytes(3).toString('hex')}`;
  const traderToken = await logIn(demoUsers.trader);
  const deal = await call(traderToken, 'POST', 'deals', {
    counterparty: name,
    instrumentId: INSTRUMENT,
    side: 'buy',
    price: 1,
    quantity: 10,
    deliveryStart: berlinMonthStart(1).toISOString(),
    deliveryEnd: berlinMonthStart(2).toISOString(),
  });
  assert.equal(deal.status, 201, JSON.stringify(deal.body));

  // The exposure needs a mark for the month (a demo trade or the demo forward curve).
  const riskToken = await logIn(risk);
  let line;
  for (let i = 0; i < 60 && !(line?.currentExposure > 0); i++) {
    if (i > 0) await sleep(1_000);
    const listed = await call(riskToken, 'GET', 'portfolio/counterparties');
    assert.equal(listed.status, 200, JSON.stringify(listed.body));
    line = listed.body.items.find((c) => c.name === name);
  }
  assert.ok(line?.currentExposure > 0, `no exposure to ${name}: ${JSON.stringify(line)}`);
  assert.equal(line.status, 'no_limit');
  // Half of what is already out: a breach whatever the demo market's mark is today.
  const limit = Math.max(1, Math.floor(line.totalExposure / 2));

  const { page, pageErrors } = await openDesk(t);
  await signIn(page, risk);
  await page.getByRole('link', { name: 'Portfolio' }).click();
  await page.waitForURL('**/portfolio**');
  const row = page.locator(`[data-testid="counterparty"][data-name="${name}"]`);
  await row.waitFor();
  await row.getByRole('button', { name: 'Register' }).click();

  const form = page.getByTestId('counterparty-form');
  assert.equal(await form.getByLabel('Counterparty name').inputValue(), name);
  await form.getByLabel('Credit limit').fill(String(limit));
  await form.getByRole('button', { name: 'Register' }).click();

  await page
    .locator(`[data-testid="counterparty"][data-name="${name}"][data-status="breach"]`)
    .waitFor();
  assert.match(await row.innerText(), /over limit/);
  assert.ok((await row.innerText()).includes(`${limit.toLocaleString('en-US')} EUR`));
  await screenshot(page, 'portfolio-credit-breach');
  assert.deepEqual(pageErrors, []);
});
