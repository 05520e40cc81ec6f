/**
 * Which regimes a trade falls under, and why: from the instrument's venue and delivery
 * zone, the legal entity behind the book, and the counterparty's country. Desk-wide
 * rules apply to everything; a deal may fall under several regimes at once.
 */
export type Jurisdiction = 'DESK' | 'EU' | 'UK' | 'US' | 'AE' | 'GY' | 'SHARIAH';

export const JURISDICTIONS: readonly Jurisdiction[] = [
  'DESK',
  'EU',
  'UK',
  'US',
  'AE',
  'GY',
  'SHARIAH',
];

export type DerivationSource =
  'desk' | 'venue' | 'delivery_zone' | 'book_entity' | 'counterparty' | 'book_policy';

export interface DerivationStep {
  jurisdiction: Jurisdiction;
  source: DerivationSource;
  /** The fact that put the trade under the regime, in the desk's words. */
  because: string;
}

export interface MarketFacts {
  venue: string;
  /** Bidding zone, gas hub, crude grade or emissions scheme. */
  area: string;
}

export interface BookProfile {
  legalEntity: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  shariah: boolean;
}

export interface JurisdictionInput {
  market: MarketFacts;
  book: BookProfile | null;
  counterparty: { name: string; country: string | null } | null;
}

export interface Jurisdictions {
  jurisdictions: Jurisdiction[];
  derivation: DerivationStep[];
}

const EU_MEMBER_STATES = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' '),
);

/** Venues whose home regulator is unambiguous; ICE depends on the contract (Futures Europe or U.S.). */
const VENUE_JURISDICTION: Record<string, Jurisdiction> = {
  EEX: 'EU',
  'EPEX SPOT': 'EU',
  'Nord Pool': 'EU',
  'ICE Endex': 'EU',
  N2EX: 'UK',
  NYMEX: 'US',
  PJM: 'US',
  ERCOT: 'US',
  IFAD: 'AE',
};

/** Delivery zones and hubs by the regime their physical market sits in (REMIT covers EU delivery). */
const ZONE_JURISDICTION: Record<string, Jurisdiction> = {
  'DE-LU': 'EU',
  FR: 'EU',
  NL: 'EU',
  NORDIC: 'EU',
  TTF: 'EU',
  'EU-ETS': 'EU',
  GB: 'UK',
  NBP: 'UK',
  'UK-ETS': 'UK',
  BRENT: 'UK',
  'PJM-WEST': 'US',
  'ERCOT-NORTH': 'US',
  'HENRY-HUB': 'US',
  WTI: 'US',
  MURBAN: 'AE',
};

export function countryJurisdiction(country: string): Jurisdiction | undefined {
  const c = country.toUpperCase();
  if (EU_MEMBER_STATES.has(c)) return 'EU';
  if (c === 'GB') return 'UK';
  if (c === 'US') return 'US';
  if (c === 'AE') return 'AE';
  if (c === 'GY') return 'GY';
  return undefined;
}

export function deriveJurisdictions(input: JurisdictionInput): Jurisdictions {
  const derivation: DerivationStep[] = [
    { jurisdiction: 'DESK', source: 'desk', because: 'desk-wide rules apply to every trade' },
  ];
  const { market, book, counterparty } = input;
  const venue =
    VENUE_JURISDICTION[market.venue] ??
    (market.venue === 'ICE' ? (ZONE_JURISDICTION[market.area] === 'US' ? 'US' : 'UK') : undefined);
  if (venue)
    derivation.push({ jurisdiction: venue, source: 'venue', because: `venue ${market.venue}` });
  const zone = ZONE_JURISDICTION[market.area];
  if (zone)
    derivation.push({
      jurisdiction: zone,
      source: 'delivery_zone',
      because: `delivery ${market.area}`,
    });
  if (book) {
    const entity = countryJurisdiction(book.country);
    if (entity)
      derivation.push({
        jurisdiction: entity,
        source: 'book_entity',
        because: `book's legal entity ${book.legalEntity} (${book.country})`,
      });
    if (book.shariah)
      derivation.push({
        jurisdiction: 'SHARIAH',
        source: 'book_policy',
        because: 'book is marked Shariah-compliant',
      });
  }
  if (counterparty?.country) {
    const party = countryJurisdiction(counterparty.country);
    if (party)
      derivation.push({
        jurisdiction: party,
        source: 'counterparty',
        because: `counterparty ${counterparty.name} (${counterparty.country})`,
      });
  }
  const seen = new Set<Jurisdiction>();
  for (const step of derivation) seen.add(step.jurisdiction);
  return { jurisdictions: JURISDICTIONS.filter((j) => seen.has(j)), derivation };
}
