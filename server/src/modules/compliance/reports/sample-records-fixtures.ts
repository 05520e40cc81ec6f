import type {
  DerivativeTrade,
  NonStandardContract,
  ParticipantId,
  StandardContract,
  StandardOrder,
  StandardTrade,
} from './domain/records.js';

/**
 * A realistic day of the demo desk in report records: a German power month future
 * bought and sold on EEX with the order behind it, an OTC TTF gas month traded
 * bilaterally, two non-standard contracts (a solar PPA, an indexed gas supply) and an
 * EMIR power forward that is modified and then terminated. LEIs carry valid check digits.
 */
export const desk = {
  acer: { scheme: 'ace', code: 'A0001234X.EU' } satisfies ParticipantId,
  lei: '5299000EOPTIDESK0174',
};
export const utility = { scheme: 'lei', code: '5299000NORDUTIL00153' } satisfies ParticipantId;
export const gasShipperLei = '5299000RHEINGAS00152';
export const tradeRepository = '549300TRADEREPO00108';

export const germanPowerApril: StandardContract = {
  contractId: 'F1BM-2026-04',
  contractName: 'German Power Base Month Future April 2026',
  contractType: 'FU',
  commodity: 'EL',
  settlement: 'cash',
  venueMic: 'XEEE',
  deliveryZones: ['10Y1001A1001A82H'],
  deliveryStart: '2026-04-01',
  deliveryEnd: '2026-04-30',
  loadType: 'BL',
  deliveryHours: [{ start: '00:00:00', end: '24:00:00' }],
  lastTradingAt: '2026-03-27T18:00:00+01:00',
};

export const ttfApril: StandardContract = {
  contractId: 'TTF-MA-2026-04',
  contractName: 'TTF natural gas month ahead April 2026 bilateral',
  contractType: 'FW',
  commodity: 'NG',
  settlement: 'physical',
  venueMic: 'XBIL',
  deliveryZones: ['21YNL----TTF---1'],
  deliveryStart: '2026-04-01',
  deliveryEnd: '2026-04-30',
  loadType: 'GD',
  deliveryHours: [{ start: '06:00:00', end: '06:00:00' }],
};

export const limitOrder: StandardOrder = {
  event: 'new',
  marketParticipant: desk.acer,
  traderId: 'EOTRADER01',
  capacity: 'principal',
  side: 'buy',
  orderId: 'XEEE-ORD-778812',
  orderType: 'LIM',
  status: 'ACT',
  duration: 'GTC',
  contract: germanPowerApril,
  enteredAt: '2026-03-06T09:14:58.120+01:00',
  price: { value: '82.50', currency: 'EUR' },
  quantity: { value: '10', unit: 'MW' },
  totalQuantity: { value: '7200', unit: 'MWh' },
};

export const exchangeBuy: StandardTrade = {
  event: 'new',
  marketParticipant: desk.acer,
  traderId: 'EOTRADER01',
  capacity: 'principal',
  side: 'buy',
  aggressor: 'initiator',
  contract: germanPowerApril,
  executedAt: '2026-03-06T09:15:02.381+01:00',
  uti: 'XEEE-T-20260306-0041877',
  linkedOrderIds: ['XEEE-ORD-778812'],
  price: { value: '82.50', currency: 'EUR' },
  quantity: { value: '10', unit: 'MW' },
  totalQuantity: { value: '7200', unit: 'MWh' },
};

export const exchangeSell: StandardTrade = {
  ...exchangeBuy,
  side: 'sell',
  aggressor: 'aggressor',
  executedAt: '2026-03-06T15:42:10.004+01:00',
  uti: 'XEEE-T-20260306-0059310',
  linkedOrderIds: ['XEEE-ORD-781204'],
  price: { value: '83.10', currency: 'EUR' },
  quantity: { value: '5', unit: 'MW' },
  totalQuantity: { value: '3600', unit: 'MWh' },
};

export const otcGas: StandardTrade = {
  event: 'new',
  marketParticipant: desk.acer,
  otherMarketParticipant: utility,
  traderId: 'EOTRADER02',
  capacity: 'principal',
  side: 'sell',
  contract: ttfApril,
  executedAt: '2026-03-06T11:05:00Z',
  uti: '5299000EOPTIDESK0174EO20260306000001',
  voiceBrokered: false,
  price: { value: '31.275', currency: 'EUR' },
  notional: { value: '2814750', currency: 'EUR' },
  quantity: { value: '3000', unit: 'MWh/d' },
  totalQuantity: { value: '90000', unit: 'MWh' },
};

export const solarPpa: NonStandardContract = {
  event: 'new',
  marketParticipant: desk.acer,
  otherMarketParticipants: [utility],
  capacity: 'principal',
  side: 'buy',
  contractId: 'PPA-SOLAR-BRANDENBURG-2027',
  contractDate: '2026-03-06',
  contractType: 'FW_PPA',
  commodity: 'EL',
  price: { value: '55.00', currency: 'EUR' },
  estimatedNotional: { value: '27500000', currency: 'EUR' },
  totalQuantity: { value: '500000', unit: 'MWh' },
  settlement: 'physical',
  deliveryZones: ['10Y1001A1001A82H'],
  deliveryStart: '2027-01-01',
  deliveryEnd: '2036-12-31',
  loadType: 'SH',
};

export const indexedGasSupply: NonStandardContract = {
  event: 'modify',
  marketParticipant: desk.acer,
  otherMarketParticipants: [{ scheme: 'lei', code: gasShipperLei }],
  capacity: 'principal',
  side: 'sell',
  contractId: 'SUPPLY-RHEIN-2026',
  contractDate: '2026-02-20',
  contractType: 'SO',
  commodity: 'NG',
  priceFormula: 'TTF month-ahead settlement average plus 1.25 EUR/MWh',
  totalQuantity: { value: '1200000', unit: 'MWh' },
  settlement: 'physical',
  deliveryZones: ['21YNL----TTF---1'],
  deliveryStart: '2026-04-01',
  deliveryEnd: '2027-03-31',
  loadType: 'GD',
};

export const powerForward: DerivativeTrade = {
  event: 'new',
  uti: '5299000EOPTIDESK0174EO20260306000002',
  reportingCounterparty: {
    lei: desk.lei,
    nature: { kind: 'non-financial', naceSection: 'D' },
    aboveClearingThreshold: false,
    side: 'buyer',
  },
  otherCounterparty: { lei: utility.code, reportingObligation: true },
  submittingAgentLei: desk.lei,
  venueMic: 'XXXX',
  contractType: 'FORW',
  cfi: 'JTJXFC',
  price: { value: '84.10', currency: 'EUR' },
  notional: { value: '1211040', currency: 'EUR' },
  totalQuantity: '14400',
  delivery: 'CASH',
  executedAt: '2026-03-06T10:30:00+01:00',
  effectiveDate: '2026-03-06',
  expiryDate: '2026-05-31',
  masterAgreement: 'EFMA',
  eventDate: '2026-03-06',
};

export const powerForwardModified: DerivativeTrade = {
  ...powerForward,
  event: 'modify',
  price: { value: '84.35', currency: 'EUR' },
  notional: { value: '1214640', currency: 'EUR' },
  eventDate: '2026-03-09',
};

export const powerForwardCancelled: DerivativeTrade = {
  ...powerForward,
  event: 'cancel',
  eventDate: '2026-03-12',
};
