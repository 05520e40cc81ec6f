import { invalid } from '../../../platform/errors.js';
import { POWER_MARKETS } from '../domain/simulator/markets.js';
import { clearSkyIrradiance, irradianceUnderClouds, sunElevationSine } from '../domain/solar.js';
import type { WeatherObservation } from '../domain/tick.js';
import type { FetchLike, MarketDataAdapter } from './adapter.js';
import {
  fetchText,
  field,
  malformedResponse,
  numberField,
  parseJson,
  sourceRefused,
} from './adapter.js';

/**
 * OpenWeatherMap current weather (`/data/2.5/weather`) and the 5-day forecast in
 * 3-hour steps (`/data/2.5/forecast`), requested in metric units. The API reports
 * cloud cover but not irradiance, so irradiance is estimated from the sun's
 * position at the market's reference point and the cloud cover.
 */
const OWM = 'OpenWeatherMap';

function observation(
  area: string,
  entry: unknown,
  latitude: number,
  longitude: number,
  where: string,
): WeatherObservation {
  const at = (path: string): number => {
    try {
      return numberField(OWM, entry, path);
    } catch {
      throw malformedResponse(OWM, `${where}.${path} is missing or not a number`);
    }
  };
  const time = at('dt') * 1000;
  const cloudCoverPct = at('clouds.all');
  const clearSky = clearSkyIrradiance(sunElevationSine(latitude, longitude, time));
  return {
    area,
    time,
    temperatureC: at('main.temp'),
    windSpeedMs: at('wind.speed'),
    cloudCoverPct,
    solarIrradianceWm2: irradianceUnderClouds(clearSky, cloudCoverPct / 100),
  };
}

/** OWM puts failures in the body (`{"cod":401,"message":…}`), sometimes with a 200 status. */
function checkCode(document: unknown, status: number): void {
  if (document === null || typeof document !== 'object' || !('cod' in document)) return;
  const code = Number(document.cod);
  if (code !== 200) {
    const message =
      'message' in document ? String((document as { message: unknown }).message) : 'no message';
    throw sourceRefused(OWM, Number.isFinite(code) ? code : status, message);
  }
}

export function parseCurrentWeather(
  area: string,
  body: string,
  latitude: number,
  longitude: number,
): WeatherObservation {
  const document = parseJson(OWM, body);
  checkCode(document, 200);
  return observation(area, document, latitude, longitude, 'current');
}

export function parseForecast(
  area: string,
  body: string,
  latitude: number,
  longitude: number,
): WeatherObservation[] {
  const document = parseJson(OWM, body);
  checkCode(document, 200);
  const list = field(OWM, document, 'list');
  if (!Array.isArray(list)) throw malformedResponse(OWM, 'list is not an array');
  return list.map((entry: unknown, i) =>
    observation(area, entry, latitude, longitude, `list[${i}]`),
  );
}

export interface OpenWeatherMapConfig {
  fetch: FetchLike;
  apiKey: string;
  baseUrl?: string;
}

export function createOpenWeatherMapAdapter(config: OpenWeatherMapConfig): MarketDataAdapter {
  const baseUrl = config.baseUrl ?? 'https://api.openweathermap.org/data/2.5';
  const get = async (
    path: string,
    area: string,
  ): Promise<{ body: string; latitude: number; longitude: number }> => {
    const market = POWER_MARKETS.find((m) => m.area === area);
    if (!market) throw invalid('area', 'weather_location', `no reference location for ${area}`);
    const query = new URLSearchParams({
      lat: String(market.latitude),
      lon: String(market.longitude),
      units: 'metric',
      appid: config.apiKey,
    });
    const { ok, status, body } = await fetchText(
      config.fetch,
      OWM,
      `${baseUrl}/${path}?${query.toString()}`,
    );
    if (!ok) {
      let document: unknown;
      try {
        document = JSON.parse(body) as unknown;
      } catch {
        throw sourceRefused(OWM, status, body.slice(0, 200));
      }
      checkCode(document, status);
      throw sourceRefused(OWM, status, body.slice(0, 200));
    }
    return { body, latitude: market.latitude, longitude: market.longitude };
  };
  return {
    name: 'openweathermap',
    /** The current observation followed by the 3-hourly forecast. */
    async fetchWeather(area: string): Promise<WeatherObservation[]> {
      const current = await get('weather', area);
      const forecast = await get('forecast', area);
      return [
        parseCurrentWeather(area, current.body, current.latitude, current.longitude),
        ...parseForecast(area, forecast.body, forecast.latitude, forecast.longitude),
      ];
    },
  };
}
