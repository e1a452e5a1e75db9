import { f32, f32x4, Fn, forRange, get, i32, seq, set, v128, when, type Code, type Local } from './asm';
import { at, context, dot, dot4, overKeys, rowOf, tailKeys, type Ctx } from './attention-parts';
import type { FuncDef } from './encode';
import { hsum } from './simd';

/*
 * Gradients of a forward pass of `attend` (attention.ts; same shapes and strides: q, dy and dq use qsB, k, v, dk
 * and dv use ksB): with p the kept probabilities and dA_s = dy·v_s, dS_s = p_s (dA_s − Σ p dA) · scale;
 * dq += Σ_s dS k_s, dk_s += Σ_t dS q_t, dv_s += Σ_t p dy_t, adding to what dq, dk, dv hold. Two passes per (row,
 * head): over queries (dS into `scratch`, Tq·(Tk + 4) floats, and dq) and over keys (dk, dv), each sum kept in
 * registers 16 floats at a time rather than read and written back once per (query, key) pair.
 */

interface Grad extends Ctx {
  dyp: Local; pp: Local; vp: Local; dsRow: Local; stride: Local; lo: Local; ptr: Local;
  sum: Local; sum4: Local; dA4: Local; w4: Local; acc: Local[];
}

const dsAt = (g: Grad, t: Code, s: Code): Code => at(get(g.P.scratch!), i32.add(i32.mul(t, i32.add(get(g.P.Tk!), i32.const(4))), s));
const probAt = (g: Grad, t: Code, s: Code): Code =>
  at(get(g.P.probs!), i32.add(i32.mul(i32.add(i32.mul(i32.add(i32.mul(get(g.b), get(g.P.H!)), get(g.h)), get(g.P.Tq!)), t), get(g.P.Tk!)), s));
const key = (g: Grad, base: Local, s: Code): Code => at(rowOf(g, base, g.P.ksB!, i32.const(0)), i32.mul(s, get(g.P.rs!)));
const query = (g: Grad, base: Local, t: Code): Code => rowOf(g, base, g.P.qsB!, t);

/** Σ over idx in [from, to) of weight(idx) · row(idx)[c..c+width) added into dst[c..): in registers, one store. */
function accumulate(g: Grad, idx: Local, from: Code, to: Code, weight: (i: Code) => Code, row: (i: Code) => Code, dst: Code, width: number, firstReg: number): Code {
  const regs = g.acc.slice(firstReg, firstReg + width / 4);
  return seq(
    ...regs.map((l) => set(l, f32x4.const(0))),
    forRange(idx, from, to, 1,
      set(g.w4, v128.load32Splat(weight(get(idx)))),
      set(g.ptr, at(row(get(idx)), get(g.c))),
      ...regs.map((l, k) => set(l, f32x4.add(get(l), f32x4.mul(get(g.w4), v128.load(get(g.ptr), 16 * k))))),
    ),
    set(g.ptr, at(dst, get(g.c))),
    ...regs.map((l, k) => v128.store(get(g.ptr), f32x4.add(v128.load(get(g.ptr), 16 * k), get(l)), 16 * k)),
  );
}

/** body(width) over the head width: 16-float chunks, then 4-float ones. */
const chunks = (g: Grad, body: (width: number) => Code): Code =>
  seq(
    forRange(g.c, i32.const(0), i32.sub(get(g.P.hs!), i32.const(15)), 16, body(16)), // c + 16 <= hs
    forRange(g.c, i32.and(get(g.P.hs!), i32.const(~15)), get(g.P.hs!), 4, body(4)),
  );

/** Query t: dA four keys at a time then the rest, sum = Σ p dA, dS in place of dA, then dq_t. */
function queryPass(g: Grad): Code {
  const { P, f } = g;
  return seq(
    set(g.hi, i32.add(get(g.t), get(P.off!))),
    set(g.dyp, query(g, P.dy!, get(g.t))),
    set(g.pp, probAt(g, get(g.t), i32.const(0))),
    set(g.dsRow, dsAt(g, get(g.t), i32.const(0))),
    set(g.sum4, f32x4.const(0)),
    forRange(g.s, get(g.pad), i32.sub(get(g.hi), i32.const(2)), 4, // s + 3 <= hi
      set(g.vp, key(g, P.v!, get(g.s))),
      set(g.dA4, dot4(f, g.dyp, g.vp, g.stride, P.hs!, g.c)),
      v128.store(at(get(g.dsRow), get(g.s)), get(g.dA4)),
      set(g.sum4, f32x4.add(get(g.sum4), f32x4.mul(get(g.dA4), v128.load(at(get(g.pp), get(g.s)))))),
    ),
    set(g.sum, hsum(f, get(g.sum4))),
    tailKeys(g,
      set(g.vp, key(g, P.v!, get(g.s))),
      f32.store(at(get(g.dsRow), get(g.s)), dot(f, g.dyp, g.vp, P.hs!, g.c)),
      set(g.sum, f32.add(get(g.sum), f32.mul(f32.load(at(get(g.pp), get(g.s))), f32.load(at(get(g.dsRow), get(g.s)))))),
    ),
    overKeys(g, 1,
      set(g.ptr, at(get(g.dsRow), get(g.s))),
      f32.store(get(g.ptr), f32.mul(f32.mul(f32.load(at(get(g.pp), get(g.s))), f32.sub(f32.load(get(g.ptr)), get(g.sum))), get(P.scale!))),
    ),
    chunks(g, (w) => accumulate(g, g.s, get(g.pad), i32.add(get(g.hi), i32.const(1)), (s) => at(get(g.dsRow), s), (s) => key(g, P.k!, s), query(g, P.dq!, get(g.t)), w, 0)),
  );
}

/** Key s: dk_s and dv_s over the queries that see it, t ≥ lo = max(0, s − off) (s ≥ pad, so t + off ≥ pad). */
function keyPass(g: Grad): Code {
  const { P } = g;
  return seq(
    set(g.lo, i32.sub(get(g.s), get(P.off!))),
    when(i32.ltS(get(g.lo), i32.const(0)), [set(g.lo, i32.const(0))]),
    chunks(g, (w) =>
      seq(
        accumulate(g, g.t, get(g.lo), get(P.Tq!), (t) => dsAt(g, t, get(g.s)), (t) => query(g, P.q!, t), key(g, P.dk!, get(g.s)), w, 0),
        accumulate(g, g.t, get(g.lo), get(P.Tq!), (t) => probAt(g, t, get(g.s)), (t) => query(g, P.dy!, t), key(g, P.dv!, get(g.s)), w, 4),
      ),
    ),
  );
}

export function backward(): FuncDef {
  const names = ['q', 'k', 'v', 'probs', 'dy', 'dq', 'dk', 'dv', 'pads', 'B', 'H', 'hs', 'Tq', 'Tk', 'qsB', 'ksB', 'rs', 'off', 'scale', 'scratch'];
  const f = new Fn('attendGrad', names, [], { scale: 'f32' });
  const [dyp, pp, vp, dsRow, stride, lo, ptr] = f.locals('i32', 7);
  const [sum4, dA4, w4] = f.locals('v128', 3);
  const g: Grad = { ...context(f), dyp, pp, vp, dsRow, stride, lo, ptr, sum: f.local('f32'), sum4, dA4, w4, acc: f.locals('v128', 8) };
  const P = g.P;
  return f.def(
    set(g.stride, i32.shl(get(P.rs!), i32.const(2))),
    forRange(g.b, i32.const(0), get(P.B!), 1,
      set(g.pad, i32.load(at(get(P.pads!), get(g.b)))),
      forRange(g.h, i32.const(0), get(P.H!), 1,
        forRange(g.t, i32.const(0), get(P.Tq!), 1, when(i32.geS(i32.add(get(g.t), get(P.off!)), get(g.pad)), [queryPass(g)])),
        forRange(g.s, get(g.pad), get(P.Tk!), 1, keyPass(g)),
      ),
    ),
  );
}
