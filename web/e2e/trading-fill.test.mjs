import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, demoUsers, logIn, openDesk, screenshot, signIn, uniqueUsername } from './desk.mjs';

const decimalsOf = (step) => (String(step).split('.')[1] ?? '').length;
const onGrid = (value, step) =>
  Number((Math.round(value / Number(step)) * Number(step)).toFixed(decimalsOf(step)));

/**
 * An instrument whose book nobody else is quoting, so the resting sell is
 * the order the buy meets; failing that, a price above the best bid so that
 * the sell rests rather than trading at once.
 */
async function chooseMarket(token) {
  const { status, body } = await call(token, 'GET', 'trading/instruments');
  assert.equal(status, 200);
  const open = body.items.filter((i) => !i.halted);
  assert.ok(open.length > 0, 'no instrument is open for continuous trading');
  const ranked = [...open.filter((i) => i.instrumentId.startsWith('PWR-')), ...open];
  for (const instrument of ranked) {
    const book = await call(
      token,
      'GET',
      `orderbook/${encodeURIComponent(instrument.instrumentId)}?depth=10`,
    );
    if (book.body.bids.length === 0 && book.body.asks.length === 0)
      return { instrument, price: onGrid(61.25, instrument.tickSize) };
  }
  const instrument = ranked[0];
  const book = await call(
    token,
    'GET',
    `orderbook/${encodeURIComponent(instrument.instrumentId)}?depth=10`,
  );
  const bestBid = book.body.bids[0]?.price ?? 50;
  return {
    instrument,
    price: onGrid(bestBid + 20 * Number(instrument.tickSize), instrument.tickSize),
  };
}

test('a trader buys through the order ticket against a second trader and sees the fill and the position', async (t) => {
  // The counterparty: a second trader, created by the administrator, who rests a sell.
  const adminToken = await logIn(demoUsers.admin);
  const seller = { username: uniqueUsername('seller'), password: 'a-long-e2e-password' };
  const created = await call(adminToken, 'POST', 'users', {
    ...seller,
    displayName: 'Counterparty trader',
    roles: ['trader'],
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const sellerToken = await logIn(seller);
  const { instrument, price } = await chooseMarket(sellerToken);
  const quantity = Number((2 * Number(instrument.lotSize)).toFixed(decimalsOf(instrument.lotSize)));
  const resting = await call(sellerToken, 'POST', 'orders', {
    clientOrderId: `e2e-sell-${seller.username}`,
    instrumentId: instrument.instrumentId,
    side: 'sell',
    type: 'limit',
    price,
    quantity,
    timeInForce: 'GTC',
  });
  assert.equal(resting.status, 201, JSON.stringify(resting.body));
  assert.equal(resting.body.order.remainingQuantity, quantity, 'the sell should rest, not trade');

  // The demo trader finds the offer on the ladder and lifts it through the ticket.
  const { page, pageErrors } = await openDesk(t);
  await signIn(page, demoUsers.trader);
  await page.getByRole('link', { name: 'Trading' }).click();
  await page.waitForURL('**/trading**');
  await page.getByTestId('instrument-select').selectOption(instrument.instrumentId);
  const offer = page.locator(`[data-testid="ladder-ask"][data-price="${price}"]`);
  await offer.waitFor();
  await offer.click();

  const ticket = page.getByTestId('order-ticket');
  assert.equal(Number(await ticket.locator('input[name="price"]').inputValue()), price);
  assert.equal(
    await ticket.getByRole('button', { name: 'Buy', exact: true }).getAttribute('aria-pressed'),
    'true',
  );
  await ticket.locator('input[name="quantity"]').fill(String(quantity));

  // A post-only buy at the offer would take liquidity: the engine refuses it and the ticket says why.
  await ticket.locator('input[name="postOnly"]').check();
  await ticket.getByRole('button', { name: `Buy ${instrument.instrumentId}` }).click();
  await ticket
    .getByTestId('ticket-rejection')
    .getByText(/post-only order would have crossed/)
    .waitFor();
  await screenshot(page, 'trading-post-only-rejected');

  await ticket.locator('input[name="postOnly"]').uncheck();
  await ticket.getByRole('button', { name: `Buy ${instrument.instrumentId}` }).click();
  await ticket
    .getByTestId('ticket-outcome')
    .getByText(/filled/)
    .waitFor();

  const orders = page.getByTestId('orders-blotter');
  await orders.getByRole('tab', { name: 'Recent' }).click();
  const filled = orders.locator(
    `[data-testid="order-row"][data-instrument="${instrument.instrumentId}"][data-status="filled"]`,
  );
  await filled.first().waitFor();
  const trade = page.locator(
    `[data-testid="trade-row"][data-instrument="${instrument.instrumentId}"][data-side="buy"]`,
  );
  await trade.first().waitFor();
  await screenshot(page, 'trading-filled');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('order-ticket').scrollIntoViewIfNeeded();
  await screenshot(page, 'trading-phone');
  await page.setViewportSize({ width: 1280, height: 800 });

  await page.getByRole('link', { name: 'Portfolio' }).click();
  await page.waitForURL('**/portfolio');
  const position = page.locator(
    `[data-testid="position-row"][data-instrument="${instrument.instrumentId}"]`,
  );
  await position.waitFor();
  assert.ok(
    Number(await position.getAttribute('data-net')) >= quantity,
    'the buy should leave a long position',
  );
  await page.getByTestId('pnl-chart').waitFor();
  await screenshot(page, 'portfolio-position');
  assert.deepEqual(pageErrors, []);
});
