import { invalid } from '../../../platform/errors.js';
import type { Catalogue } from '../domain/catalogue.js';
import { deliveryDay } from '../domain/delivery-period.js';
import type { LoadObservation } from '../domain/tick.js';
import type { LocalDate } from '../domain/time-zone.js';
import type { IngestRow } from '../domain/validate-ticks.js';
import type { FetchLike, MarketDataAdapter } from './adapter.js';
import { fetchText, malformedResponse, sourceRefused } from './adapter.js';
import {
  ENTSOE,
  acknowledgementReason,
  parseActualLoad,
  parseDayAheadPrices,
  readEntsoeDocument,
} from './entsoe-documents.js';

/** EIC codes of the bidding zones ENTSO-E publishes for our catalogue areas. */
export const ENTSOE_BIDDING_ZONES: Readonly<Record<string, string>> = {
  'DE-LU': '10Y1001A1001A82H',
  FR: '10YFR-RTE------C',
  NL: '10YNL----------L',
};

export interface EntsoeConfig {
  fetch: FetchLike;
  securityToken: string;
  catalogue: Catalogue;
  baseUrl?: string;
}

const stamp = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace(/[-:T]/g, '');

export function createEntsoeAdapter(config: EntsoeConfig): MarketDataAdapter {
  const baseUrl = config.baseUrl ?? 'https://web-api.tp.entsoe.eu/api';

  const zoneOf = (area: string): { eic: string; timeZone: string } => {
    const eic = ENTSOE_BIDDING_ZONES[area];
    const hourly = config.catalogue.find(`PWR-${area}-DA-H`);
    if (!eic || !hourly)
      throw invalid('area', 'entsoe_zone', `ENTSO-E has no bidding zone for ${area}`);
    return { eic, timeZone: hourly.timeZone };
  };

  const request = async (params: Record<string, string>): Promise<string> => {
    const query = new URLSearchParams({ securityToken: config.securityToken, ...params });
    const { ok, status, body } = await fetchText(
      config.fetch,
      ENTSOE,
      `${baseUrl}?${query.toString()}`,
    );
    if (ok) return body;
    // The API explains refusals in an acknowledgement document when it can.
    let reason: string | undefined;
    try {
      reason = acknowledgementReason(readEntsoeDocument(body));
    } catch {
      reason = undefined;
    }
    throw sourceRefused(ENTSOE, status, reason ?? body.slice(0, 200));
  };

  return {
    name: 'entsoe',

    async fetchDayAheadPrices(area: string, day: LocalDate): Promise<IngestRow[]> {
      const zone = zoneOf(area);
      const bounds = deliveryDay(zone.timeZone, day);
      const body = await request({
        documentType: 'A44',
        in_Domain: zone.eic,
        out_Domain: zone.eic,
        periodStart: stamp(bounds.start),
        periodEnd: stamp(bounds.end),
      });
      return parseDayAheadPrices(body).flatMap((series) => {
        if (series.domain !== zone.eic)
          throw malformedResponse(ENTSOE, `asked for ${zone.eic}, got ${series.domain}`);
        return series.values
          .filter((value) => value.start >= bounds.start && value.end <= bounds.end)
          .map((value) => ({
            instrumentId: `PWR-${area}-${value.resolutionMinutes === 15 ? 'DA-QH' : 'DA-H'}`,
            time: value.start,
            price: value.value,
            volume: 0,
            delivery: { start: value.start, end: value.end },
          }));
      });
    },

    async fetchLoad(area: string, day: LocalDate): Promise<LoadObservation[]> {
      const zone = zoneOf(area);
      const bounds = deliveryDay(zone.timeZone, day);
      const body = await request({
        documentType: 'A65',
        processType: 'A16',
        outBiddingZone_Domain: zone.eic,
        periodStart: stamp(bounds.start),
        periodEnd: stamp(bounds.end),
      });
      return parseActualLoad(body).flatMap((series) =>
        series.values.map((value) => ({
          area,
          time: value.start,
          minutes: value.resolutionMinutes,
          loadMw: value.value,
        })),
      );
    },
  };
}
