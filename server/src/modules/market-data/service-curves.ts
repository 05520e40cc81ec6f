import type { Databases } from '../../platform/db/database.js';
import { invalid, notFound } from '../../platform/errors.js';
import type { MarketDataCache } from './cache.js';
import type { Catalogue } from './domain/catalogue.js';
import { monthInterval, quarterInterval, yearInterval } from './domain/delivery-period.js';
import type { CurvePoint, CurveTenor } from './domain/forward-curve.js';
import { monthlyPrices } from './domain/forward-curve.js';
import type { Instrument } from './domain/instrument.js';
import { CONTINENTAL_PROFILE, shapeToHours, type HourlyProfile } from './domain/shaping.js';
import { toLocal } from './domain/time-zone.js';
import type { SeriesRepo, StoredCurvePoint } from './repo-series.js';

export interface CurveInput {
  id: string;
  instrumentId: string;
  asOf: string;
  points: CurvePoint[];
}

export interface CurveView {
  id: string;
  asOf: string;
  currency: string;
  unit: string;
  points: { start: string; end: string; tenor: string; price: number }[];
}

const FLAT_PROFILE: HourlyProfile = { weekday: Array(24).fill(1), weekend: Array(24).fill(1) };
const CURVE_TTL_SECONDS = 3_600;

export interface CurveDeps {
  dbs: Databases;
  series: SeriesRepo;
  catalogue: Catalogue;
  cache: MarketDataCache;
}

/** Where a quoted product delivers, in its instrument's time zone and day start. */
export function deliveryOf(
  instrument: Instrument,
  point: CurvePoint,
): { start: number; end: number } {
  const { timeZone, dayStartHour } = instrument;
  switch (point.tenor) {
    case 'month':
      return monthInterval(timeZone, point.year, point.index, dayStartHour);
    case 'quarter':
      return quarterInterval(timeZone, point.year, point.index, dayStartHour);
    case 'year':
      return yearInterval(timeZone, point.year, dayStartHour);
  }
}

function quotedPoint(instrument: Instrument, p: StoredCurvePoint): CurvePoint {
  const local = toLocal(instrument.timeZone, p.start);
  const tenor = p.tenor as CurveTenor;
  const index =
    tenor === 'month' ? local.month : tenor === 'quarter' ? Math.ceil(local.month / 3) : 1;
  return { tenor, year: local.year, index, price: p.price };
}

export function createCurveService(deps: CurveDeps) {
  const key = (id: string, asOf: string, shape: string): string =>
    `md:curve:${id}:${asOf}:${shape}`;

  async function load(id: string, asOf: string, shape: 'quoted' | 'hourly'): Promise<CurveView> {
    const version = await deps.series.curveAsOf(deps.dbs.reader, id, asOf);
    if (!version) throw notFound(`curve ${id} as of ${asOf}`, 'curve_not_found');
    return deps.cache.through(
      'curve',
      key(id, version.as_of, shape),
      CURVE_TTL_SECONDS,
      async () => {
        const rows = await deps.series.curvePoints(deps.dbs.reader, id, version.as_of);
        const stored = rows.map((r) => ({ ...r, start: r.start.getTime(), end: r.end.getTime() }));
        const view = { id, asOf: version.as_of, currency: version.currency, unit: version.unit };
        if (shape === 'quoted') {
          return {
            ...view,
            points: stored.map((p) => ({ ...p, start: iso(p.start), end: iso(p.end) })),
          };
        }
        const instrument = deps.catalogue.get(version.instrument_id);
        const months = monthlyPrices({
          instrument,
          asOf: version.as_of,
          points: stored.map((p) => quotedPoint(instrument, p)),
        });
        const profile = instrument.commodity === 'power' ? CONTINENTAL_PROFILE : FLAT_PROFILE;
        const hours = shapeToHours(months, instrument, profile);
        return {
          ...view,
          points: hours.map((h) => ({
            start: iso(h.start),
            end: iso(h.end),
            tenor: 'hour',
            price: h.price,
          })),
        };
      },
    );
  }

  return {
    async list() {
      const versions = await deps.series.curveVersions(deps.dbs.reader);
      const curves = new Map<
        string,
        {
          id: string;
          instrumentIds: string[];
          commodity: string;
          area: string;
          asOfDates: string[];
        }
      >();
      for (const v of versions) {
        const curve = curves.get(v.curve_id) ?? {
          id: v.curve_id,
          instrumentIds: [v.instrument_id],
          commodity: v.commodity,
          area: v.area,
          asOfDates: [],
        };
        curve.asOfDates.push(v.as_of);
        curves.set(v.curve_id, curve);
      }
      return { items: [...curves.values()] };
    },

    /** The latest version marked on or before `asOf`, as quoted or shaped to hours. */
    get: load,

    /** Stores one as-of version, replacing an earlier save of the same version. */
    async save(input: CurveInput): Promise<CurveView> {
      const instrument = deps.catalogue.find(input.instrumentId);
      if (!instrument)
        throw invalid(
          'instrumentId',
          'known_instrument',
          `instrument ${input.instrumentId} is not in the catalogue`,
        );
      // The domain checks ranges and finiteness of every point before anything is stored.
      monthlyPrices({ instrument, asOf: input.asOf, points: input.points });
      const points = input.points.map((p) => ({
        tenor: p.tenor,
        price: p.price,
        ...deliveryOf(instrument, p),
      }));
      await deps.dbs.db.transaction().execute((trx) =>
        deps.series.saveCurve(
          trx,
          {
            curve_id: input.id,
            as_of: input.asOf,
            instrument_id: instrument.id,
            commodity: instrument.commodity,
            area: instrument.area,
            currency: instrument.currency,
            unit: instrument.unit,
          },
          points,
        ),
      );
      await deps.cache.forget([
        key(input.id, input.asOf, 'quoted'),
        key(input.id, input.asOf, 'hourly'),
      ]);
      return load(input.id, input.asOf, 'quoted');
    },
  };
}

export type CurveService = ReturnType<typeof createCurveService>;

const iso = (ms: number): string => new Date(ms).toISOString();
