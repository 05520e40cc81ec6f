import type { LifecycleEvent, Settlement, Side } from './records.js';

/** The one-letter codes ACER's schemas use for the desk's words. */
export const remitAction: Record<LifecycleEvent, 'N' | 'M' | 'C' | 'E'> = {
  new: 'N',
  modify: 'M',
  cancel: 'C',
  error: 'E',
};

export const remitSide: Record<Side, 'B' | 'S'> = { buy: 'B', sell: 'S' };

export const remitSettlement: Record<Settlement, 'P' | 'C' | 'O'> = {
  physical: 'P',
  cash: 'C',
  optional: 'O',
};

export const remitCapacity = { principal: 'P', agent: 'A' } as const;

export const remitAggressor = { initiator: 'I', aggressor: 'A' } as const;
