import { describe, expect, it } from 'vitest';
import {
  createOpenWeatherMapAdapter,
  parseCurrentWeather,
  parseForecast,
} from './openweathermap.js';
import { readFixture, recordedFetch } from './recorded-fetch.js';

describe('OpenWeatherMap', () => {
  it('reads current weather and the 3-hourly forecast with irradiance estimated from clouds', async () => {
    const recorded = recordedFetch((url) => ({
      body: readFixture(
        url.includes('/forecast') ? 'owm-forecast-de-lu.json' : 'owm-current-de-lu.json',
      ),
    }));
    const adapter = createOpenWeatherMapAdapter({ fetch: recorded.fetch, apiKey: 'key' });
    const weather = (await adapter.fetchWeather?.('DE-LU')) ?? [];
    expect(recorded.requests.map((url) => new URL(url).searchParams.get('units'))).toEqual([
      'metric',
      'metric',
    ]);
    expect(weather).toHaveLength(9);
    expect(weather[0]).toMatchObject({
      area: 'DE-LU',
      time: 1_767_700_800_000,
      temperatureC: 3.42,
      windSpeedMs: 5.66,
      cloudCoverPct: 75,
    });
    // Noon in January gives some light; 21:00 UTC gives none.
    expect(weather[0]?.solarIrradianceWm2).toBeGreaterThan(50);
    expect(weather[4]?.solarIrradianceWm2).toBe(0);
    expect(weather.slice(1).map((w) => (w.time - (weather[1]?.time ?? 0)) / 3_600_000)).toEqual([
      0, 3, 6, 9, 12, 15, 18, 21,
    ]);
  });

  it('gives less light under full cloud than under a clear sky at the same hour', () => {
    const withClouds = (all: number): string => {
      const recorded = JSON.parse(readFixture('owm-current-de-lu.json')) as object;
      return JSON.stringify({ ...recorded, clouds: { all } });
    };
    const clear = parseCurrentWeather('DE-LU', withClouds(0), 51, 10);
    const overcast = parseCurrentWeather('DE-LU', withClouds(100), 51, 10);
    expect(overcast.solarIrradianceWm2).toBeLessThan(clear.solarIrradianceWm2 / 2);
  });

  it('explains a refused key and a malformed entry', async () => {
    const refused = recordedFetch(() => ({
      status: 401,
      body: readFixture('owm-error-invalid-key.json'),
    }));
    const adapter = createOpenWeatherMapAdapter({ fetch: refused.fetch, apiKey: 'bad' });
    await expect(adapter.fetchWeather?.('FR')).rejects.toThrow(
      /OpenWeatherMap answered 401: Invalid API key/,
    );
    const broken = readFixture('owm-forecast-de-lu.json').replace(
      '"speed": 6.1',
      '"speed": "windy"',
    );
    expect(() => parseForecast('DE-LU', broken, 51, 10)).toThrow(
      /list\[1\].wind.speed is missing or not a number/,
    );
    expect(() => parseForecast('DE-LU', '<html>', 51, 10)).toThrow(/body is not JSON/);
  });
});
