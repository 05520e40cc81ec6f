/**
 * Historic stress scenarios shipped with the platform. The figures are approximate and
 * stylised: rounded moves of the kind the market made, deliberately not the intraday extremes,
 * so desks can compare books on a common, explainable footing. Commodity codes match the
 * market-data catalogue's: TTF, THE, NBP (gas hubs), DE/FR/NL/GB-POWER, EUA, API2 (coal),
 * BRENT, HENRY-HUB, ERCOT-POWER.
 */
import type { StressScenario } from './stress.js';

const EU_GAS = ['TTF', 'THE', 'NBP'];
const EU_POWER = ['DE-POWER', 'FR-POWER', 'NL-POWER', 'GB-POWER'];

/**
 * European gas crisis 2021-22. Basis: TTF front-month rose from roughly 20-30 EUR/MWh in
 * early-to-mid 2021 to above 300 EUR/MWh at the August 2022 peak; German and French power
 * followed gas as the marginal fuel; EUAs went from about 55 to about 90-98 EUR/t. The shocks
 * use a rounded fraction of those moves (+300% gas, +250% power front), with back tenors moving
 * less, and implied gas volatility roughly doubling.
 */
export const europeanGasCrisis2021: StressScenario = {
  id: 'eu-gas-crisis-2021-22',
  name: 'European gas crisis 2021-22',
  description:
    'Stylised: TTF +300%, EU power +250%, EUA +50%, coal +200%, gas implied volatility doubled.',
  shocks: [
    { commodities: EU_GAS, measure: 'price', kind: 'relative', size: 3 },
    {
      commodities: EU_GAS,
      tenorBuckets: ['front-season', 'calendar'],
      measure: 'price',
      kind: 'relative',
      size: 1.5,
    },
    { commodities: EU_POWER, measure: 'price', kind: 'relative', size: 2.5 },
    {
      commodities: EU_POWER,
      tenorBuckets: ['calendar'],
      measure: 'price',
      kind: 'relative',
      size: 1.5,
    },
    { commodities: ['EUA'], measure: 'price', kind: 'relative', size: 0.5 },
    { commodities: ['API2'], measure: 'price', kind: 'relative', size: 2 },
    { commodities: ['BRENT'], measure: 'price', kind: 'relative', size: 0.4 },
    { commodities: [...EU_GAS, ...EU_POWER], measure: 'volatility', kind: 'relative', size: 1 },
  ],
};

/**
 * Winter Storm Uri, ERCOT, February 2021. Basis: ERCOT real-time prices sat at the then
 * offer cap of 9,000 USD/MWh for about four days (15-19 Feb 2021); Henry Hub cash gas traded
 * above 20 USD/MMBtu against about 3 before, while regional hubs went far higher; March
 * futures moved far less than spot. Spot and day-ahead go to the cap, forwards move modestly.
 */
export const winterStormUri2021: StressScenario = {
  id: 'ercot-winter-storm-uri-2021',
  name: 'Winter Storm Uri, ERCOT, Feb 2021',
  description:
    'Stylised: ERCOT spot and day-ahead at the 9,000 USD/MWh cap, Henry Hub spot +600%, front months +30% / +10%.',
  shocks: [
    {
      commodities: ['ERCOT-POWER'],
      tenorBuckets: ['spot', 'day-ahead', 'weekend'],
      measure: 'price',
      kind: 'level',
      size: 9000,
    },
    { commodities: ['ERCOT-POWER'], measure: 'price', kind: 'relative', size: 0.3 },
    {
      commodities: ['HENRY-HUB'],
      tenorBuckets: ['spot', 'day-ahead', 'weekend'],
      measure: 'price',
      kind: 'relative',
      size: 6,
    },
    { commodities: ['HENRY-HUB'], measure: 'price', kind: 'relative', size: 0.1 },
    { commodities: ['ERCOT-POWER', 'HENRY-HUB'], measure: 'volatility', kind: 'relative', size: 2 },
  ],
};

/**
 * Negative-price weekend. Basis: on sunny, windy, low-demand weekends (e.g. May and July 2023,
 * spring 2024) German, Dutch and French day-ahead prices went well below zero for hours, with
 * single hours far lower still. Stylised as weekend delivery set to -50 to -100 EUR/MWh.
 */
export const negativePriceWeekend: StressScenario = {
  id: 'eu-negative-price-weekend',
  name: 'European negative-price weekend',
  description: 'Stylised: weekend power at -100 (DE), -80 (NL), -50 (FR) EUR/MWh; GB -30 GBP/MWh.',
  shocks: [
    {
      commodities: ['DE-POWER'],
      tenorBuckets: ['weekend'],
      measure: 'price',
      kind: 'level',
      size: -100,
    },
    {
      commodities: ['NL-POWER'],
      tenorBuckets: ['weekend'],
      measure: 'price',
      kind: 'level',
      size: -80,
    },
    {
      commodities: ['FR-POWER'],
      tenorBuckets: ['weekend'],
      measure: 'price',
      kind: 'level',
      size: -50,
    },
    {
      commodities: ['GB-POWER'],
      tenorBuckets: ['weekend'],
      measure: 'price',
      kind: 'level',
      size: -30,
    },
  ],
};

export const historicStressScenarios: readonly StressScenario[] = [
  europeanGasCrisis2021,
  winterStormUri2021,
  negativePriceWeekend,
];
