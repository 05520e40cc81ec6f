import type { Clock } from '../../platform/clock.js';
import { invalid } from '../../platform/errors.js';
import type { Principal } from '../../platform/http/access.js';
import { standardCatalogue } from '../market-data/index.js';
import { visibleBooks, type BookPosition } from '../portfolio/index.js';
import { YEAR_MS } from './domain/option-position.js';
import { optionLabel, type OptionHolding } from './exposures.js';
import {
  historicStressScenarios,
  runStressTest,
  type Shock,
  type StressPosition,
  type StressScenario,
  type TenorBucket,
} from './domain/index.js';
import type { FxConverter, PriceHistory } from './price-history.js';
import { stressCommodity, tenorBucket } from './stress-mapping.js';

export interface CustomShock {
  commodity: string;
  tenor?: TenorBucket | undefined;
  /** What the shock moves; volatility shocks reach options only. Default price. */
  measure?: 'price' | 'volatility' | undefined;
  shock: number;
  kind: 'relative' | 'absolute';
}

export interface StressRequest {
  book?: string | undefined;
  scenarioIds?: string[] | undefined;
  custom?: CustomShock[] | undefined;
}

export interface StressDeps {
  deskBooks(): Promise<string[]>;
  /** The books' positions per instrument (exchange fills and OTC deals), from portfolio. */
  positionsOf(books: readonly string[], now: number): Promise<BookPosition[]>;
  clock: Clock;
  /** The currency stressed P&L is reported in, and where today's FX rates come from. */
  reportingCurrency: string;
  prices: Pick<PriceHistory, 'fxRates' | 'hourlyCloses'>;
  /** The books' options on futures, revalued in full (Black-76) under each scenario. */
  options: { holdings(books: readonly string[]): Promise<OptionHolding[]> };
}

const UNDERLYING_LOOKBACK_MS = 7 * 86_400_000;

/** The custom shocks as one scenario, so they run through the same revaluation. */
function customScenario(custom: readonly CustomShock[]): StressScenario {
  return {
    id: 'custom',
    name: 'Custom shocks',
    description: custom
      .map(
        (c) =>
          `${c.commodity}${c.tenor ? ` ${c.tenor}` : ''}${c.measure === 'volatility' ? ' vol' : ''} ${c.kind === 'relative' ? `${(c.shock * 100).toFixed(1)}%` : `${c.shock >= 0 ? '+' : ''}${c.shock}`}`,
      )
      .join(', '),
    shocks: custom.map((c): Shock => ({
      commodities: [c.commodity],
      ...(c.tenor ? { tenorBuckets: [c.tenor] } : {}),
      measure: c.measure ?? 'price',
      kind: c.kind,
      size: c.shock,
    })),
  };
}

export function createStressService(deps: StressDeps) {
  /**
   * The books' live options as stress positions, marked to their underlying's latest
   * hourly close; quantities scaled into the reporting currency like the futures'.
   */
  async function optionPositions(
    books: readonly string[],
    currency: string,
    fx: FxConverter,
    warnings: string[],
  ): Promise<(StressPosition & { book: string; instrumentId: string; held: number })[]> {
    const now = deps.clock.now();
    const out: (StressPosition & { book: string; instrumentId: string; held: number })[] = [];
    for (const option of await deps.options.holdings(books)) {
      const label = optionLabel(option);
      const instrument = standardCatalogue.find(option.underlying);
      if (!instrument || option.expiresAt <= now) continue;
      const closes = await deps.prices.hourlyCloses(
        option.underlying,
        new Date(now - UNDERLYING_LOOKBACK_MS),
        new Date(now),
      );
      const forward = closes.at(-1)?.close;
      const rate = fx.rate(instrument.currency, currency);
      if (forward === undefined || rate === null) {
        warnings.push(`option ${label} has no recent underlying price or FX rate and is left out`);
        continue;
      }
      out.push({
        kind: 'option',
        id: `${option.book}/${option.id}`,
        book: option.book,
        instrumentId: label,
        commodity: stressCommodity(instrument),
        tenorBucket: tenorBucket(instrument),
        quantity: option.quantity * rate,
        held: option.quantity,
        price: forward,
        optionType: option.type,
        strike: option.strike,
        expiryYears: (option.expiresAt - now) / YEAR_MS,
        volatility: option.volatility,
        rate: option.rate,
      });
    }
    return out;
  }

  async function latestClose(instrumentId: string): Promise<number | null> {
    const now = deps.clock.now();
    const closes = await deps.prices.hourlyCloses(
      instrumentId,
      new Date(now - UNDERLYING_LOOKBACK_MS),
      new Date(now),
    );
    return closes.at(-1)?.close ?? null;
  }

  return {
    scenarios() {
      return historicStressScenarios.map((s) => ({
        id: s.id,
        name: s.name,
        description: s.description,
        commodities: [...new Set(s.shocks.flatMap((x) => x.commodities))],
      }));
    },

    /**
     * Every position revalued in full under each scenario; positions without a mark, or whose
     * currency has no FX rate today, are listed in warnings. Shocks apply to prices in each
     * market's own currency (an absolute shock to ERCOT is in dollars); the P&L is converted
     * into the reporting currency at today's rate.
     */
    async run(principal: Principal, request: StressRequest) {
      const known = new Map(historicStressScenarios.map((s) => [s.id, s]));
      const chosen: StressScenario[] = [];
      (request.scenarioIds ?? (request.custom?.length ? [] : [...known.keys()])).forEach(
        (id, i) => {
          const scenario = known.get(id);
          if (!scenario)
            throw invalid(`scenarioIds.${i}`, 'known_scenario', `no stress scenario ${id}`);
          chosen.push(scenario);
        },
      );
      if (request.custom?.length) chosen.push(customScenario(request.custom));

      const books = visibleBooks(principal, request.book, await deps.deskBooks());
      const warnings: string[] = [];
      const open = (await deps.positionsOf(books, deps.clock.now())).filter(
        (p) => p.quantity !== 0,
      );
      const currency = deps.reportingCurrency;
      const fx = await deps.prices.fxRates(new Date(deps.clock.now()));
      const positions: (StressPosition & { book: string; instrumentId: string; held: number })[] =
        [];
      for (const p of open) {
        const instrument = standardCatalogue.find(p.instrumentId);
        // A deal on an instrument the desk has not traded is marked to its latest close.
        const mark = p.mark ?? (await latestClose(p.instrumentId));
        if (!instrument || mark === null) {
          warnings.push(`${p.book}/${p.instrumentId} has no mark price and is left out`);
          continue;
        }
        const rate = fx.rate(instrument.currency, currency);
        if (rate === null) {
          warnings.push(
            `${p.book}/${p.instrumentId} is in ${instrument.currency} and there is no ${instrument.currency}/${currency} FX rate; it is left out`,
          );
          continue;
        }
        positions.push({
          kind: 'linear',
          id: `${p.book}/${p.instrumentId}`,
          book: p.book,
          instrumentId: p.instrumentId,
          commodity: stressCommodity(instrument),
          tenorBucket: tenorBucket(instrument),
          // P&L is quantity times the price change: scaling the quantity by the rate puts it
          // in the reporting currency while the shock still moves the market's own price.
          quantity: p.quantity * rate,
          held: p.quantity,
          price: mark,
        });
      }
      positions.push(...(await optionPositions(books, currency, fx, warnings)));
      const byId = new Map(positions.map((p) => [p.id, p]));
      return {
        currency,
        warnings,
        results: chosen.map((scenario) => {
          const r = runStressTest(scenario, positions);
          return {
            scenarioId: scenario.id,
            name: scenario.name,
            totalPnl: r.totalPnl,
            pnlByCommodity: r.pnlByCommodity,
            positions: r.positions.map((x) => ({
              book: byId.get(x.positionId)!.book,
              instrumentId: byId.get(x.positionId)!.instrumentId,
              commodity: byId.get(x.positionId)!.commodity,
              quantity: byId.get(x.positionId)!.held,
              price: x.price,
              stressedPrice: x.stressedPrice,
              ...(x.volatility === undefined
                ? {}
                : { volatility: x.volatility, stressedVolatility: x.stressedVolatility }),
              pnl: x.pnl,
            })),
          };
        }),
      };
    },
  };
}

export type StressService = ReturnType<typeof createStressService>;
