import { xoroshiro128plus, type RandomGenerator } from 'pure-rand';

/**
 * A seeded random number generator with a serialisable state (for exact resume).
 * Every random choice in ifkit draws from one of these, never from Math.random().
 */
export interface Rng {
  /** Uniform float in [0, 1), 53 bits. */
  next(): number;
  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number;
  /** The generator state; `rngFromState(rng.state())` continues the same sequence. */
  state(): readonly number[];
  /** An independent generator (a jump of 2^64 steps ahead); this one is not advanced. */
  fork(): Rng;
}

function wrap(gen: RandomGenerator): Rng {
  const u32 = (): number => gen.unsafeNext() >>> 0;
  const next = (): number => (u32() * 2 ** 21 + (u32() >>> 11)) / 2 ** 53;
  return {
    next,
    int(lo, hi) {
      if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi < lo) {
        throw new Error(`rng.int: need integers lo <= hi, got lo=${lo}, hi=${hi}`);
      }
      return lo + Math.floor(next() * (hi - lo + 1));
    },
    state: () => gen.getState(),
    fork() {
      const child = gen.clone();
      child.unsafeJump!();
      return wrap(child);
    },
  };
}

/** SplitMix32 (Vigna): spreads one 32-bit seed over well-mixed words. */
function splitMix32(seed: number): () => number {
  let x = seed | 0;
  return () => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) | 0;
  };
}

/**
 * A generator for a seed. pure-rand's `xoroshiro128plus(seed)` puts the seed almost verbatim into the state, and
 * its first draws for small seeds are ≈ 1.0 and ≈ 0.997 whatever the seed (0, 1, 2, 42 alike): the state is filled
 * through SplitMix32 instead, as the xoroshiro authors recommend.
 * @example const rng = createRng(42); rng.int(1, 6)
 */
export function createRng(seed: number): Rng {
  const mix = splitMix32(seed);
  return wrap(xoroshiro128plus.fromState([mix(), mix(), mix(), mix()]));
}

/** Rebuild a generator from `rng.state()`. */
export function rngFromState(state: readonly number[]): Rng {
  return wrap(xoroshiro128plus.fromState(state));
}

/** Fisher–Yates shuffle into a new array. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** One element drawn uniformly. */
export function pick<T>(items: readonly T[], rng: Rng): T {
  if (items.length === 0) throw new Error('rng.pick: cannot pick from an empty list');
  return items[rng.int(0, items.length - 1)]!;
}
