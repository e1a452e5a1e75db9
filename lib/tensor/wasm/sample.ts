import { f32, f32x4, f64, Fn, forRange, get, i32, seq, set, v128, when, block, brIf, loop, br, type Code, type Local } from './asm';
import type { FuncDef } from './encode';
import { exp4, hmax } from './simd';

/*
 * Drawing tokens from rows of logits by inverse CDF, as lib/model/sampling.ts defines it for the uncut rule:
 * weights w_j = e^((l_j − max) / T) in float32 (SIMD), their sum S in float64 in index order, and the token is the
 * first j whose cumulative weight (float64, in index order) exceeds u·S. Deterministic on every machine (wasm's
 * float arithmetic is IEEE, with no fused or reordered operations).
 */

const at = (base: Code, index: Code, size = 4): Code => i32.add(base, i32.mul(index, i32.const(size)));

/** sampleRows(logits, n, V, invT: f32, us: f64[n] (u < 0 skips a row), out: i32[n], w: scratch of V + 4 floats) */
export function sampleRowsDef(): FuncDef {
  const f = new Fn('sampleRows', ['logits', 'n', 'V', 'invT', 'us', 'out', 'w'], [], { invT: 'f32' });
  const { logits, n, V, invT, us, out, w } = f.p as Record<string, Local>;
  const [i, j, row, V4, tok] = f.locals('i32', 5);
  const [mx4, it4] = [f.local('v128'), f.local('v128')];
  const mx = f.local('f32');
  const [u, sum, cum, target] = f.locals('f64', 4);
  const weight = (l: Code): Code => exp4(f, f32x4.mul(f32x4.sub(l, get(mx4)), get(it4)));
  const wAt = (k: Code): Code => at(get(w!), k);
  const lAt = (k: Code): Code => at(get(row), k);
  const draw = seq(
    set(row, at(get(logits!), i32.mul(get(i), get(V!)))),
    set(mx4, f32x4.const(-3.4e38)),
    forRange(j, i32.const(0), get(V4), 4, set(mx4, f32x4.max(get(mx4), v128.load(lAt(get(j)))))),
    set(mx, hmax(f, get(mx4))),
    forRange(j, get(V4), get(V!), 1, set(mx, f32.max(get(mx), f32.load(lAt(get(j)))))),
    set(mx4, f32x4.splat(get(mx))),
    forRange(j, i32.const(0), get(V4), 4, v128.store(wAt(get(j)), weight(v128.load(lAt(get(j)))))),
    forRange(j, get(V4), get(V!), 1, f32.store(wAt(get(j)), f32x4.extract(weight(f32x4.splat(f32.load(lAt(get(j))))), 0))),
    set(sum, f64.const(0)),
    forRange(j, i32.const(0), get(V!), 1, set(sum, f64.add(get(sum), f64.fromF32(f32.load(wAt(get(j))))))),
    set(target, f64.mul(get(u), get(sum))),
    set(cum, f64.const(0)),
    set(tok, i32.sub(get(V!), i32.const(1))),
    set(j, i32.const(0)),
    block(loop(
      brIf(1, i32.geS(get(j), get(V!))),
      set(cum, f64.add(get(cum), f64.fromF32(f32.load(wAt(get(j)))))),
      when(f64.lt(get(target), get(cum)), [set(tok, get(j)), br(2)]),
      set(j, i32.add(get(j), i32.const(1))),
      br(0),
    )),
  );
  return f.def(
    set(V4, i32.and(get(V!), i32.const(~3))),
    set(it4, f32x4.splat(get(invT!))),
    forRange(i, i32.const(0), get(n!), 1,
      set(u, f64.load(at(get(us!), get(i), 8))),
      when(f64.lt(get(u), f64.const(0)), [i32.store(at(get(out!), get(i)), i32.const(-1))], [draw, i32.store(at(get(out!), get(i)), get(tok))]),
    ),
  );
}
