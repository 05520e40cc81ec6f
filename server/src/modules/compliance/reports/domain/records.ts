/**
 * What the desk reports, in plain records the report writers read. They carry what
 * REMIT and EMIR ask for and nothing of how trading stores it, so a mapping from
 * trading's trades, orders and deals is one function the compliance module owns.
 *
 * Decimals are strings (fixed point as trading keeps them; no float ever formats a
 * price). Timestamps are ISO 8601 with an explicit offset (`2026-03-02T09:15:00.000+01:00`
 * or `...Z`); dates are `YYYY-MM-DD`; times of day `HH:MM:SS`.
 */

/** A market participant or counterparty as a regulator identifies it. */
export interface ParticipantId {
  /** ACER code (`A0000000X.EU`), LEI, EIC, BIC or GS1 GLN. */
  scheme: 'ace' | 'lei' | 'eic' | 'bic' | 'gln';
  code: string;
}

/** The report event of a record: its first report, a change, a cancellation, an error. */
export type LifecycleEvent = 'new' | 'modify' | 'cancel' | 'error';

export type Side = 'buy' | 'sell';
export type EnergyCommodity = 'EL' | 'NG' | 'LG';
export type Settlement = 'physical' | 'cash' | 'optional';

export interface Amount {
  value: string;
  currency: string;
}

export interface Quantity {
  value: string;
  /** As ACER lists them: `MW`, `MWh/h`, `MWh/d`, `therm/d`... for capacity; `MWh`, `GWh`, `Therm` for totals. */
  unit: string;
}

/** A standard contract as listed on a venue (REMIT Table 1 contract block). */
export interface StandardContract {
  contractId: string;
  contractName: string;
  /** ACER contract type code: `SP` spot, `FW` forward, `FU` future, `OP` option, `SW` swap, `AU` auction... */
  contractType: string;
  commodity: EnergyCommodity;
  settlement: Settlement;
  /** MIC of the venue, or `XBIL` for a bilateral (OTC) standard contract. */
  venueMic: string;
  /** EIC codes of the delivery points or zones. */
  deliveryZones: string[];
  deliveryStart: string;
  deliveryEnd: string;
  /** ACER load type: `BL` base, `PL` peak, `OP` off-peak, `BH` block of hours, `SH` shaped, `GD` gas day, `OT` other. */
  loadType?: string;
  /** Delivery hours within each day, local time. */
  deliveryHours: { start: string; end: string }[];
  lastTradingAt?: string;
}

/** A trade in a standard contract: on a venue, or OTC in a contract a venue lists. */
export interface StandardTrade {
  event: LifecycleEvent;
  marketParticipant: ParticipantId;
  otherMarketParticipant?: ParticipantId;
  /** The trader's id at the venue (or the desk's own id for an OTC trade). */
  traderId?: string;
  capacity: 'principal' | 'agent';
  side: Side;
  /** `initiator` rested on the book, `aggressor` hit it. */
  aggressor?: 'initiator' | 'aggressor';
  contract: StandardContract;
  /** When the trade was concluded; the deadline runs from this. */
  executedAt: string;
  uti: string;
  linkedOrderIds?: string[];
  voiceBrokered?: boolean;
  price: Amount;
  notional?: Amount;
  /** Capacity per delivery hour, e.g. 10 MW. */
  quantity?: Quantity;
  /** Energy over the whole delivery, e.g. 240 MWh. */
  totalQuantity: Quantity;
}

/** An order placed on a venue in a standard contract. */
export interface StandardOrder {
  event: LifecycleEvent;
  marketParticipant: ParticipantId;
  traderId: string;
  capacity: 'principal' | 'agent';
  side: Side;
  orderId: string;
  /** ACER order type: `LIM` limit, `MAR` market, `STP` stop, `BLO` block, `OTH` other. */
  orderType: string;
  /** ACER order status: `ACT` active, `MAC` matched, `PMA` partially matched, `WIT` withdrawn... */
  status?: string;
  /** ACER duration: `GTC`, `GTD`, `DAY`, `SES`... */
  duration: string;
  contract: StandardContract;
  /** When this state of the order was entered at the venue. */
  enteredAt: string;
  price: Amount;
  quantity: Quantity;
  totalQuantity?: Quantity;
}

/** A non-standard (bespoke) contract: a PPA, a tolling or a flexible supply deal (REMIT Table 2). */
export interface NonStandardContract {
  event: LifecycleEvent;
  marketParticipant: ParticipantId;
  otherMarketParticipants: ParticipantId[];
  capacity: 'principal' | 'agent';
  side: Side;
  contractId: string;
  /** The day the contract was concluded; the one-month deadline runs from it. */
  contractDate: string;
  /** ACER contract type: `SO` supply, `FW`, `OP`, `SW`, `FW_PPA`, `SO_PPA`... */
  contractType: string;
  commodity: EnergyCommodity;
  price?: Amount;
  priceFormula?: string;
  estimatedNotional?: Amount;
  totalQuantity?: Quantity;
  settlement: Settlement;
  deliveryZones: string[];
  deliveryStart: string;
  deliveryEnd: string;
  loadType?: string;
}

/** Who a derivative's report speaks for, as EMIR Refit identifies it. */
export interface DerivativeCounterparty {
  lei: string;
}

/** An EMIR-reportable derivative (a power or gas forward, future, option or swap). */
export interface DerivativeTrade {
  event: LifecycleEvent;
  uti: string;
  /** UTI of the trade this one replaces (allocation, novation); absent for a fresh trade. */
  priorUti?: string;
  reportingCounterparty: DerivativeCounterparty & {
    /** Financial counterparty (ESMA sector codes, e.g. `INVF`) or non-financial (NACE section letter). */
    nature:
      { kind: 'financial'; sectors: string[] } | { kind: 'non-financial'; naceSection: string };
    /** Whether the counterparty is above the EMIR clearing threshold. */
    aboveClearingThreshold: boolean;
    side: 'buyer' | 'seller';
  };
  otherCounterparty: DerivativeCounterparty & { reportingObligation: boolean };
  submittingAgentLei: string;
  /** MIC where it was traded; `XXXX` off venue. */
  venueMic: string;
  contractType: 'FORW' | 'FUTR' | 'OPTN' | 'SWAP';
  /** ISO 10962 CFI code of the product, six letters. */
  cfi: string;
  isin?: string;
  price?: Amount;
  notional: Amount;
  totalQuantity?: string;
  delivery: 'PHYS' | 'CASH' | 'OPTL';
  executedAt: string;
  effectiveDate: string;
  expiryDate?: string;
  masterAgreement: 'ISDA' | 'EFMA' | 'OTHR' | 'DERV' | 'BIAG';
  /** When the event happened (modification date, early termination date). */
  eventDate: string;
}
