import type { Bus } from '../../../platform/bus/bus.js';
import { ORDER_TOPIC, TRADE_TOPIC, type TradeMessage } from '../../trading/index.js';
import type { RaisedAlert } from '../decision-log.js';
import type { SurveillanceEvent } from '../surveillance/events.js';
import { orderEventsFromViews, type OrderViewLike } from '../surveillance/from-order-views.js';
import { fillFromTradeMessage } from '../surveillance/from-trading.js';
import {
  startSurveillance,
  type SurveillanceDeps,
  type SurveillanceParams,
} from '../surveillance/surveillance.js';
import { raisedFromDetector } from './raised.js';

/**
 * Live surveillance: trading's order and trade messages, in the order the bus delivers
 * them, through one run of every detector; each alert it completes is raised (keyed by
 * the detector's id, so every instance may run this and an alert is still stored once).
 * An episode closes when a later event shows its window has passed.
 */
export async function startLiveSurveillance(deps: {
  bus: Bus;
  detectors: SurveillanceDeps;
  params?: SurveillanceParams;
  raise: (alert: RaisedAlert) => string;
  log: { warn: (o: object, m: string) => void };
}): Promise<() => Promise<void>> {
  const run = startSurveillance(deps.detectors, deps.params);
  const orders = orderEventsFromViews();
  let last = Number.NEGATIVE_INFINITY;

  const observe = (event: SurveillanceEvent) => {
    // Books publish independently, so a message may trail one from another book by a
    // moment; detectors need the log's time never to go back, so it is held at the last.
    const at = Math.max(event.at, last);
    last = at;
    try {
      for (const alert of run.observe({ ...event, at })) deps.raise(raisedFromDetector(alert));
    } catch (error) {
      deps.log.warn({ err: error, event: event.id }, 'surveillance event not observed');
    }
  };

  // The in-process bus calls subscribers inside trading's publish; the detectors run on
  // the next turn instead, in arrival order, so order entry never waits on them.
  let queue: SurveillanceEvent[] = [];
  const drain = () => {
    const batch = queue;
    queue = [];
    for (const event of batch) observe(event);
  };
  const feed = (events: SurveillanceEvent[]) => {
    if (events.length === 0) return;
    if (queue.length === 0) setImmediate(drain);
    queue.push(...events);
  };

  const offOrders = await deps.bus.subscribe(ORDER_TOPIC, (message) => {
    const { order } = message as { order: OrderViewLike };
    feed(orders(order));
  });
  const offTrades = await deps.bus.subscribe(TRADE_TOPIC, (message) => {
    feed([fillFromTradeMessage(message as TradeMessage)]);
  });
  return async () => {
    await offOrders();
    await offTrades();
    drain();
  };
}
