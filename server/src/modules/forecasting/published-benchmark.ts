/**
 * Test-period accuracy of the epftoolbox benchmark models as published in Table 3 of
 * Lago, Marcjasz, De Schutter and Weron, "Forecasting day-ahead electricity prices: A
 * review of state-of-the-art algorithms, best practices and an open-access benchmark",
 * Applied Energy 293 (2021) 116983, doi:10.1016/j.apenergy.2021.116983. Test periods:
 * NP 2016-12-27 to 2018-12-24, BE and FR 2015-01-04 to 2016-12-31 (104 weeks each).
 */
export interface PublishedResult {
  market: 'NP' | 'BE' | 'FR';
  model: 'LEAR ensemble' | 'DNN ensemble';
  mae: number;
  rmae: number;
  smape: number;
  rmse: number;
}

export const PUBLISHED_CITATION =
  'Lago, Marcjasz, De Schutter, Weron (2021), Applied Energy 293, 116983, Table 3';

export const PUBLISHED_RESULTS: readonly PublishedResult[] = [
  { market: 'NP', model: 'LEAR ensemble', mae: 1.738, rmae: 0.42, smape: 5.009, rmse: 3.362 },
  { market: 'NP', model: 'DNN ensemble', mae: 1.683, rmae: 0.407, smape: 4.88, rmse: 3.319 },
  { market: 'BE', model: 'LEAR ensemble', mae: 6.14, rmae: 0.604, smape: 14.546, rmse: 15.974 },
  { market: 'BE', model: 'DNN ensemble', mae: 5.87, rmae: 0.578, smape: 13.446, rmse: 15.966 },
  { market: 'FR', model: 'LEAR ensemble', mae: 3.98, rmae: 0.543, smape: 11.566, rmse: 10.676 },
  { market: 'FR', model: 'DNN ensemble', mae: 3.866, rmae: 0.527, smape: 10.812, rmse: 11.867 },
];
