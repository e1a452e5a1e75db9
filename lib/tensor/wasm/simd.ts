import { f32, f32x4, get, i32x4, seq, set, tee, type Code, type Fn, type Local } from './asm';

/*
 * Inline SIMD building blocks for the kernels: exp (wasm has no transcendental instructions), sigmoid, lane
 * broadcast and horizontal sums. They return code, so each use is expanded in place; locals come from the caller's
 * function.
 */

const shuffle = (a: Code, b: Code, lanes: number[]): Code => [...a, ...b, 0xfd, 13, ...lanes];

/** Lane `lane` of a f32x4 in all four lanes. */
export function broadcastLane(v: Code, lane: number): Code {
  const bytes = [0, 1, 2, 3].map((i) => 4 * lane + i);
  return shuffle(v, v, [...bytes, ...bytes, ...bytes, ...bytes]);
}

/** x0 + x1 + x2 + x3 of a f32x4 (as an f32), summed as (x0 + x2) + (x1 + x3). */
export function hsum(f: Fn, v: Code): Code {
  const t = f.local('v128');
  // swap the 64-bit halves and add, then swap neighbours and add
  const halves = f32x4.add(tee(t, v), shuffle(get(t), get(t), [8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7]));
  return f32x4.extract(f32x4.add(tee(t, halves), shuffle(get(t), get(t), [4, 5, 6, 7, 0, 1, 2, 3, 12, 13, 14, 15, 8, 9, 10, 11])), 0);
}

/** max over the four lanes of a f32x4 (as an f32). */
export function hmax(f: Fn, v: Code): Code {
  const t = f.local('v128');
  const halves = f32x4.max(tee(t, v), shuffle(get(t), get(t), [8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7]));
  return f32x4.extract(f32x4.max(tee(t, halves), shuffle(get(t), get(t), [4, 5, 6, 7, 0, 1, 2, 3, 12, 13, 14, 15, 8, 9, 10, 11])), 0);
}

// Cephes expf: e^x = 2^n e^r with n = round(x log2 e), r = x − n ln 2 (ln 2 split in two for exactness), and a
// degree-6 polynomial for e^r on |r| ≤ ln2/2; relative error ~1e-7 (≈ 1 ulp).
const LOG2E = 1.44269504088896341;
const LN2_HI = 0.693359375;
const LN2_LO = -2.12194440e-4;
const P = [1.9875691500e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1];

/** Code for e^x of every lane; x is clamped to [-87.3, 88.7] (e^x then stays a normal float). */
export function exp4(f: Fn, x: Code): Code {
  const xs = f.local('v128');
  const n = f.local('v128');
  const r = f.local('v128');
  const c = (v: number): Code => f32x4.const(v);
  let poly: Code = c(P[0]!);
  for (const p of P.slice(1)) poly = f32x4.add(f32x4.mul(poly, get(r)), c(p));
  const pow2n = i32x4.shl(i32x4.add(i32x4.truncSatF32x4(get(n)), i32x4.const(127)), [0x41, 23]); // (n + 127) << 23
  return seq(
    set(xs, f32x4.min(f32x4.max(x, c(-87.3)), c(88.7))),
    set(n, f32x4.nearest(f32x4.mul(get(xs), c(LOG2E)))),
    set(r, f32x4.sub(f32x4.sub(get(xs), f32x4.mul(get(n), c(LN2_HI))), f32x4.mul(get(n), c(LN2_LO)))),
    f32x4.mul(f32x4.add(f32x4.add(f32x4.mul(poly, f32x4.mul(get(r), get(r))), get(r)), c(1)), pow2n),
  );
}

/** Code for the logistic sigmoid 1 / (1 + e^-x) of every lane. */
export function sigmoid4(f: Fn, x: Code): Code {
  return f32x4.div(f32x4.const(1), f32x4.add(f32x4.const(1), exp4(f, f32x4.neg(x))));
}

/** Scalar e^x through the vector code (lane 0). */
export function exp1(f: Fn, x: Code): Code {
  return f32x4.extract(exp4(f, f32x4.splat(x)), 0);
}

/** Loop helper: a local holding a running f32 value. */
export const addTo = (acc: Local, v: Code): Code => set(acc, f32.add(get(acc), v));
