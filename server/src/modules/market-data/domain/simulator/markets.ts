/**
 * Stylised fundamentals of each simulated power market. Figures are round numbers
 * of the right order (average load, installed wind and solar, must-run plant, the
 * size of the thermal fleet that sets prices), not calibrated to any year.
 */

export type FuelHub = 'TTF' | 'NBP' | 'HENRY-HUB';
export type CarbonScheme = 'EU-ETS' | 'UK-ETS' | 'none';

export interface PowerMarket {
  area: string;
  timeZone: string;
  latitude: number;
  longitude: number;
  averageLoadMw: number;
  /** Nuclear, run-of-river, lignite and CHP that run whatever the price. */
  mustRunMw: number;
  windCapacityMw: number;
  solarCapacityMw: number;
  /** Dispatchable fleet the residual load is measured against. */
  thermalCapacityMw: number;
  /** Exports, storage and demand response that absorb a renewable surplus before prices go negative. */
  flexibilityMw: number;
  /**
   * The average day-ahead base price as a share of the gas plant's marginal cost, which
   * forwards price at; measured on two simulated years (day-ahead-statistics.test.ts).
   */
  baseToSrmc: number;
  fuelHub: FuelHub;
  carbon: CarbonScheme;
  /** Fuel per MWh of power, in the hub's units: MWh of gas, or MMBtu at Henry Hub. */
  heatRate: number;
  /** Tonnes of CO2 per MWh of power from the marginal plant. */
  emissionFactor: number;
  /** Load change per °C below 15 °C and above 22 °C, as a fraction of average load. */
  heatingPerDegree: number;
  coolingPerDegree: number;
  /** Seasonal mean temperature: annual mean and half the summer–winter range. */
  meanTemperatureC: number;
  seasonalSwingC: number;
  meanWindMs: number;
}

export const POWER_MARKETS: readonly PowerMarket[] = [
  {
    area: 'DE-LU',
    timeZone: 'Europe/Berlin',
    latitude: 51,
    longitude: 10,
    averageLoadMw: 56_000,
    mustRunMw: 10_000,
    windCapacityMw: 55_000,
    solarCapacityMw: 60_000,
    thermalCapacityMw: 75_000,
    flexibilityMw: 12_000,
    baseToSrmc: 0.78,
    fuelHub: 'TTF',
    carbon: 'EU-ETS',
    heatRate: 2,
    emissionFactor: 0.37,
    heatingPerDegree: 0.008,
    coolingPerDegree: 0.006,
    meanTemperatureC: 10,
    seasonalSwingC: 9,
    meanWindMs: 6,
  },
  {
    area: 'FR',
    timeZone: 'Europe/Paris',
    latitude: 47,
    longitude: 2.5,
    averageLoadMw: 52_000,
    mustRunMw: 30_000,
    windCapacityMw: 22_000,
    solarCapacityMw: 20_000,
    thermalCapacityMw: 42_000,
    flexibilityMw: 12_000,
    baseToSrmc: 0.77,
    fuelHub: 'TTF',
    carbon: 'EU-ETS',
    heatRate: 2,
    emissionFactor: 0.37,
    heatingPerDegree: 0.012,
    coolingPerDegree: 0.008,
    meanTemperatureC: 12,
    seasonalSwingC: 8,
    meanWindMs: 5.5,
  },
  {
    area: 'NL',
    timeZone: 'Europe/Amsterdam',
    latitude: 52.2,
    longitude: 5.3,
    averageLoadMw: 13_000,
    mustRunMw: 2_500,
    windCapacityMw: 10_000,
    solarCapacityMw: 15_000,
    thermalCapacityMw: 14_000,
    flexibilityMw: 5_000,
    baseToSrmc: 0.79,
    fuelHub: 'TTF',
    carbon: 'EU-ETS',
    heatRate: 1.9,
    emissionFactor: 0.36,
    heatingPerDegree: 0.006,
    coolingPerDegree: 0.005,
    meanTemperatureC: 10.5,
    seasonalSwingC: 7,
    meanWindMs: 7,
  },
  {
    area: 'GB',
    timeZone: 'Europe/London',
    latitude: 52.5,
    longitude: -1.5,
    averageLoadMw: 29_000,
    mustRunMw: 5_000,
    windCapacityMw: 28_000,
    solarCapacityMw: 12_000,
    thermalCapacityMw: 30_000,
    flexibilityMw: 6_000,
    baseToSrmc: 0.85,
    fuelHub: 'NBP',
    carbon: 'UK-ETS',
    heatRate: 2,
    emissionFactor: 0.37,
    heatingPerDegree: 0.01,
    coolingPerDegree: 0.004,
    meanTemperatureC: 10,
    seasonalSwingC: 6.5,
    meanWindMs: 7.5,
  },
  // Hydro sets Nordic prices; a low heat rate stands in for water values that follow the continent.
  {
    area: 'NORDIC',
    timeZone: 'Europe/Oslo',
    latitude: 60,
    longitude: 10,
    averageLoadMw: 45_000,
    mustRunMw: 30_000,
    windCapacityMw: 25_000,
    solarCapacityMw: 3_000,
    thermalCapacityMw: 45_000,
    flexibilityMw: 10_000,
    baseToSrmc: 0.7,
    fuelHub: 'TTF',
    carbon: 'EU-ETS',
    heatRate: 1.3,
    emissionFactor: 0.2,
    heatingPerDegree: 0.015,
    coolingPerDegree: 0,
    meanTemperatureC: 5,
    seasonalSwingC: 10,
    meanWindMs: 6.5,
  },
  {
    area: 'PJM-WEST',
    timeZone: 'America/New_York',
    latitude: 40,
    longitude: -80,
    averageLoadMw: 90_000,
    mustRunMw: 33_000,
    windCapacityMw: 11_000,
    solarCapacityMw: 12_000,
    thermalCapacityMw: 100_000,
    flexibilityMw: 8_000,
    baseToSrmc: 0.9,
    fuelHub: 'HENRY-HUB',
    carbon: 'none',
    heatRate: 7.5,
    emissionFactor: 0.4,
    heatingPerDegree: 0.008,
    coolingPerDegree: 0.025,
    meanTemperatureC: 12,
    seasonalSwingC: 11,
    meanWindMs: 5,
  },
  {
    area: 'ERCOT-NORTH',
    timeZone: 'America/Chicago',
    latitude: 32.8,
    longitude: -97,
    averageLoadMw: 50_000,
    mustRunMw: 7_000,
    windCapacityMw: 38_000,
    solarCapacityMw: 28_000,
    thermalCapacityMw: 60_000,
    flexibilityMw: 6_000,
    baseToSrmc: 0.9,
    fuelHub: 'HENRY-HUB',
    carbon: 'none',
    heatRate: 7.5,
    emissionFactor: 0.4,
    heatingPerDegree: 0.012,
    coolingPerDegree: 0.03,
    meanTemperatureC: 19,
    seasonalSwingC: 10,
    meanWindMs: 7,
  },
];

/** Long-run levels and daily volatilities of the fuels and allowances, in each contract's own units. */
export const FUEL_LEVELS = {
  TTF: { mean: 35, dailyVol: 0.05, reversionPerDay: 0.01 },
  'HENRY-HUB': { mean: 3.2, dailyVol: 0.045, reversionPerDay: 0.01 },
  BRENT: { mean: 75, dailyVol: 0.018, reversionPerDay: 0.01 },
  'EU-ETS': { mean: 75, dailyVol: 0.025, reversionPerDay: 0.03 },
  'UK-ETS': { mean: 45, dailyVol: 0.03, reversionPerDay: 0.01 },
} as const;

export type FuelSeries = keyof typeof FUEL_LEVELS;

/** NBP in GBP/therm follows TTF in EUR/MWh through the simulated EUR/GBP rate and this. */
export const MWH_PER_THERM = 0.0293071;
/** Great Britain's carbon price support, GBP/t, on top of UKAs. */
export const GB_CARBON_SUPPORT = 18;
/** WTI and Murban trade at differentials to Brent. */
export const CRUDE_DIFFERENTIALS = { WTI: -4, MURBAN: 1.5 } as const;
