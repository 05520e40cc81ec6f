import type { DeliveryInterval } from '../domain/delivery-period.js';
import { malformedResponse } from './adapter.js';
import { parseInstant } from './instant.js';
import type { XmlElement } from './xml.js';
import { XmlSyntaxError, childText, childrenNamed, parseXml } from './xml.js';

/**
 * Readers for ENTSO-E Transparency Platform documents: Publication_MarketDocument
 * (day-ahead prices, A44) and GL_MarketDocument (actual total load, A65). Each
 * TimeSeries holds Periods with a time interval, a resolution and numbered Points.
 * Under curve type A03 a Point is only written when the value changes, so a
 * missing position repeats the previous value up to the end of the interval.
 */

export const ENTSOE = 'ENTSO-E';

export interface EntsoeValue extends DeliveryInterval {
  value: number;
  resolutionMinutes: number;
}

export interface EntsoeSeries {
  /** EIC code of the bidding zone, from in_Domain or outBiddingZone_Domain. */
  domain: string;
  currency?: string;
  unit?: string;
  values: EntsoeValue[];
}

/** The root element, or the API's Acknowledgement_MarketDocument turned into its reason. */
export function readEntsoeDocument(body: string): XmlElement {
  let root: XmlElement;
  try {
    root = parseXml(body);
  } catch (error) {
    if (error instanceof XmlSyntaxError)
      throw malformedResponse(ENTSOE, `not well-formed XML (${error.message})`);
    throw error;
  }
  return root;
}

/** The reason text of an Acknowledgement_MarketDocument, or undefined for any other document. */
export function acknowledgementReason(root: XmlElement): string | undefined {
  if (root.name !== 'Acknowledgement_MarketDocument') return undefined;
  const reasons = childrenNamed(root, 'Reason').map((reason) =>
    `${childText(reason, 'code') ?? '?'} ${childText(reason, 'text') ?? ''}`.trim(),
  );
  return reasons.join('; ') || 'acknowledgement without a reason';
}

function resolutionMinutes(text: string | undefined): number {
  const match = /^PT(\d+)([MH])$/.exec(text ?? '');
  if (!match) throw malformedResponse(ENTSOE, `unsupported resolution "${text ?? ''}"`);
  return Number(match[1]) * (match[2] === 'H' ? 60 : 1);
}

function interval(period: XmlElement, where: string): DeliveryInterval {
  const element = childrenNamed(period, 'timeInterval')[0];
  const start = parseInstant(element ? (childText(element, 'start') ?? '') : '');
  const end = parseInstant(element ? (childText(element, 'end') ?? '') : '');
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) {
    throw malformedResponse(ENTSOE, `${where} has no valid timeInterval`);
  }
  return { start, end };
}

function readPeriod(
  period: XmlElement,
  valueElement: string,
  curveType: string,
  where: string,
): EntsoeValue[] {
  const { start, end } = interval(period, where);
  const minutes = resolutionMinutes(childText(period, 'resolution'));
  const step = minutes * 60_000;
  const slots = (end - start) / step;
  if (!Number.isInteger(slots))
    throw malformedResponse(
      ENTSOE,
      `${where} interval is not a whole number of ${minutes}-minute slots`,
    );
  const byPosition = new Map<number, number>();
  for (const point of childrenNamed(period, 'Point')) {
    const position = Number(childText(point, 'position'));
    const value = Number(childText(point, valueElement) ?? NaN);
    if (!Number.isInteger(position) || position < 1 || position > slots) {
      throw malformedResponse(
        ENTSOE,
        `${where} has a Point at position "${childText(point, 'position') ?? ''}" outside 1–${slots}`,
      );
    }
    if (!Number.isFinite(value))
      throw malformedResponse(ENTSOE, `${where} Point ${position} has no numeric ${valueElement}`);
    byPosition.set(position, value);
  }
  const values: EntsoeValue[] = [];
  let previous: number | undefined;
  for (let position = 1; position <= slots; position += 1) {
    let value = byPosition.get(position);
    if (value === undefined) {
      if (curveType !== 'A03' || previous === undefined) {
        throw malformedResponse(
          ENTSOE,
          `${where} is missing Point ${position} (curve type ${curveType})`,
        );
      }
      value = previous;
    }
    previous = value;
    const slotStart = start + (position - 1) * step;
    values.push({ start: slotStart, end: slotStart + step, value, resolutionMinutes: minutes });
  }
  return values;
}

function readSeries(
  root: XmlElement,
  expectedRoot: string,
  valueElement: string,
  domainElements: string[],
): EntsoeSeries[] {
  const reason = acknowledgementReason(root);
  if (reason) throw malformedResponse(ENTSOE, `no data: ${reason}`);
  if (root.name !== expectedRoot)
    throw malformedResponse(ENTSOE, `expected ${expectedRoot}, got ${root.name}`);
  const series = childrenNamed(root, 'TimeSeries');
  if (series.length === 0) throw malformedResponse(ENTSOE, `${expectedRoot} has no TimeSeries`);
  return series.map((timeSeries, i) => {
    const where = `TimeSeries ${i + 1}`;
    const domain = domainElements
      .map((name) => childText(timeSeries, name))
      .find((value) => value !== undefined);
    if (!domain) throw malformedResponse(ENTSOE, `${where} has no ${domainElements.join(' or ')}`);
    const curveType = childText(timeSeries, 'curveType') ?? 'A01';
    const periods = childrenNamed(timeSeries, 'Period');
    if (periods.length === 0) throw malformedResponse(ENTSOE, `${where} has no Period`);
    return {
      domain,
      currency: childText(timeSeries, 'currency_Unit.name'),
      unit:
        childText(timeSeries, 'price_Measure_Unit.name') ??
        childText(timeSeries, 'quantity_Measure_Unit.name'),
      values: periods.flatMap((period, p) =>
        readPeriod(period, valueElement, curveType, `${where} Period ${p + 1}`),
      ),
    };
  });
}

/** Day-ahead prices (document type A44) in the document's currency per MWh. */
export function parseDayAheadPrices(body: string): EntsoeSeries[] {
  const series = readSeries(
    readEntsoeDocument(body),
    'Publication_MarketDocument',
    'price.amount',
    ['in_Domain.mRID', 'out_Domain.mRID'],
  );
  for (const s of series) {
    if (s.unit !== undefined && s.unit !== 'MWH')
      throw malformedResponse(ENTSOE, `prices are per ${s.unit}, expected MWH`);
  }
  return series;
}

/** Actual total load (document type A65) in MW. */
export function parseActualLoad(body: string): EntsoeSeries[] {
  const series = readSeries(readEntsoeDocument(body), 'GL_MarketDocument', 'quantity', [
    'outBiddingZone_Domain.mRID',
    'inBiddingZone_Domain.mRID',
  ]);
  for (const s of series) {
    if (s.unit !== undefined && s.unit !== 'MAW')
      throw malformedResponse(ENTSOE, `load is in ${s.unit}, expected MAW (MW)`);
  }
  return series;
}
