/**
 * Seeded pseudo-random numbers (mulberry32), so that model training is reproducible
 * and domain code never reaches for Math.random().
 */
export interface Random {
  /** Uniform on [0, 1). */
  next(): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    normal: () => {
      const u = Math.max(next(), 1e-300);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
}
