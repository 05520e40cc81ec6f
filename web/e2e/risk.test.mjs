import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, demoUsers, logIn, openDesk, screenshot, signIn, uniqueUsername } from './desk.mjs';

async function newTrader(adminToken, prefix) {
  const user = { username: uniqueUsername(prefix), password: 'a-long-e2e-password' };
  const created = await call(adminToken, 'POST', 'users', {
    ...user,
    displayName: prefix,
    roles: ['trader'],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return { ...user, token: await logIn(user) };
}

/** A continuous book nobody is quoting, so the two traders meet each other. */
async function quietInstrument(token) {
  const { body } = await call(token, 'GET', 'trading/instruments');
  const open = body.items.filter((i) => !i.halted && i.instrumentId.startsWith('PWR-'));
  for (const instrument of open) {
    const book = await call(
      token,
      'GET',
      `orderbook/${encodeURIComponent(instrument.instrumentId)}?depth=5`,
    );
    if (book.body.bids.length === 0 && book.body.asks.length === 0) return instrument;
  }
  return open[0];
}

test('a risk manager sets a hard position limit; a trade fills it and the next order is refused, naming the limit on the dashboard', async (t) => {
  const adminToken = await logIn(demoUsers.admin);
  const seller = await newTrader(adminToken, 'rseller');
  const buyer = await newTrader(adminToken, 'rbuyer');
  const instrument = await quietInstrument(seller.token);
  const lot = Number(instrument.lotSize);
  const limitName = `E2E cap ${buyer.username}`;

  const { page, pageErrors } = await openDesk(t);
  await signIn(page, { username: 'risk', password: 'energyopti-demo' });
  await page.goto('/risk');
  await page.getByTestId('var-cards').waitFor();
  const form = page.getByTestId('limit-form');
  await form.getByLabel('Limit name').fill(limitName);
  await form.getByLabel('Kind').selectOption('position');
  await form.getByLabel('Book').fill(buyer.username);
  await form.getByLabel('Instrument').fill(instrument.instrumentId);
  await form.getByLabel('Threshold').fill(String(2 * lot));
  await form.getByLabel('Severity').selectOption('hard');
  await form.getByRole('button', { name: 'Set limit' }).click();
  await page.getByTestId('limit').filter({ hasText: limitName }).waitFor();

  const order = (who, side, quantity, price) =>
    call(who.token, 'POST', 'orders', {
      clientOrderId: `e2e-risk-${who.username}-${side}-${quantity}`,
      instrumentId: instrument.instrumentId,
      side,
      type: 'limit',
      price,
      quantity,
      timeInForce: 'GTC',
    });
  const resting = await order(seller, 'sell', 3 * lot, 64);
  assert.equal(resting.status, 201, JSON.stringify(resting.body));
  const filled = await order(buyer, 'buy', 2 * lot, 64);
  assert.equal(filled.status, 201, JSON.stringify(filled.body));
  assert.ok(filled.body.trades.length > 0, 'the buy did not trade');

  const refused = await order(buyer, 'buy', lot, 64);
  assert.equal(refused.status, 422, JSON.stringify(refused.body));
  assert.match(refused.body.reason, /^risk_limit: /);
  assert.ok(refused.body.detail.includes(limitName), refused.body.detail);

  // The dashboard shows the limit at full utilisation and the refusal among the alerts.
  const usage = page.getByTestId('limit').filter({ hasText: limitName }).getByTestId('utilisation');
  await usage.filter({ hasText: '100%' }).waitFor();
  await page.getByTestId('alert').filter({ hasText: limitName }).first().waitFor();
  assert.match(await page.getByTestId('alerts').innerText(), /refused/i);
  await screenshot(page, 'risk-dashboard');
  assert.deepEqual(pageErrors, []);
});
