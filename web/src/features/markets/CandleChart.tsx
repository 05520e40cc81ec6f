import {
  CandlestickSeries,
  HistogramSeries,
  type CandlestickData,
  type HistogramData,
  type IChartApi,
  type ISeriesApi,
  type UTCTimestamp,
} from 'lightweight-charts';
import { useEffect, useRef } from 'react';
import { candleChange, type Candle } from './candles';
import { chartColours, createDeskChart } from './deskChart';

interface CandleChartProps {
  /** The bar interval on show; tests and readers of the page can tell what loaded. */
  interval: string;
  candles: readonly Candle[];
  timeZone: string;
  decimals: number;
  height?: number;
}

interface Drawn {
  chart: IChartApi;
  prices: ISeriesApi<'Candlestick'>;
  volumes: ISeriesApi<'Histogram'>;
  shown: readonly Candle[];
}

/** Candles shown when a history is drawn; more would shrink them to hairlines on a phone. */
const initialCandlesInView = 150;

function priceBar(c: Candle): CandlestickData {
  return {
    time: (c.time / 1000) as UTCTimestamp,
    open: c.open,
    high: c.high,
    low: c.low,
    close: c.close,
  };
}

function volumeBar(c: Candle): HistogramData {
  return {
    time: (c.time / 1000) as UTCTimestamp,
    value: c.volume,
    color: c.close >= c.open ? chartColours.volumeUp : chartColours.volumeDown,
  };
}

/** Price candles over a volume histogram; a live tick moves only the last candle, so the trader's zoom stays put. */
export function CandleChart({
  candles,
  interval,
  timeZone,
  decimals,
  height = 360,
}: CandleChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const drawn = useRef<Drawn | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const desk = createDeskChart(element, { timeZone, height });
    const prices = desk.chart.addSeries(CandlestickSeries, {
      upColor: chartColours.up,
      downColor: chartColours.down,
      borderVisible: false,
      wickUpColor: chartColours.up,
      wickDownColor: chartColours.down,
      priceFormat: { type: 'price', precision: decimals, minMove: 10 ** -decimals },
    });
    prices.priceScale().applyOptions({ scaleMargins: { top: 0.05, bottom: 0.25 } });
    const volumes = desk.chart.addSeries(HistogramSeries, {
      priceScaleId: 'volume',
      priceFormat: { type: 'volume' },
      lastValueVisible: false,
      priceLineVisible: false,
    });
    desk.chart.priceScale('volume').applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    drawn.current = { chart: desk.chart, prices, volumes, shown: [] };
    return () => {
      drawn.current = null;
      desk.dispose();
    };
  }, [timeZone, decimals, height]);

  useEffect(() => {
    const current = drawn.current;
    if (!current) return;
    const change = candleChange(current.shown, candles);
    switch (change.kind) {
      case 'none':
        break;
      case 'update':
        current.prices.update(priceBar(change.candle));
        current.volumes.update(volumeBar(change.candle));
        break;
      case 'reset': {
        current.prices.setData(candles.map(priceBar));
        current.volumes.setData(candles.map(volumeBar));
        const count = candles.length;
        if (count > initialCandlesInView) {
          current.chart
            .timeScale()
            .setVisibleLogicalRange({ from: count - initialCandlesInView, to: count + 2 });
        } else {
          current.chart.timeScale().fitContent();
        }
        break;
      }
    }
    current.shown = candles;
  }, [candles, timeZone, decimals, height]);

  return (
    <div
      ref={container}
      className="w-full min-w-0"
      style={{ height }}
      data-testid="price-chart"
      data-candles={candles.length}
      data-interval={interval}
    />
  );
}
