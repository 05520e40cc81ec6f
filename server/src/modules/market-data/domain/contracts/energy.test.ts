import { describe, expect, it } from 'vitest';
import { contractEnergy, deliveryHours, energyPerLot } from './energy.js';
import { parseContractId } from './listing.js';

const hoursOf = (id: string) => {
  const { product, contract } = parseContractId(id)!;
  return deliveryHours(product, contract);
};

describe('energy per contract, against hand-counted hours', () => {
  it.each([
    // Base: every hour; March loses the spring hour, October gains the autumn one.
    ['PWR-DE-LU-BASE-2027-03', 31 * 24 - 1],
    ['PWR-DE-LU-BASE-2027-10', 31 * 24 + 1],
    ['PWR-DE-LU-BASE-2027-02', 28 * 24],
    ['PWR-DE-LU-BASE-2028-02', 29 * 24],
    ['PWR-FR-BASE-2027-03', 743],
    // The 23-hour day (28 March 2027) and the 25-hour day (31 October 2027).
    ['PWR-DE-LU-BASE-2027-03-28', 23],
    ['PWR-DE-LU-BASE-2027-10-31', 25],
    ['PWR-DE-LU-BASE-WE-2027-10-30', 49],
    ['PWR-DE-LU-BASE-2027-W12', 167], // 22–28 March 2027, the spring change on the Sunday,
    ['PWR-DE-LU-BASE-2027-Q1', 90 * 24 - 1],
    ['PWR-DE-LU-BASE-CAL-2028', 366 * 24],
    // Peak: 12 hours 08:00–20:00 on each weekday; clock changes fall at night, on Sundays.
    ['PWR-DE-LU-PEAK-2027-03', 23 * 12], // 23 weekdays in March 2027
    ['PWR-DE-LU-PEAK-2027-10', 21 * 12],
    ['PWR-DE-LU-PEAK-2027-W12', 5 * 12], // Good Friday and Easter Monday are peak hours too
    ['PWR-DE-LU-PEAK-CAL-2027', 261 * 12],
    // TTF gas days run 06:00 to 06:00: the March month still loses its one hour, October gains one.
    ['GAS-TTF-2027-03', 743],
    ['GAS-TTF-2027-10', 745],
    ['GAS-TTF-SUM-2027', 183 * 24],
    ['GAS-TTF-WIN-2027', 183 * 24], // February 2028 has 29 days,
  ])('%s delivers in %i hours', (id, hours) => {
    expect(hoursOf(id)).toBe(hours);
  });

  it('counts a TTF gas day across the clock change from 06:00 to 06:00', () => {
    // A gas month is the same set of hours shifted six hours: it starts and ends on the same UTC offsets.
    const { contract } = parseContractId('GAS-TTF-2027-04')!;
    expect(contract.deliveryStart).toBe(Date.UTC(2027, 3, 1, 4));
    expect(contract.deliveryEnd).toBe(Date.UTC(2027, 4, 1, 4));
  });

  it('multiplies lots by lot size and hours', () => {
    const march = parseContractId('PWR-DE-LU-BASE-2027-03')!;
    expect(energyPerLot(march.product, march.contract)).toBe(743);
    expect(contractEnergy(march.contract, 5)).toBe(5 * 743);
    expect(contractEnergy(parseContractId('PWR-DE-LU-PEAK-2027-02')!.contract, 2)).toBe(2 * 240);
  });

  it('gives allowances and barrels as the lot itself', () => {
    expect(contractEnergy(parseContractId('EUA-DEC-2027')!.contract, 3)).toBe(3000);
    expect(contractEnergy(parseContractId('BRENT-2027-03')!.contract, 2)).toBe(2000);
  });
});
