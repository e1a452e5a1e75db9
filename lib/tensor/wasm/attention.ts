import { f32, f32x4, Fn, forRange, get, i32, i32x4, seq, set, v128, when, type Code, type Local } from './asm';
import type { FuncDef } from './encode';
import { exp4, hmax, hsum } from './simd';

/*
 * Causal attention over left-padded rows, one (row b, head h, query t) at a time, SIMD along the head width hs (a
 * multiple of 4). Query t sits at position t + off and sees keys s with pads[b] ≤ s ≤ t + off (row b's padding is
 * its first pads[b] positions). A query on padding sees nothing and gets y = 0 (its outputs are masked out
 * downstream). Tensors are blocks of (B, T, D) rows: element (b, t, h, c) of q is at q + b·qsB + t·rs + h·hs + c
 * (in floats); keys and values use ksB, outputs ysB, all the row stride rs. The forward pass keeps the
 * probabilities (B, H, Tq, Tk) for the backward pass when `probs` is not 0; its `scratch` holds Tk + 4 floats.
 */

const at = (base: Code, floatIndex: Code): Code => i32.add(base, i32.shl(floatIndex, i32.const(2)));

/** dot(x[0..hs), y[0..hs)) of two float rows. */
function dot(f: Fn, x: Local, y: Local, hs: Local, c: Local): Code {
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
function dot4(f: Fn, x: Local, y: Local, stride: Local, hs: Local, c: Local): Code {
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

interface Ctx {
  f: Fn;
  P: Record<string, Local>;
  b: Local; h: Local; t: Local; s: Local; c: Local; pad: Local; hi: Local;
}

function context(f: Fn): Ctx {
  const l = (): Local => f.local('i32');
  return { f, P: f.p as Record<string, Local>, b: l(), h: l(), t: l(), s: l(), c: l(), pad: l(), hi: l() };
}

/** Address of element (b, t, h, 0) of a (B, T, D) block with batch stride `batchStride`. */
const rowOf = (x: Ctx, base: Local, batchStride: Local, t: Code): Code =>
  at(get(base), i32.add(i32.add(i32.mul(get(x.b), get(batchStride)), i32.mul(t, get(x.P.rs!))), i32.mul(get(x.h), get(x.P.hs!))));

/** for s in [pad, hi] */
const overKeys = (x: Ctx, step: number, ...body: Code[]): Code => forRange(x.s, get(x.pad), i32.add(get(x.hi), i32.const(1)), step, ...body);

/** scratch[s] = softmax over s ∈ [pad, hi] of scale · q·k_s (four keys at a time, then the rest one by one). */
function softmaxRow(x: Ctx, qp: Local, kb: Local): Code {
  const { f, P } = x;
  const [kp, stride] = [f.local('i32'), f.local('i32')];
  const [mx, inv] = [f.local('f32'), f.local('f32')];
  const [mx4, sum4, e4, d4] = f.locals('v128', 4);
  const sc = (s: Code): Code => at(get(P.scratch!), s);
  const pastHi = i32x4.gtS(i32x4.add(i32x4.splat(get(x.s)), i32x4.lanes(0, 1, 2, 3)), i32x4.splat(get(x.hi)));
  const keyAt = (s: Code): Code => at(get(kb), i32.mul(s, get(P.rs!)));
  return seq(
    set(stride, i32.shl(get(P.rs!), i32.const(2))),
    set(mx4, f32x4.const(-3.4e38)),
    set(x.s, get(x.pad)),
    forRange(x.s, get(x.pad), i32.sub(get(x.hi), i32.const(2)), 4, // s + 3 <= hi
      set(kp, keyAt(get(x.s))),
      set(d4, f32x4.mul(dot4(f, qp, kp, stride, P.hs!, x.c), f32x4.splat(get(P.scale!)))),
      v128.store(sc(get(x.s)), get(d4)),
      set(mx4, f32x4.max(get(mx4), get(d4))),
    ),
    set(mx, hmax(f, get(mx4))),
    // the last (hi − pad + 1) mod 4 keys; x.s is where the loop above stopped
    forRange(x.s, i32.add(get(x.pad), i32.and(i32.sub(i32.add(get(x.hi), i32.const(1)), get(x.pad)), i32.const(~3))), i32.add(get(x.hi), i32.const(1)), 1,
      set(kp, keyAt(get(x.s))),
      f32.store(sc(get(x.s)), f32.mul(dot(f, qp, kp, P.hs!, x.c), get(P.scale!))),
      set(mx, f32.max(get(mx), f32.load(sc(get(x.s))))),
    ),
    set(mx4, f32x4.splat(get(mx))),
    set(sum4, f32x4.const(0)),
    // four keys at a time; lanes past hi read stale scratch and are zeroed
    overKeys(x, 4,
      set(e4, v128.andnot(exp4(f, f32x4.sub(v128.load(sc(get(x.s))), get(mx4))), pastHi)),
      v128.store(sc(get(x.s)), get(e4)),
      set(sum4, f32x4.add(get(sum4), get(e4))),
    ),
    set(inv, f32.div(f32.const(1), hsum(f, get(sum4)))),
    set(e4, f32x4.splat(get(inv))),
    overKeys(x, 4, v128.store(sc(get(x.s)), f32x4.mul(v128.load(sc(get(x.s))), get(e4)))),
  );
}

const zeroRow = (x: Ctx, base: Local, len: Code): Code => forRange(x.c, i32.const(0), len, 1, f32.store(at(get(base), get(x.c)), f32.const(0)));

function forward(): FuncDef {
  const f = new Fn('attend', ['q', 'k', 'v', 'y', 'probs', 'pads', 'B', 'H', 'hs', 'Tq', 'Tk', 'qsB', 'ksB', 'ysB', 'rs', 'off', 'scale', 'scratch'], [], { scale: 'f32' });
  const x = context(f);
  const P = x.P;
  const [qp, kb, vb, yp, pp] = f.locals('i32', 5);
  const acc = f.local('v128');
  const sc = (s: Code): Code => at(get(P.scratch!), s);
  // y = Σ p_s v_s: 16 floats of y in four registers per pass over the keys, then 4-float chunks
  const acc4 = f.locals('v128', 4);
  const [p4, vs] = [f.local('v128'), f.local('i32')];
  const chunk = (width: number): Code =>
    seq(
      ...acc4.slice(0, width / 4).map((l) => set(l, f32x4.const(0))),
      overKeys(x, 1,
        set(p4, v128.load32Splat(sc(get(x.s)))),
        set(vs, at(get(vb), i32.add(i32.mul(get(x.s), get(P.rs!)), get(x.c)))),
        ...acc4.slice(0, width / 4).map((l, k) => set(l, f32x4.add(get(l), f32x4.mul(get(p4), v128.load(get(vs), 16 * k))))),
      ),
      ...acc4.slice(0, width / 4).map((l, k) => v128.store(at(get(yp), get(x.c)), get(l), 16 * k)),
    );
  const weighted = seq(
    forRange(x.c, i32.const(0), i32.sub(get(P.hs!), i32.const(15)), 16, chunk(16)), // c + 16 <= hs
    forRange(x.c, i32.and(get(P.hs!), i32.const(~15)), get(P.hs!), 4, chunk(4)),
  );
  void acc;
  const keepProbs = when(get(P.probs!), [zeroRow(x, pp, get(P.Tk!)), overKeys(x, 1, f32.store(at(get(pp), get(x.s)), f32.load(sc(get(x.s)))))]);
  const tp = i32.add(get(x.t), get(P.off!));
  const probsRow = at(get(P.probs!), i32.mul(i32.add(i32.mul(i32.add(i32.mul(get(x.b), get(P.H!)), get(x.h)), get(P.Tq!)), get(x.t)), get(P.Tk!)));
  return f.def(
    forRange(x.b, i32.const(0), get(P.B!), 1,
      set(x.pad, i32.load(at(get(P.pads!), get(x.b)))),
      forRange(x.h, i32.const(0), get(P.H!), 1,
        set(kb, rowOf(x, P.k!, P.ksB!, i32.const(0))),
        set(vb, rowOf(x, P.v!, P.ksB!, i32.const(0))),
        forRange(x.t, i32.const(0), get(P.Tq!), 1,
          set(qp, rowOf(x, P.q!, P.qsB!, get(x.t))),
          set(yp, rowOf(x, P.y!, P.ysB!, get(x.t))),
          set(pp, probsRow),
          when(i32.ltS(tp, get(x.pad)),
            [zeroRow(x, yp, get(P.hs!)), when(get(P.probs!), [zeroRow(x, pp, get(P.Tk!))])],
            [set(x.hi, tp), softmaxRow(x, qp, kb), keepProbs, weighted]),
        ),
      ),
    ),
  );
}

/**
 * Gradients of a forward pass of `attend` (same shapes and strides; q, dy and dq use qsB, k, v, dk and dv use
 * ksB): with p the kept probabilities and dA_s = dy·v_s, dS_s = p_s (dA_s − Σ p dA) · scale; dq += Σ_s dS k_s,
 * dk_s += Σ_t dS q_t, dv_s += Σ_t p dy_t, adding to what dq, dk, dv hold. Two passes per (row, head): over queries
 * (dS into `scratch`, Tq·(Tk + 4) floats, and dq) and over keys (dk, dv), each sum kept in registers 16 floats at a
 * time rather than read and written back once per (query, key) pair.
 */
function backward(): FuncDef {
  const names = ['q', 'k', 'v', 'probs', 'dy', 'dq', 'dk', 'dv', 'pads', 'B', 'H', 'hs', 'Tq', 'Tk', 'qsB', 'ksB', 'rs', 'off', 'scale', 'scratch'];
  const f = new Fn('attendGrad', names, [], { scale: 'f32' });
  const x = context(f);
  const P = x.P;
  const [dyp, pp, vp, dsRow, stride, lo, ptr] = f.locals('i32', 7);
  const sum = f.local('f32');
  const [sum4, dA4, w4] = f.locals('v128', 3);
  const acc = f.locals('v128', 8);
  const dsAt = (t: Code, s: Code): Code => at(get(P.scratch!), i32.add(i32.mul(t, i32.add(get(P.Tk!), i32.const(4))), s));
  const probAt = (t: Code, s: Code): Code => at(get(P.probs!), i32.add(i32.mul(i32.add(i32.mul(i32.add(i32.mul(get(x.b), get(P.H!)), get(x.h)), get(P.Tq!)), t), get(P.Tk!)), s));
  const key = (base: Local, s: Code): Code => at(rowOf(x, base, P.ksB!, i32.const(0)), i32.mul(s, get(P.rs!)));
  const query = (base: Local, t: Code): Code => rowOf(x, base, P.qsB!, t);
  const tp = i32.add(get(x.t), get(P.off!));

  /** Σ over `idx` in [from, to) of weight(idx) · row(idx)[c..c+width) added into dst[c..): registers, one store. */
  const accumulate = (idx: Local, from: Code, to: Code, weight: (i: Code) => Code, row: (i: Code) => Code, dst: Code, width: number, set0: number): Code => {
    const regs = acc.slice(set0, set0 + width / 4);
    return seq(
      ...regs.map((l) => set(l, f32x4.const(0))),
      forRange(idx, from, to, 1,
        set(w4, v128.load32Splat(weight(get(idx)))),
        set(ptr, at(row(get(idx)), get(x.c))),
        ...regs.map((l, k) => set(l, f32x4.add(get(l), f32x4.mul(get(w4), v128.load(get(ptr), 16 * k))))),
      ),
      set(ptr, at(dst, get(x.c))),
      ...regs.map((l, k) => v128.store(get(ptr), f32x4.add(v128.load(get(ptr), 16 * k), get(l)), 16 * k)),
    );
  };
  const chunks = (body: (width: number) => Code): Code =>
    seq(
      forRange(x.c, i32.const(0), i32.sub(get(P.hs!), i32.const(15)), 16, body(16)), // c + 16 <= hs
      forRange(x.c, i32.and(get(P.hs!), i32.const(~15)), get(P.hs!), 4, body(4)),
    );

  // pass 1, query t: dA four keys at a time then the rest, sum = Σ p dA, dS in place of dA, then dq_t
  const perQuery = seq(
    set(x.hi, tp),
    set(dyp, query(P.dy!, get(x.t))),
    set(pp, probAt(get(x.t), i32.const(0))),
    set(dsRow, dsAt(get(x.t), i32.const(0))),
    set(sum4, f32x4.const(0)),
    forRange(x.s, get(x.pad), i32.sub(get(x.hi), i32.const(2)), 4, // s + 3 <= hi
      set(vp, key(P.v!, get(x.s))),
      set(dA4, dot4(f, dyp, vp, stride, P.hs!, x.c)),
      v128.store(at(get(dsRow), get(x.s)), get(dA4)),
      set(sum4, f32x4.add(get(sum4), f32x4.mul(get(dA4), v128.load(at(get(pp), get(x.s)))))),
    ),
    set(sum, hsum(f, get(sum4))),
    forRange(x.s, i32.add(get(x.pad), i32.and(i32.sub(i32.add(get(x.hi), i32.const(1)), get(x.pad)), i32.const(~3))), i32.add(get(x.hi), i32.const(1)), 1,
      set(vp, key(P.v!, get(x.s))),
      f32.store(at(get(dsRow), get(x.s)), dot(f, dyp, vp, P.hs!, x.c)),
      set(sum, f32.add(get(sum), f32.mul(f32.load(at(get(pp), get(x.s))), f32.load(at(get(dsRow), get(x.s)))))),
    ),
    overKeys(x, 1,
      set(ptr, at(get(dsRow), get(x.s))),
      f32.store(get(ptr), f32.mul(f32.mul(f32.load(at(get(pp), get(x.s))), f32.sub(f32.load(get(ptr)), get(sum))), get(P.scale!))),
    ),
    chunks((w) => accumulate(x.s, get(x.pad), i32.add(get(x.hi), i32.const(1)), (s) => at(get(dsRow), s), (s) => key(P.k!, s), query(P.dq!, get(x.t)), w, 0)),
  );
  // pass 2, key s: the queries that see it are t ≥ lo = max(0, s − off, pad − off)
  const perKey = seq(
    set(lo, i32.sub(get(x.s), get(P.off!))),
    when(i32.ltS(get(lo), i32.const(0)), [set(lo, i32.const(0))]),
    chunks((w) => seq(
      accumulate(x.t, get(lo), get(P.Tq!), (t) => dsAt(t, get(x.s)), (t) => query(P.q!, t), key(P.dk!, get(x.s)), w, 0),
      accumulate(x.t, get(lo), get(P.Tq!), (t) => probAt(t, get(x.s)), (t) => query(P.dy!, t), key(P.dv!, get(x.s)), w, 4),
    )),
  );
  return f.def(
    set(stride, i32.shl(get(P.rs!), i32.const(2))),
    forRange(x.b, i32.const(0), get(P.B!), 1,
      set(x.pad, i32.load(at(get(P.pads!), get(x.b)))),
      forRange(x.h, i32.const(0), get(P.H!), 1,
        forRange(x.t, i32.const(0), get(P.Tq!), 1, when(i32.geS(tp, get(x.pad)), [perQuery])),
        forRange(x.s, get(x.pad), get(P.Tk!), 1, perKey),
      ),
    ),
  );
}

export const attentionDefs = (): FuncDef[] => [forward(), backward()];
