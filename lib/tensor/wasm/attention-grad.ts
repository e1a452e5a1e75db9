import { f32, f32x4, Fn, forRange, get, i32, seq, set, v128, when, type Code, type Local } from './asm';
import { at, context, dot, dot4, overKeys, rowOf, tailKeys } from './attention-parts';
import type { FuncDef } from './encode';
import { hsum } from './simd';

/**
 * Gradients of a forward pass of `attend` (same shapes and strides; q, dy and dq use qsB, k, v, dk and dv use
 * ksB): with p the kept probabilities and dA_s = dy·v_s, dS_s = p_s (dA_s − Σ p dA) · scale; dq += Σ_s dS k_s,
 * dk_s += Σ_t dS q_t, dv_s += Σ_t p dy_t, adding to what dq, dk, dv hold. Two passes per (row, head): over queries
 * (dS into `scratch`, Tq·(Tk + 4) floats, and dq) and over keys (dk, dv), each sum kept in registers 16 floats at a
 * time rather than read and written back once per (query, key) pair.
 */
export function backward(): FuncDef {
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
    tailKeys(x,
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
