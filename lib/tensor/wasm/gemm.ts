import { block, br, brIf, f32, f32x4, Fn, forRange, get, i32, loop, seq, set, v128, when, type Code, type Local } from './asm';
import type { FuncDef } from './encode';
import { broadcastLane } from './simd';

/*
 * C (n×m) = op(A) (n×k) · B (k×m) [+ C], row-major with row strides lda, ldb, ldc (in floats), so a product can
 * run on a block of a larger matrix. op(A) is A (gemm) or Aᵀ with A stored k×n (gemmTN, for weight gradients
 * Xᵀ·dY without a transposed copy). The inner tile keeps R rows × W vectors of C in registers: per step of k it
 * loads W vectors of B's row and the R floats of op(A)'s column (R splat loads for A, one vector load and R lane
 * broadcasts for Aᵀ), then does R·W multiplies and adds. 4×8 fills 8 of x64's 16 SIMD registers with accumulators
 * and leaves room for B and A. Edges fall back to 1-row and 4-column tiles, then to scalars. k runs in blocks of KC
 * steps, each block over all of C (the first one writes or adds per beta, later ones add), so the operands stay in
 * cache. Each block of B is first packed into contiguous panels of 8 columns (and Aᵀ's 4-row strips, for gemmTN):
 * the step's matrices have row strides of 256 or 512 floats, whose rows alias to a few L1 sets and thrashed the
 * cache (1136×64×256 ran at 19 GFLOP/s, 1024×64×528 at 32). `pack` points to scratch for KC·(m + 4) floats.
 * Needs k ≥ 1. Tried and slower at the step's shapes (V8 11.3, Zen 3): unrolling k by 2 to 16 (10-60% slower, also
 * with every address a constant offset), 5×8, 6×8, 3×12 and 4×12 tiles (5-30%), column blocks of 16-128 (±5%),
 * packing gemm's A strips step-major (10-20% slower than its four row pointers).
 */

interface Ctx {
  f: Fn;
  trans: boolean;
  KC: number;
  a: Local; b: Local; c: Local; k: Local; lda: Local; ldb: Local; ldc: Local; beta: Local; pack: Local; packA: Local;
  i: Local; j: Local; p: Local; pa: Local[]; pb: Local;
}

const bytes = (x: Code): Code => i32.shl(x, i32.const(2));

/** Pointer to op(A)[i + r][0]: row i + r of A, or column i + r of the stored Aᵀ. */
const aStart = (x: Ctx, r: number): Code =>
  i32.add(get(x.a), bytes(x.trans ? i32.add(get(x.i), i32.const(r)) : i32.mul(i32.add(get(x.i), i32.const(r)), get(x.lda))));
/** Bytes from op(A)[·][p] to op(A)[·][p + 1] in A itself. */
const aStep = (x: Ctx): Code => (x.trans ? bytes(get(x.lda)) : i32.const(4));

/** The tile of rows i..i+R, vector columns j..j+4W: accumulate over k in registers, then store (adding C if beta). */
function tile(x: Ctx, R: number, W: number): Code {
  const acc = Array.from({ length: R }, () => Array.from({ length: W }, () => x.f.local('v128')));
  const bv = Array.from({ length: W }, () => x.f.local('v128'));
  const av = x.f.local('v128');
  const col = x.f.local('v128');
  const vectorA = x.trans && R === 4; // a packed strip of Aᵀ: one load and four lane broadcasts per step
  const pas = vectorA ? x.pa.slice(0, 1) : x.pa.slice(0, R);
  const aOf = (r: number): Code => (vectorA ? broadcastLane(get(col), r) : v128.load32Splat(get(x.pa[r]!)));
  const step = seq(
    ...bv.map((b, w) => set(b, v128.load(get(x.pb), 16 * w))),
    ...(vectorA ? [set(col, v128.load(get(x.pa[0]!)))] : []),
    ...acc.flatMap((row, r) => [set(av, aOf(r)), ...row.map((l, w) => set(l, f32x4.add(get(l), f32x4.mul(get(av), get(bv[w]!)))))]),
    ...pas.map((pa) => set(pa, i32.add(get(pa), vectorA ? i32.const(16) : aStep(x)))),
    set(x.pb, i32.add(get(x.pb), i32.const(16 * W))), // the packed panel's next row
  );
  const store = acc.flatMap((row, r) =>
    row.map((l, w) => {
      const addr = i32.add(get(x.c), bytes(i32.add(i32.mul(i32.add(get(x.i), i32.const(r)), get(x.ldc)), i32.add(get(x.j), i32.const(4 * w)))));
      return when(get(x.beta), [v128.store(addr, f32x4.add(v128.load(addr), get(l)))], [v128.store(addr, get(l))]);
    }),
  );
  return seq(
    ...acc.flat().map((l) => set(l, f32x4.const(0))),
    ...pas.map((pa, r) => set(pa, vectorA ? get(x.packA) : aStart(x, r))),
    set(x.pb, i32.add(get(x.pack), bytes(i32.mul(get(x.j), i32.const(x.KC))))), // panel j/8 starts at j·KC floats
    // the panel pointer is the loop counter: one add fewer per step
    set(x.p, i32.add(get(x.pb), i32.mul(get(x.k), i32.const(16 * W)))),
    block(loop(brIf(1, i32.geS(get(x.pb), get(x.p))), step, br(0))),
    ...store,
  );
}

/** Copy columns [from, to) of this block's k rows of B into panels of `width` columns at pack + from·KC floats. */
function packB(x: Ctx, from: Code, to: Code, width: number): Code {
  const [q, src, dst] = [x.f.local('i32'), x.f.local('i32'), x.f.local('i32')];
  return forRange(q, from, to, width,
    set(src, i32.add(get(x.b), bytes(get(q)))),
    set(dst, i32.add(get(x.pack), bytes(i32.mul(get(q), i32.const(x.KC))))),
    forRange(x.p, i32.const(0), get(x.k), 1,
      ...Array.from({ length: width / 4 }, (_, w) => v128.store(get(dst), v128.load(get(src), 16 * w), 16 * w)),
      set(src, i32.add(get(src), bytes(get(x.ldb)))),
      set(dst, i32.add(get(dst), i32.const(4 * width))),
    ),
  );
}

/** Copy Aᵀ's 4-row strip at i (4 floats of each of this block's k rows of A) to packA. */
function packStrip(x: Ctx): Code {
  const [src, dst] = [x.f.local('i32'), x.f.local('i32')];
  return seq(
    set(src, aStart(x, 0)),
    set(dst, get(x.packA)),
    forRange(x.p, i32.const(0), get(x.k), 1,
      v128.store(get(dst), v128.load(get(src))),
      set(src, i32.add(get(src), bytes(get(x.lda)))),
      set(dst, i32.add(get(dst), i32.const(16))),
    ),
  );
}

/** Scalar C[i][j] for the last m % 4 columns. */
function scalarCell(x: Ctx): Code {
  const s = x.f.local('f32');
  const aAt = i32.add(get(x.a), bytes(x.trans ? i32.add(i32.mul(get(x.p), get(x.lda)), get(x.i)) : i32.add(i32.mul(get(x.i), get(x.lda)), get(x.p))));
  const bAt = i32.add(get(x.b), bytes(i32.add(i32.mul(get(x.p), get(x.ldb)), get(x.j))));
  const cAt = i32.add(get(x.c), bytes(i32.add(i32.mul(get(x.i), get(x.ldc)), get(x.j))));
  return seq(
    set(s, f32.const(0)),
    forRange(x.p, i32.const(0), get(x.k), 1, set(s, f32.add(get(s), f32.mul(f32.load(aAt), f32.load(bAt))))),
    when(get(x.beta), [f32.store(cAt, f32.add(f32.load(cAt), get(s)))], [f32.store(cAt, get(s))]),
  );
}

/**
 * gemmPacked / gemmTNPacked (a, b, c, n, k, m, lda, ldb, ldc, beta, pack): pointers in bytes, sizes and strides in
 * floats, beta 0 (C = product) or 1 (C += product), pack: scratch for KC·(m + 4) floats (kernels.ts supplies it).
 */
function gemmOf(name: string, trans: boolean, KC: number): FuncDef {
  const f = new Fn(name, ['a0', 'b0', 'c', 'n', 'k0', 'm', 'lda', 'ldb', 'ldc', 'beta0', 'pack']);
  const { a0, b0, c, n, k0, m, lda, ldb, ldc, beta0, pack } = f.p as Record<string, Local>;
  const [a, b, k, beta, p0, j8, j4, packA] = f.locals('i32', 8);
  const x: Ctx = {
    f, trans, KC, a, b, c: c!, k, lda: lda!, ldb: ldb!, ldc: ldc!, beta, pack: pack!, packA,
    i: f.local('i32'), j: f.local('i32'), p: f.local('i32'), pa: f.locals('i32', 4), pb: f.local('i32'),
  };
  const colsOf = (R: number): Code =>
    seq(forRange(x.j, i32.const(0), get(j8), 8, tile(x, R, 2)), forRange(x.j, get(j8), get(j4), 4, tile(x, R, 1)));
  // one block of KC steps of k: B packed, then every 4-row strip of op(A) against all of B's panels, then the edges
  const block = seq(
    packB(x, i32.const(0), get(j8), 8),
    packB(x, get(j8), get(j4), 4),
    forRange(x.i, i32.const(0), i32.sub(get(n!), i32.const(3)), 4, ...(trans ? [packStrip(x)] : []), colsOf(4)), // i + 4 <= n
    forRange(x.i, i32.and(get(n!), i32.const(~3)), get(n!), 1, colsOf(1)),
    forRange(x.j, get(j4), get(m!), 1, forRange(x.i, i32.const(0), get(n!), 1, scalarCell(x))),
  );
  const aStepK = trans ? i32.mul(get(lda!), i32.const(4 * KC)) : i32.const(4 * KC);
  return f.def(
    set(j8, i32.and(get(m!), i32.const(~7))),
    set(j4, i32.and(get(m!), i32.const(~3))),
    set(packA, i32.add(get(pack!), bytes(i32.mul(get(j4), i32.const(KC))))), // after B's panels
    set(a, get(a0!)), set(b, get(b0!)), set(beta, get(beta0!)),
    forRange(p0, i32.const(0), get(k0!), KC,
      set(k, i32.sub(get(k0!), get(p0))),
      when(i32.gtS(get(k), i32.const(KC)), [set(k, i32.const(KC))]),
      block,
      set(beta, i32.const(1)), // later blocks add to C
      set(a, i32.add(get(a), aStepK)),
      set(b, i32.add(get(b), i32.mul(get(ldb!), i32.const(4 * KC)))),
    ),
  );
}

/**
 * KC of gemm and gemmTN: a block of B (KC × m floats) and a strip of A stay in cache. Measured at the step's
 * shapes: unblocked, gemmTN over k = 2944 (a weight gradient over every token) streamed A's and B's rows from L2 at
 * 5-9 GFLOP/s; blocks of 64 gave 17-27 before packing; with packing, 32-256 are within 10%, 128 the best or near it.
 */
export const GEMM_KC = 128;
export const GEMM_TN_KC = 128;

/** For benchmarks: both products with one KC. */
export const gemmDefsKC = (kc: number): FuncDef[] => [gemmOf('gemmPacked', false, kc), gemmOf('gemmTNPacked', true, kc)];

export const gemmDefs = (): FuncDef[] => [gemmOf('gemmPacked', false, GEMM_KC), gemmOf('gemmTNPacked', true, GEMM_TN_KC)];
