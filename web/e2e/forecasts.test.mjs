import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openDesk, screenshot, signIn } from './desk.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The first `days` days of the epftoolbox Nord Pool file, header included. */
function nordPoolDays(days) {
  const lines = readFileSync(resolve(repoRoot, 'server/bench/data/epf/NP.csv'), 'utf8').split(
    /\r?\n/,
  );
  return lines.slice(0, 1 + days * 24).join('\n');
}

test('an analyst uploads a market history, trains a LEAR model and sees its metrics and forecast chart', async (t) => {
  const { page, pageErrors } = await openDesk(t);
  await signIn(page, { username: 'analyst', password: 'energyopti-demo' });
  await page.goto('/forecasts');
  await page.getByTestId('forecasts-page').waitFor();

  const upload = page.getByTestId('dataset-upload');
  await upload.locator('input[type="file"]').setInputFiles({
    name: 'np-2013.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(nordPoolDays(120)),
  });
  await upload.locator('input[name="dataset-name"]').fill('Nord Pool e2e');
  await upload.getByRole('button', { name: 'Upload data set' }).click();
  await page.getByTestId('dataset-summary').filter({ hasText: '120 days' }).waitFor();

  const form = page.getByTestId('train-form');
  await form.locator('select[name="kind"]').selectOption('lear');
  await form.locator('input[name="testDays"]').fill('8');
  await form.locator('input[name="windows"]').fill('56, 84');
  await form.getByRole('button', { name: 'Train and evaluate' }).click();
  await page.getByRole('progressbar', { name: 'Training progress' }).waitFor();
  await page
    .getByTestId('training-status')
    .filter({ hasText: /succeeded|failed/ })
    .waitFor({ timeout: 120_000 });
  assert.match(await page.getByTestId('training-status').innerText(), /^succeeded/);
  assert.equal(
    await page
      .getByRole('progressbar', { name: 'Training progress' })
      .getAttribute('aria-valuenow'),
    '100',
  );

  const row = page.locator('[data-testid="model-row"][data-status="ready"]').first();
  await row.waitFor();
  const mae = Number(await row.getByTestId('metric-mae').innerText());
  assert.ok(mae > 0 && mae < 20, `MAE ${mae} EUR/MWh on Nord Pool is not plausible`);
  assert.ok(
    (await page.getByTestId('published-row').count()) === 2,
    'the published NP results are shown beside ours',
  );

  const chart = page.getByTestId('forecast-chart');
  await chart.locator('canvas').first().waitFor();
  await page.getByTestId('chart-coverage').waitFor();

  await row.getByRole('button', { name: 'Deploy' }).click();
  await row.getByText('deployed').waitFor();

  await screenshot(page, 'forecasts');
  assert.deepEqual(pageErrors, []);
});
