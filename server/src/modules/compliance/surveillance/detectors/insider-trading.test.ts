import { describe, expect, it } from 'vitest';
import { LogBuilder, MIN, runDetector } from '../test-support.js';
import { insiderTradingDetector } from './insider-trading.js';

const REGISTERED = 120 * MIN;
const PUBLISHED = 150 * MIN;

/** Two hours of ordinary two-way trading, then the news lifts the price from 80 to 82. */
function market(): LogBuilder {
  const log = new LogBuilder();
  for (let t = 0; t < PUBLISHED; t += MIN)
    log.fill(t, t % (2 * MIN) ? 'a' : 'b', t % (2 * MIN) ? 'b' : 'a', 5, 80);
  for (let t = PUBLISHED + MIN; t < PUBLISHED + 40 * MIN; t += MIN) log.fill(t, 'a', 'b', 5, 82);
  return log;
}

describe('insider trading detector', () => {
  it('flags a listed insider who bought before the price-moving publication', () => {
    const log = market();
    const buys = [5, 10, 15, 20].map((m) =>
      log.fill(REGISTERED + m * MIN, 'insider', `mm-${m}`, 6, 80),
    );
    const info = log.insideInformation(PUBLISHED, REGISTERED, PUBLISHED, ['insider']);
    const alerts = runDetector(insiderTradingDetector(), log.sorted());
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      pattern: 'listed_insider',
      accounts: ['insider'],
      to: PUBLISHED,
    });
    expect(alerts[0]!.evidence).toEqual([...buys, info]);
  });

  it('needs a stronger pattern from an account not on the list', () => {
    const log = market();
    // 24 lots: enough from a listed insider, not from anyone else.
    for (const m of [5, 10, 15, 20]) log.fill(REGISTERED + m * MIN, 'tipped', `mm-${m}`, 6, 80);
    log.insideInformation(PUBLISHED, REGISTERED, PUBLISHED, ['insider']);
    expect(runDetector(insiderTradingDetector(), log.sorted())).toEqual([]);
    const strong = market();
    for (const m of [5, 10, 15, 20]) strong.fill(REGISTERED + m * MIN, 'tipped', `mm-${m}`, 15, 80);
    strong.insideInformation(PUBLISHED, REGISTERED, PUBLISHED, ['insider']);
    expect(runDetector(insiderTradingDetector(), strong.sorted()).map((a) => a.pattern)).toEqual([
      'unlisted',
    ]);
  });

  it('does not flag selling before good news, trading after publication, or the accounts trading as usual', () => {
    const log = market();
    for (const m of [5, 10, 15, 20]) log.fill(REGISTERED + m * MIN, `buyer-${m}`, 'seller', 8, 80);
    for (const m of [1, 2, 3]) log.fill(PUBLISHED + m * MIN + 1, 'late', 'mm', 20, 82);
    log.insideInformation(PUBLISHED, REGISTERED, PUBLISHED, ['seller', 'late', 'a', 'b']);
    expect(runDetector(insiderTradingDetector(), log.sorted())).toEqual([]);
  });

  it('gives the same alerts whether the information arrives at registration or at publication', () => {
    const atPublication = market();
    const atRegistration = market();
    for (const log of [atPublication, atRegistration])
      for (const m of [5, 10, 15, 20]) log.fill(REGISTERED + m * MIN, 'insider', `mm-${m}`, 6, 80);
    atPublication.insideInformation(PUBLISHED, REGISTERED, PUBLISHED, ['insider']);
    atRegistration.insideInformation(REGISTERED, REGISTERED, PUBLISHED, ['insider']);
    const strip = (a: { accounts: string[]; score: number }) => [a.accounts, a.score];
    expect(runDetector(insiderTradingDetector(), atRegistration.sorted()).map(strip)).toEqual(
      runDetector(insiderTradingDetector(), atPublication.sorted()).map(strip),
    );
  });
});
