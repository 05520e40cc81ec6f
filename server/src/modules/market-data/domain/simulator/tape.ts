import type { Catalogue } from '../catalogue.js';
import type { DeliveryInterval } from '../delivery-period.js';
import { periodContaining } from '../delivery-period.js';
import { isSpotPeriod, type Instrument } from '../instrument.js';
import { createRandom, seedState, type Random } from '../prng.js';
import { lotsToQuantity, roundToTicks, ticksToPrice } from '../scaling.js';
import type { Tick } from '../tick.js';
import { liquidityOf, type Detail, type Liquidity } from './liquidity.js';
import { frontContract } from './pricing.js';

/**
 * The time and sales of the simulated market. The simulator marks each product's fair
 * value at its steps; between two marks the tape prints trades at irregular moments on
 * a path that wanders from one mark to the next (a Brownian bridge), each print on the
 * bid or the offer. So a bar holds several prints with a body and wicks however far
 * apart the marks are. The same seed and the same marks print the same tape, and
 * `printTape` never mutates the state it is given.
 */
export interface TapeState {
  readonly random: number;
  readonly books: Readonly<Record<string, TapeBook>>;
}

/** Where one product's tape stands: its last mark, its last print and when it prints next. */
export interface TapeBook {
  readonly markTime: number;
  readonly fair: number;
  readonly lastPrint: number;
  readonly nextPrint: number;
}

/** How closely the tape prints at a moment (see `historyDetail`). */
export type DetailAt = (time: number) => Detail;

const HOUR_MS = 3_600_000;
const SECOND_MS = 1_000;

export function createTape(seed: number): TapeState {
  // Its own stream, so that the tape does not shift the simulator's random numbers.
  return { random: seedState(seed ^ 0x7a9e), books: {} };
}

export function printTape(
  state: TapeState,
  marks: readonly Tick[],
  catalogue: Catalogue,
  detailAt: DetailAt = () => 'live',
): { state: TapeState; prints: Tick[] } {
  const random = createRandom(state.random);
  const books = { ...state.books };
  const prints: Tick[] = [];
  for (const mark of marks) {
    const instrument = catalogue.get(mark.instrumentId);
    const liquidity = liquidityOf(instrument);
    if (!liquidity) {
      prints.push(mark);
      continue;
    }
    const book = books[mark.instrumentId];
    const tape = new ProductTape(instrument, liquidity, mark, random, detailAt);
    books[mark.instrumentId] = book ? tape.printUpTo(book, prints) : tape.open(prints);
  }
  return { state: { random: random.state, books }, prints };
}

class ProductTape {
  private readonly lotsPerHour: number;

  constructor(
    private readonly instrument: Instrument,
    private readonly liquidity: Liquidity,
    private readonly mark: Tick,
    private readonly random: Random,
    private readonly detailAt: DetailAt,
  ) {
    const lot = Number(instrument.lotSize);
    const periodHours = (mark.deliveryEnd - mark.deliveryStart) / HOUR_MS;
    // Spot power turns over a share of what its period cleared, so peak hours trade more.
    this.lotsPerHour =
      liquidity.clearedShare === undefined
        ? liquidity.lotsPerHour
        : (liquidity.clearedShare * mark.volume) / Math.max(periodHours, 0.25) / lot;
  }

  /** The first mark of a product prints where it stands. */
  open(prints: Tick[]): TapeBook {
    const time = this.mark.time;
    const spacing = this.spacingAfter(time);
    this.print(time, this.mark.price, spacing, prints);
    return { markTime: time, fair: this.mark.price, lastPrint: time, nextPrint: time + spacing };
  }

  /** Prints every trade due since the last mark, bridging its fair value to this one. */
  printUpTo(book: TapeBook, prints: Tick[]): TapeBook {
    const end = this.mark.time;
    let anchorTime = book.markTime;
    let anchorFair = book.fair;
    let lastPrint = book.lastPrint;
    let nextPrint = book.nextPrint;
    const level = Math.max(
      Math.abs(book.fair),
      Math.abs(this.mark.price),
      this.liquidity.levelFloor,
    );
    const hourlyMove = this.liquidity.hourlyVolatility * level;
    // The next print always lies after the last mark, so the bridge never runs backwards.
    while (nextPrint <= end && end > anchorTime) {
      const time = nextPrint;
      const share = (time - anchorTime) / (end - anchorTime);
      const spread =
        hourlyMove * Math.sqrt(((time - anchorTime) * (end - time)) / (end - anchorTime) / HOUR_MS);
      const fair =
        anchorFair + (this.mark.price - anchorFair) * share + spread * this.random.normal();
      this.print(time, fair, time - lastPrint, prints);
      anchorTime = time;
      anchorFair = fair;
      lastPrint = time;
      nextPrint = time + this.spacingAfter(time);
    }
    return { markTime: end, fair: this.mark.price, lastPrint, nextPrint };
  }

  private print(time: number, fair: number, sinceLastMs: number, prints: Tick[]): void {
    const delivery = this.deliveryAt(time);
    if (!delivery) return;
    const { halfSpread, levelFloor } = this.liquidity;
    const side = this.random.uniform() < 0.5 ? -1 : 1;
    const price = fair + side * halfSpread * Math.max(Math.abs(fair), levelFloor);
    const tickSize = this.instrument.tickSize;
    // Volume accrues with the time since the last print, so sparse history keeps the live turnover.
    const lots = Math.max(
      1,
      Math.round((this.lotsPerHour * sinceLastMs * (0.5 + this.random.uniform())) / HOUR_MS),
    );
    prints.push({
      instrumentId: this.instrument.id,
      time,
      deliveryStart: delivery.start,
      deliveryEnd: delivery.end,
      price: Number(ticksToPrice(roundToTicks(price, tickSize), tickSize)),
      volume: Number(lotsToQuantity(lots, this.instrument.lotSize)),
    });
  }

  /** Irregular gaps between 0.5 and 1.5 times the mean, in whole seconds. */
  private spacingAfter(time: number): number {
    const mean = HOUR_MS / this.liquidity.printsPerHour[this.detailAt(time)];
    return Math.max(
      SECOND_MS,
      Math.round((mean * (0.5 + this.random.uniform())) / SECOND_MS) * SECOND_MS,
    );
  }

  /** Spot prints belong to the period they trade in; term prints to the front contract. */
  private deliveryAt(time: number): DeliveryInterval | null {
    if (isSpotPeriod(this.instrument.deliveryPeriod))
      return periodContaining(this.instrument, time);
    return frontContract(this.instrument, time);
  }
}
