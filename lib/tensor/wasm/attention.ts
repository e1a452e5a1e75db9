import { f32, f32x4, Fn, forRange, get, i32, i32x4, seq, set, v128, when, type Code, type Local } from './asm';
import { at, context, dot, dot4, overKeys, rowOf, tailKeys, type Ctx } from './attention-parts';
import { backward } from './attention-grad';
import type { FuncDef } from './encode';
import { exp4, hmax, hsum } from './simd';

/*
 * Causal attention over left-padded rows, one (row b, head h, query t) at a time, SIMD along the head width hs (a
 * multiple of 4). Query t sits at position t + off and sees keys s with pads[b] ≤ s ≤ t + off (row b's padding is
 * its first pads[b] positions). A query on padding sees nothing and gets y = 0 (its outputs are masked out
 * downstream). Tensors are blocks of (B, T, D) rows: element (b, t, h, c) of q is at q + b·qsB + t·rs + h·hs + c
 * (in floats); keys and values use ksB, outputs ysB, all the row stride rs. The forward pass keeps the
 * probabilities (B, H, Tq, Tk) for the backward pass (attention-grad.ts) when `probs` is not 0; its `scratch`
 * holds Tk + 4 floats.
 */

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
    tailKeys(x,
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

export const attentionDefs = (): FuncDef[] => [forward(), backward()];
