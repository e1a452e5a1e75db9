import { f32x4, forRange, get, i32, seq, set, v128, type Code, type Fn, type Local } from './asm';
import { hsum } from './simd';

/*
 * Pieces shared by the attention kernels (attention.ts, attention-grad.ts): addressing of (B, T, D) row blocks,
 * the loop over the keys a query sees, and dot products of one row with one or four others.
 */

export const at = (base: Code, floatIndex: Code): Code => i32.add(base, i32.shl(floatIndex, i32.const(2)));

/** dot(x[0..hs), y[0..hs)) of two float rows. */
export function dot(f: Fn, x: Local, y: Local, hs: Local, c: Local): Code {
  const acc = f.local('v128');
  return seq(
    set(acc, f32x4.const(0)),
    forRange(c, i32.const(0), get(hs), 4, set(acc, f32x4.add(get(acc), f32x4.mul(v128.load(at(get(x), get(c))), v128.load(at(get(y), get(c))))))),
    hsum(f, get(acc)),
  );
}

const shuffle = (a: Code, b: Code, lanes: number[]): Code => [...a, ...b, 0xfd, 13, ...lanes.flatMap((l) => [4 * l, 4 * l + 1, 4 * l + 2, 4 * l + 3])];

/**
 * The dots of x with four rows y0..y3 (y0 at `y`, the next ones `stride` bytes apart) as one f32x4: four
 * accumulators, then a 4×4 transpose-add, each lane summed as (x0 + x2) + (x1 + x3) like hsum.
 */
export function dot4(f: Fn, x: Local, y: Local, stride: Local, hs: Local, c: Local): Code {
  const acc = f.locals('v128', 4);
  const [xv, s01, s23] = f.locals('v128', 3);
  const yk = f.locals('i32', 4);
  const pair = (a: Local, b: Local): Code => f32x4.add(shuffle(get(a), get(b), [0, 4, 1, 5]), shuffle(get(a), get(b), [2, 6, 3, 7]));
  return seq(
    ...yk.map((l, k) => set(l, k === 0 ? get(y) : i32.add(get(yk[k - 1]!), get(stride)))),
    ...acc.map((l) => set(l, f32x4.const(0))),
    forRange(c, i32.const(0), get(hs), 4,
      set(xv, v128.load(at(get(x), get(c)))),
      ...acc.map((l, k) => set(l, f32x4.add(get(l), f32x4.mul(get(xv), v128.load(at(get(yk[k]!), get(c))))))),
    ),
    set(s01, pair(acc[0]!, acc[1]!)), // [a0₀+a0₂, a1₀+a1₂, a0₁+a0₃, a1₁+a1₃]
    set(s23, pair(acc[2]!, acc[3]!)),
    f32x4.add(shuffle(get(s01), get(s23), [0, 1, 4, 5]), shuffle(get(s01), get(s23), [2, 3, 6, 7])),
  );
}

export interface Ctx {
  f: Fn;
  P: Record<string, Local>;
  b: Local; h: Local; t: Local; s: Local; c: Local; pad: Local; hi: Local;
}

export function context(f: Fn): Ctx {
  const l = (): Local => f.local('i32');
  return { f, P: f.p as Record<string, Local>, b: l(), h: l(), t: l(), s: l(), c: l(), pad: l(), hi: l() };
}

/** Address of element (b, t, h, 0) of a (B, T, D) block with batch stride `batchStride`. */
export const rowOf = (x: Ctx, base: Local, batchStride: Local, t: Code): Code =>
  at(get(base), i32.add(i32.add(i32.mul(get(x.b), get(batchStride)), i32.mul(t, get(x.P.rs!))), i32.mul(get(x.h), get(x.P.hs!))));

/** for s in [pad, hi] */
export const overKeys = (x: Ctx, step: number, ...body: Code[]): Code => forRange(x.s, get(x.pad), i32.add(get(x.hi), i32.const(1)), step, ...body);

/** for s over the last (hi − pad + 1) mod 4 keys, those a four-key loop from pad leaves. */
export const tailKeys = (x: Ctx, ...body: Code[]): Code =>
  forRange(x.s, i32.add(get(x.pad), i32.and(i32.sub(i32.add(get(x.hi), i32.const(1)), get(x.pad)), i32.const(~3))), i32.add(get(x.hi), i32.const(1)), 1, ...body);
