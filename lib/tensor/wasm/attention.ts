import { f32, f32x4, Fn, forRange, get, i32, i32x4, seq, set, v128, when, type Code, type Local } from './asm';
import type { FuncDef } from './encode';
import { exp4, hsum } from './simd';

/*
 * Causal attention over left-padded rows, one (row b, head h, query t) at a time, SIMD along the head width hs (a
 * multiple of 4). Query t sits at position t + off and sees keys s with pads[b] ≤ s ≤ t + off (row b's padding is
 * its first pads[b] positions). A query on padding sees nothing and gets y = 0 (its outputs are masked out
 * downstream). Tensors are blocks of (B, T, D) rows: element (b, t, h, c) of q is at q + b·qsB + t·rs + h·hs + c
 * (in floats); keys and values use ksB, outputs ysB, all the row stride rs. The forward pass keeps the
 * probabilities (B, H, Tq, Tk) for the backward pass when `probs` is not 0; `scratch` holds Tk + 4 floats.
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

/** scratch[s] = softmax over s ∈ [pad, hi] of scale · q·k_s. */
function softmaxRow(x: Ctx, qp: Local, kb: Local): Code {
  const { f, P } = x;
  const kp = f.local('i32');
  const [mx, inv] = [f.local('f32'), f.local('f32')];
  const [mx4, sum4, e4] = [f.local('v128'), f.local('v128'), f.local('v128')];
  const sc = (s: Code): Code => at(get(P.scratch!), s);
  const pastHi = i32x4.gtS(i32x4.add(i32x4.splat(get(x.s)), i32x4.lanes(0, 1, 2, 3)), i32x4.splat(get(x.hi)));
  return seq(
    set(mx, f32.const(-3.4e38)),
    overKeys(x, 1,
      set(kp, at(get(kb), i32.mul(get(x.s), get(P.rs!)))),
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
    overKeys(x, 1, f32.store(sc(get(x.s)), f32.mul(f32.load(sc(get(x.s))), get(inv)))),
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
  const weighted = forRange(x.c, i32.const(0), get(P.hs!), 4,
    set(acc, f32x4.const(0)),
    overKeys(x, 1, set(acc, f32x4.add(get(acc), f32x4.mul(v128.load32Splat(sc(get(x.s))), v128.load(at(get(vb), i32.add(i32.mul(get(x.s), get(P.rs!)), get(x.c)))))))),
    v128.store(at(get(yp), get(x.c)), get(acc)),
  );
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
 * ksB): with p the kept probabilities and dA_s = dy·v_s, dS_s = p_s (dA_s − Σ p dA) · scale; dq += Σ dS_s k_s,
 * dk_s += dS_s q, dv_s += p_s dy. dq, dk, dv must start at zero (or hold gradients to add to).
 */
function backward(): FuncDef {
  const names = ['q', 'k', 'v', 'probs', 'dy', 'dq', 'dk', 'dv', 'pads', 'B', 'H', 'hs', 'Tq', 'Tk', 'qsB', 'ksB', 'rs', 'off', 'scale', 'scratch'];
  const f = new Fn('attendGrad', names, [], { scale: 'f32' });
  const x = context(f);
  const P = x.P;
  const [qp, dyp, dqp, pp, kp, vp, dkp, dvp] = f.locals('i32', 8);
  const [sum, ds, p] = [f.local('f32'), f.local('f32'), f.local('f32')];
  const [ds4, p4] = [f.local('v128'), f.local('v128')];
  const sc = (s: Code): Code => at(get(P.scratch!), s);
  const key = (base: Local): Code => at(rowOf(x, base, P.ksB!, i32.const(0)), i32.mul(get(x.s), get(P.rs!)));
  const addInto = (dst: Local, v: Code): Code => v128.store(at(get(dst), get(x.c)), f32x4.add(v128.load(at(get(dst), get(x.c))), v));
  const perKey = seq(
    set(kp, key(P.k!)), set(vp, key(P.v!)), set(dkp, key(P.dk!)), set(dvp, key(P.dv!)),
    set(p, f32.load(at(get(pp), get(x.s)))),
    set(ds, f32.mul(f32.mul(get(p), f32.sub(f32.load(sc(get(x.s))), get(sum))), get(P.scale!))),
    set(ds4, f32x4.splat(get(ds))),
    set(p4, f32x4.splat(get(p))),
    forRange(x.c, i32.const(0), get(P.hs!), 4,
      addInto(dqp, f32x4.mul(get(ds4), v128.load(at(get(kp), get(x.c))))),
      addInto(dkp, f32x4.mul(get(ds4), v128.load(at(get(qp), get(x.c))))),
      addInto(dvp, f32x4.mul(get(p4), v128.load(at(get(dyp), get(x.c))))),
    ),
  );
  const tp = i32.add(get(x.t), get(P.off!));
  return f.def(
    forRange(x.b, i32.const(0), get(P.B!), 1,
      set(x.pad, i32.load(at(get(P.pads!), get(x.b)))),
      forRange(x.h, i32.const(0), get(P.H!), 1,
        forRange(x.t, i32.const(0), get(P.Tq!), 1,
          when(i32.geS(tp, get(x.pad)), [
            set(x.hi, tp),
            set(qp, rowOf(x, P.q!, P.qsB!, get(x.t))),
            set(dyp, rowOf(x, P.dy!, P.qsB!, get(x.t))),
            set(dqp, rowOf(x, P.dq!, P.qsB!, get(x.t))),
            set(pp, at(get(P.probs!), i32.mul(i32.add(i32.mul(i32.add(i32.mul(get(x.b), get(P.H!)), get(x.h)), get(P.Tq!)), get(x.t)), get(P.Tk!)))),
            set(sum, f32.const(0)),
            overKeys(x, 1,
              set(vp, key(P.v!)),
              f32.store(sc(get(x.s)), dot(f, dyp, vp, P.hs!, x.c)),
              set(sum, f32.add(get(sum), f32.mul(f32.load(at(get(pp), get(x.s))), f32.load(sc(get(x.s)))))),
            ),
            overKeys(x, 1, perKey),
          ]),
        ),
      ),
    ),
  );
}

export const attentionDefs = (): FuncDef[] => [forward(), backward()];
