import { describe, expect, it } from 'vitest';
import { controlPanel } from './controls';

const book = (halted: boolean, killSwitch = false) => ({
  instrumentId: 'PWR-DE-LU-FUT-M-BASE',
  halted,
  killSwitch,
});

describe('market controls', () => {
  it('shows no banner on a trading book and lets a risk manager halt it but not resume it', () => {
    const panel = controlPanel(book(false), false, ['orders:read', 'trading:halt']);
    expect(panel.banner).toBeNull();
    expect(panel.halt).toEqual({ enabled: true, reason: null });
    expect(panel.resume).toEqual({ enabled: false, reason: 'The book is not halted.' });
    expect(panel.killSwitch).toMatchObject({ enabled: true, engaged: false });
  });

  it('shows a halted banner and offers resume on a halted book', () => {
    const panel = controlPanel(book(true), false, ['trading:halt']);
    expect(panel.banner).toBe('Trading is halted on this book.');
    expect(panel.halt.enabled).toBe(false);
    expect(panel.resume.enabled).toBe(true);
  });

  it('names the kill switch in the banner while it is engaged', () => {
    expect(controlPanel(book(false, true), true, []).banner).toBe(
      'Trading is halted: the desk kill switch is engaged.',
    );
  });

  it('disables every button for a trader and says why', () => {
    const panel = controlPanel(book(true), false, ['orders:read', 'orders:write']);
    for (const action of [panel.halt, panel.resume, panel.killSwitch]) {
      expect(action).toMatchObject({
        enabled: false,
        reason: 'Only risk managers and admins can halt trading.',
      });
    }
    expect(panel.banner).toBe('Trading is halted on this book.');
  });
});
