/**
 * Seeded randomness for Monte Carlo risk. Domain code never calls Math.random():
 * a run is reproducible from its seed, so a VaR figure can be re-derived in an audit.
 */

/** A source of uniformly distributed 32-bit integers and doubles. */
export interface RandomSource {
  /** Uniform integer in [0, 2^32). */
  nextUint32(): number;
  /** Uniform double in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /**
   * Fills the array with raw 32-bit words (as signed int32). Bulk generation keeps the state in
   * registers; samplers that need millions of draws read from such a buffer.
   */
  fillInt32(out: Int32Array): void;
}

const TWO_POW_MINUS_53 = 1 / 9007199254740992;

/**
 * xoshiro128** (Blackman and Vigna): four 32-bit words of state, period 2^128 - 1,
 * passes BigCrush, and uses only 32-bit integer maths, which V8 runs without boxing.
 * The state is expanded from the seed with splitmix32 so that nearby seeds give
 * unrelated streams.
 */
export class Xoshiro128 implements RandomSource {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(seed: number) {
    let mix = seed >>> 0;
    const next = (): number => {
      mix = (mix + 0x9e3779b9) | 0;
      let z = mix;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    // The all-zero state is a fixed point; splitmix32 cannot produce four zeros, but be explicit.
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  nextUint32(): number {
    const s1 = this.s1;
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  fillInt32(out: Int32Array): void {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let i = 0; i < out.length; i++) {
      const product = Math.imul(s1, 5);
      out[i] = Math.imul((product << 7) | (product >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  nextFloat(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) * TWO_POW_MINUS_53;
  }
}

export const createRandomSource = (seed: number): RandomSource => new Xoshiro128(seed);
