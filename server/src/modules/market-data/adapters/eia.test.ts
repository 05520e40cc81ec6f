import { describe, expect, it } from 'vitest';
import { standardCatalogue } from '../domain/catalogue.js';
import { createEiaAdapter, parseEiaRegionData } from './eia.js';
import { readFixture, recordedFetch } from './recorded-fetch.js';

describe('EIA region data', () => {
  it('reads hour-ending UTC periods, string values and missing figures', () => {
    const rows = parseEiaRegionData(readFixture('eia-region-data-pjm-d.json'));
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual({
      time: Date.UTC(2026, 0, 6, 5),
      respondent: 'PJM',
      type: 'D',
      value: 88214,
    });
    expect(rows[5]?.value).toBeNull();
  });

  it('fetches a New York delivery day of PJM demand and drops hours without a figure', async () => {
    const recorded = recordedFetch(() => ({ body: readFixture('eia-region-data-pjm-d.json') }));
    const adapter = createEiaAdapter({
      fetch: recorded.fetch,
      apiKey: 'k',
      catalogue: standardCatalogue,
    });
    const load = (await adapter.fetchLoad?.('PJM-WEST', { year: 2026, month: 1, day: 6 })) ?? [];
    const params = new URL(recorded.requests[0] ?? '').searchParams;
    expect(params.get('facets[respondent][]')).toBe('PJM');
    expect(params.get('start')).toBe('2026-01-06T06');
    expect(params.get('end')).toBe('2026-01-07T05');
    expect(load.map((l) => l.loadMw)).toEqual([88214, 86950, 86011, 85874, 86702]);
    expect(load[0]).toMatchObject({ area: 'PJM-WEST', minutes: 60, time: Date.UTC(2026, 0, 6, 5) });
  });

  it('reports an API error body and a malformed value clearly', async () => {
    expect(() => parseEiaRegionData(readFixture('eia-error-invalid-facet.json'))).toThrow(
      /EIA response is malformed: error "Invalid facet 'respondent'/,
    );
    expect(() => parseEiaRegionData('{"response":{}}')).toThrow(/missing response.data/);
    const broken = readFixture('eia-region-data-pjm-d.json').replace(
      '"value": "88214"',
      '"value": "n/a"',
    );
    expect(() => parseEiaRegionData(broken)).toThrow(
      /response.data\[0\].value "n\/a" is not a number/,
    );
    const refused = recordedFetch(() => ({
      status: 403,
      body: '{"error":{"code":"API_KEY_INVALID"}}',
    }));
    const adapter = createEiaAdapter({
      fetch: refused.fetch,
      apiKey: 'bad',
      catalogue: standardCatalogue,
    });
    await expect(
      adapter.fetchLoad?.('ERCOT-NORTH', { year: 2026, month: 1, day: 6 }),
    ).rejects.toThrow(/EIA answered 403/);
  });
});
