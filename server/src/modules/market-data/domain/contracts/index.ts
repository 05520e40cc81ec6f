/** Products, their contract specifications and the contracts listed from them. */
export type {
  DeliveryProfile,
  LastTradingRule,
  ListingCycle,
  ProductSpec,
  QuantityUnit,
  Tenor,
} from './product.js';
export { PRODUCTS, findProduct } from './products.js';
export {
  cascadeChildren,
  contractFor,
  listedContracts,
  listedContractsAt,
  parseContractId,
  type ListedContract,
} from './listing.js';
export { contractEnergy, deliveryHours, energyPerLot } from './energy.js';
export { isBusinessDay, type BusinessCalendar } from './business-days.js';
export {
  contractInstrument,
  listedContractInstruments,
  resolveContractInstrument,
  TRADABLE_TENORS,
  type ListingLimits,
} from './contract-instrument.js';
