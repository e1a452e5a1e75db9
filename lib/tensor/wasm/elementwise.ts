import { f32, f32x4, Fn, forRange, get, i32, seq, set, v128, when, type Code, type Local } from './asm';
import type { FuncDef } from './encode';
import { hsum, sigmoid4 } from './simd';

/*
 * Elementwise kernels over flat float arrays: GELU (sigmoid form, x · σ(1.702 x), as lib/model/transformer.ts) and
 * its gradient, a sum of squares (gradient norms), AdamW, an in-place add and a fill. Lengths need not be multiples of 4: the last partial
 * vector runs in lane 0 of a vector whose other lanes are 0.
 */

const at = (base: Code, floatIndex: Code): Code => i32.add(base, i32.shl(floatIndex, i32.const(2)));
const K = 1.702;

/** for i over whole vectors then the tail: body(addrOffsetIndex, isTail) applied to 4 or 1 elements. */
function overElements(f: Fn, n: Local, body: (i: Local, load: (p: Local) => Code, store: (p: Local, v: Code) => Code) => Code): Code {
  const i = f.local('i32');
  const vecLoad = (p: Local): Code => v128.load(at(get(p), get(i)));
  const vecStore = (p: Local, v: Code): Code => v128.store(at(get(p), get(i)), v);
  const oneLoad = (p: Local): Code => v128.load32Zero(at(get(p), get(i)));
  const oneStore = (p: Local, v: Code): Code => f32.store(at(get(p), get(i)), f32x4.extract(v, 0));
  return seq(
    forRange(i, i32.const(0), i32.sub(get(n), i32.const(3)), 4, body(i, vecLoad, vecStore)),
    forRange(i, i32.and(get(n), i32.const(~3)), get(n), 1, body(i, oneLoad, oneStore)),
  );
}

/** y = x · σ(1.702 x), and s = σ(1.702 x) kept for the gradient. */
function gelu(): FuncDef {
  const f = new Fn('gelu', ['x', 'y', 's', 'n']);
  const { x, y, s, n } = f.p as Record<string, Local>;
  const [v, sg] = [f.local('v128'), f.local('v128')];
  return f.def(
    overElements(f, n!, (_i, load, store) =>
      seq(set(v, load(x!)), set(sg, sigmoid4(f, f32x4.mul(get(v), f32x4.const(K)))), store(s!, get(sg)), store(y!, f32x4.mul(get(v), get(sg)))),
    ),
  );
}

/** dx (+)= dy · (s + 1.702 x s (1 − s)), with s = σ(1.702 x) as gelu kept it. */
function geluGrad(): FuncDef {
  const f = new Fn('geluGrad', ['x', 'sig', 'dy', 'dx', 'n', 'beta']);
  const { x, sig, dy, dx, n, beta } = f.p as Record<string, Local>;
  const [v, s, out] = [f.local('v128'), f.local('v128'), f.local('v128')];
  return f.def(
    overElements(f, n!, (_i, load, store) =>
      seq(
        set(v, load(x!)),
        set(s, load(sig!)),
        set(out, f32x4.mul(load(dy!), f32x4.add(get(s), f32x4.mul(f32x4.mul(f32x4.mul(get(v), f32x4.const(K)), get(s)), f32x4.sub(f32x4.const(1), get(s)))))),
        when(get(beta!), [store(dx!, f32x4.add(load(dx!), get(out)))], [store(dx!, get(out))]),
      ),
    ),
  );
}

/** Σ x² (f32, accumulated in four lanes). */
function sumSquares(): FuncDef {
  const f = new Fn('sumSquares', ['x', 'n'], ['f32']);
  const { x, n } = f.p as Record<string, Local>;
  const acc = f.local('v128');
  const v = f.local('v128');
  return f.def(
    set(acc, f32x4.const(0)),
    overElements(f, n!, (_i, load) => seq(set(v, load(x!)), set(acc, f32x4.add(get(acc), f32x4.mul(get(v), get(v)))))),
    hsum(f, get(acc)),
  );
}

/**
 * AdamW in the operation order of lib/rl/optimizer.ts's tensor version (1 − β passed in, rounded from float64 as
 * tfjs rounds its scalars, so both give the same bits): g' = g · gScale, m' = β1 m + (1 − β1) g',
 * v' = β2 v + (1 − β2) g'², p' = p · decay − (m' · lrOverC1) / (√(v' / c2) + eps). Writes new p, m, v.
 */
function adam(): FuncDef {
  const scalars = ['gScale', 'beta1', 'oneMinusBeta1', 'beta2', 'oneMinusBeta2', 'lrOverC1', 'c2', 'eps', 'decay'];
  const f = new Fn('adam', ['p', 'g', 'm', 'v', 'pOut', 'mOut', 'vOut', 'n', ...scalars], [], Object.fromEntries(scalars.map((k) => [k, 'f32' as const])));
  const P = f.p as Record<string, Local>;
  const splat = (k: string): Code => f32x4.splat(get(P[k]!));
  const [gv, mv, vv] = [f.local('v128'), f.local('v128'), f.local('v128')];
  return f.def(
    overElements(f, P.n!, (_i, load, store) =>
      seq(
        set(gv, f32x4.mul(load(P.g!), splat('gScale'))),
        set(mv, f32x4.add(f32x4.mul(load(P.m!), splat('beta1')), f32x4.mul(get(gv), splat('oneMinusBeta1')))),
        set(vv, f32x4.add(f32x4.mul(load(P.v!), splat('beta2')), f32x4.mul(f32x4.mul(get(gv), get(gv)), splat('oneMinusBeta2')))),
        store(P.mOut!, get(mv)),
        store(P.vOut!, get(vv)),
        store(P.pOut!, f32x4.sub(f32x4.mul(load(P.p!), splat('decay')), f32x4.div(f32x4.mul(get(mv), splat('lrOverC1')), f32x4.add(f32x4.sqrt(f32x4.div(get(vv), splat('c2'))), splat('eps'))))),
      ),
    ),
  );
}

/** dst += src over n floats. */
function addTo(): FuncDef {
  const f = new Fn('addTo', ['dst', 'src', 'n']);
  const { dst, src, n } = f.p as Record<string, Local>;
  return f.def(overElements(f, n!, (_i, load, store) => store(dst!, f32x4.add(load(dst!), load(src!)))));
}

/** n floats at dst set to value. */
function fill(): FuncDef {
  const f = new Fn('fill', ['dst', 'n', 'value'], [], { value: 'f32' });
  const { dst, n, value } = f.p as Record<string, Local>;
  return f.def(overElements(f, n!, (_i, _load, store) => store(dst!, f32x4.splat(get(value!)))));
}

export const elementwiseDefs = (): FuncDef[] => [gelu(), geluGrad(), sumSquares(), adam(), addTo(), fill()];
