import {
  ColorType,
  createChart,
  type IChartApi,
  type TickMarkType,
  type Time,
} from 'lightweight-charts';
import { chartTimeToMs, formatChartInstant, formatTickMark } from './marketTime';

export const chartColours = {
  up: '#34d399',
  down: '#fb7185',
  line: '#38bdf8',
  second: '#fbbf24',
  third: '#a78bfa',
  volumeUp: 'rgba(52, 211, 153, 0.35)',
  volumeDown: 'rgba(251, 113, 133, 0.35)',
};

/** Axis and crosshair labels on the market's clock; the plotted times stay UTC. */
export function marketClockOptions(timeZone: string) {
  return {
    localization: {
      timeFormatter: (time: Time) => formatChartInstant(chartTimeToMs(time), timeZone),
    },
    timeScale: {
      tickMarkFormatter: (time: Time, type: TickMarkType) =>
        formatTickMark(chartTimeToMs(time), type, timeZone),
    },
  };
}

export interface DeskChart {
  chart: IChartApi;
  dispose(): void;
}

/**
 * A chart in the desk's dark theme that follows its container's width (a
 * phone turned sideways, the side navigation opening) and is taken down with
 * the component that made it.
 */
export function createDeskChart(
  container: HTMLElement,
  {
    timeZone,
    height,
    secondsVisible = false,
  }: { timeZone: string; height: number; secondsVisible?: boolean },
): DeskChart {
  const chart = createChart(container, {
    width: container.clientWidth,
    height,
    layout: {
      background: { type: ColorType.Solid, color: 'transparent' },
      textColor: '#94a3b8',
      fontSize: 11,
      attributionLogo: false,
    },
    grid: {
      vertLines: { color: 'rgba(51, 65, 85, 0.35)' },
      horzLines: { color: 'rgba(51, 65, 85, 0.35)' },
    },
    rightPriceScale: { borderColor: '#334155' },
    timeScale: { borderColor: '#334155', timeVisible: true, secondsVisible },
  });
  chart.applyOptions(marketClockOptions(timeZone));
  const resizes = new ResizeObserver((entries) => {
    const width = entries[0]?.contentRect.width;
    if (width) chart.resize(Math.floor(width), height);
  });
  resizes.observe(container);
  return {
    chart,
    dispose() {
      resizes.disconnect();
      chart.remove();
    },
  };
}
