/**
 * A seeded pseudo-random generator (mulberry32) whose whole state is one 32-bit
 * integer, so a simulator can carry it in a plain, copyable state object and replay
 * the same series from the same seed.
 */
export interface Random {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal, by Box–Muller. */
  normal(): number;
  /** The state to resume from. */
  readonly state: number;
}

export function seedState(seed: number): number {
  // Spread small seeds so that seeds 1 and 2 do not start on neighbouring states.
  let h = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function createRandom(state: number): Random {
  let current = state >>> 0;
  const uniform = (): number => {
    current = (current + 0x6d2b79f5) >>> 0;
    let t = current;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    uniform,
    normal: () => {
      const u1 = 1 - uniform();
      const u2 = uniform();
      return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    get state() {
      return current;
    },
  };
}
