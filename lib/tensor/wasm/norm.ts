import { f32, f32x4, Fn, forRange, get, i32, seq, set, v128, when, type Code, type Local } from './asm';
import type { FuncDef } from './encode';
import { hsum } from './simd';

/*
 * Layer norm over the last axis of an (n, d) matrix, d a multiple of 4, eps 1e-5 (as lib/model/transformer.ts):
 * y = (x − mean) · rstd · gain + bias with rstd = 1 / √(var + eps). The forward pass keeps (mean, rstd) of each
 * row for the backward pass, which gives dx = rstd · (ĝ − mean(ĝ) − x̂ · mean(ĝ · x̂)) with ĝ = dy · gain, and adds
 * Σ dy · x̂ and Σ dy into the gain and bias gradients.
 */

const EPS = 1e-5;
const at = (base: Code, floatIndex: Code): Code => i32.add(base, i32.shl(floatIndex, i32.const(2)));

function forward(): FuncDef {
  const f = new Fn('layerNorm', ['x', 'y', 'g', 'b', 'stats', 'n', 'd']);
  const { x, y, g, b, stats, n, d } = f.p as Record<string, Local>;
  const [i, j, row, out] = [f.local('i32'), f.local('i32'), f.local('i32'), f.local('i32')];
  const [acc, mean4, rstd4] = [f.local('v128'), f.local('v128'), f.local('v128')];
  const [mean, rstd] = [f.local('f32'), f.local('f32')];
  const invD = f32.div(f32.const(1), f32.fromI32(get(d!)));
  const xv = v128.load(at(get(row), get(j)));
  return f.def(
    forRange(i, i32.const(0), get(n!), 1,
      set(row, at(get(x!), i32.mul(get(i), get(d!)))),
      set(out, at(get(y!), i32.mul(get(i), get(d!)))),
      set(acc, f32x4.const(0)),
      forRange(j, i32.const(0), get(d!), 4, set(acc, f32x4.add(get(acc), xv))),
      set(mean, f32.mul(hsum(f, get(acc)), invD)),
      set(mean4, f32x4.splat(get(mean))),
      set(acc, f32x4.const(0)),
      forRange(j, i32.const(0), get(d!), 4, set(acc, f32x4.add(get(acc), f32x4.mul(f32x4.sub(xv, get(mean4)), f32x4.sub(xv, get(mean4)))))),
      set(rstd, f32.div(f32.const(1), f32.sqrt(f32.add(f32.mul(hsum(f, get(acc)), invD), f32.const(EPS))))),
      set(rstd4, f32x4.splat(get(rstd))),
      forRange(j, i32.const(0), get(d!), 4,
        v128.store(at(get(out), get(j)), f32x4.add(f32x4.mul(f32x4.mul(f32x4.sub(xv, get(mean4)), get(rstd4)), v128.load(at(get(g!), get(j)))), v128.load(at(get(b!), get(j))))),
      ),
      f32.store(at(get(stats!), i32.shl(get(i), i32.const(1))), get(mean)),
      f32.store(at(get(stats!), i32.shl(get(i), i32.const(1))), get(rstd), 4),
    ),
  );
}

function backward(): FuncDef {
  const f = new Fn('layerNormGrad', ['dy', 'x', 'g', 'stats', 'dx', 'dg', 'db', 'n', 'd', 'beta']);
  const { dy, x, g, stats, dx, dg, db, n, d, beta } = f.p as Record<string, Local>;
  const [i, j, xr, dyr, dxr] = [f.local('i32'), f.local('i32'), f.local('i32'), f.local('i32'), f.local('i32')];
  const [mean4, rstd4, xhat, dyv, gh, s1, s2, m14, m24, out] = f.locals('v128', 10);
  const invD = f32.div(f32.const(1), f32.fromI32(get(d!)));
  const stat = (k: number): Code => f32.load(at(get(stats!), i32.shl(get(i), i32.const(1))), 4 * k);
  const loadRow = seq(
    set(xhat, f32x4.mul(f32x4.sub(v128.load(at(get(xr), get(j))), get(mean4)), get(rstd4))),
    set(dyv, v128.load(at(get(dyr), get(j)))),
    set(gh, f32x4.mul(get(dyv), v128.load(at(get(g!), get(j))))),
  );
  const addInto = (base: Local, v: Code): Code => v128.store(at(get(base), get(j)), f32x4.add(v128.load(at(get(base), get(j))), v));
  const dxAt = at(get(dxr), get(j));
  return f.def(
    forRange(i, i32.const(0), get(n!), 1,
      set(xr, at(get(x!), i32.mul(get(i), get(d!)))),
      set(dyr, at(get(dy!), i32.mul(get(i), get(d!)))),
      set(dxr, at(get(dx!), i32.mul(get(i), get(d!)))),
      set(mean4, f32x4.splat(stat(0))),
      set(rstd4, f32x4.splat(stat(1))),
      set(s1, f32x4.const(0)),
      set(s2, f32x4.const(0)),
      forRange(j, i32.const(0), get(d!), 4,
        loadRow,
        set(s1, f32x4.add(get(s1), get(gh))),
        set(s2, f32x4.add(get(s2), f32x4.mul(get(gh), get(xhat)))),
        addInto(dg!, f32x4.mul(get(dyv), get(xhat))),
        addInto(db!, get(dyv)),
      ),
      set(m14, f32x4.splat(f32.mul(hsum(f, get(s1)), invD))),
      set(m24, f32x4.splat(f32.mul(hsum(f, get(s2)), invD))),
      forRange(j, i32.const(0), get(d!), 4,
        loadRow,
        set(out, f32x4.mul(get(rstd4), f32x4.sub(f32x4.sub(get(gh), get(m14)), f32x4.mul(get(xhat), get(m24))))),
        when(get(beta!), [v128.store(dxAt, f32x4.add(v128.load(dxAt), get(out)))], [v128.store(dxAt, get(out))]),
      ),
    ),
  );
}

export const normDefs = (): FuncDef[] => [forward(), backward()];
