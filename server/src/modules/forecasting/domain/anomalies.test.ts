import { describe, expect, it } from 'vitest';
import { findPriceSpikes, findStuckFeeds } from './anomalies.js';
import { seededRandom } from './prng.js';

describe('price feed anomalies', () => {
  const random = seededRandom(9);
  const prices = Array.from(
    { length: 24 * 30 },
    (_, i) => 45 + 12 * Math.sin((2 * Math.PI * i) / 24) + 2 * random.normal(),
  );

  it('flags an injected spike and nothing else', () => {
    const spiked = [...prices];
    spiked[500] = 400;
    const spikes = findPriceSpikes(spiked);
    expect(spikes.map((s) => s.index)).toEqual([500]);
    expect(spikes[0]!.score).toBeGreaterThan(8);
  });

  it('flags a feed stuck on one value, once, at its start', () => {
    const stuck = [...prices];
    for (let i = 300; i < 310; i++) stuck[i] = 47.11;
    const found = findStuckFeeds(stuck);
    expect(found).toEqual([{ index: 300, kind: 'stuck_feed', score: 10 }]);
  });

  it('tolerates short repeats that real auctions do produce', () => {
    const repeated = [...prices];
    repeated[100] = repeated[101] = repeated[102] = 30;
    expect(findStuckFeeds(repeated)).toEqual([]);
  });
});
