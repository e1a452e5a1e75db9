import { f32, f32x4, Fn, forRange, get, i32, seq, set, v128, type Code, type Local } from './asm';
import type { FuncDef } from './encode';
import { exp4, hmax, hsum } from './simd';

/*
 * Row kernels: gathering rows by index and scatter-adding them back (d a multiple of 4); writing rows to indexed
 * places or filling them (any d). Embeddings: x[i] = E[ids[i]] + P[pos[i]] forward, and the scatter-add of dx
 * into both tables backward (d a multiple of 4). Softmax rows of the output logits (any width): the forward kernel
 * leaves per row the max, Σ e^(l − max) and Σ e^(l − max)(l − max), from which the caller (in float64) takes the
 * log-sum-exp, the target log-prob and the entropy, and keeps e^(l − max) for the backward kernel, which writes
 * dl_j = −p_j (a + c (l_j − lse + H)) from per-row (lse, a, c, H, 1/z): a = ∂loss/∂logp, c = ∂loss/∂entropy
 * (the caller then adds a at the target).
 */

const at = (base: Code, floatIndex: Code): Code => i32.add(base, i32.shl(floatIndex, i32.const(2)));

function embed(): FuncDef {
  const f = new Fn('embed', ['ids', 'pos', 'E', 'P', 'x', 'n', 'd']);
  const { ids, pos, E, P, x, n, d } = f.p as Record<string, Local>;
  const [i, j, e, p, out] = [f.local('i32'), f.local('i32'), f.local('i32'), f.local('i32'), f.local('i32')];
  const row = (table: Local, index: Local): Code => at(get(table), i32.mul(i32.load(at(get(index), get(i))), get(d!)));
  return f.def(
    forRange(i, i32.const(0), get(n!), 1,
      set(e, row(E!, ids!)),
      set(p, row(P!, pos!)),
      set(out, at(get(x!), i32.mul(get(i), get(d!)))),
      forRange(j, i32.const(0), get(d!), 4, v128.store(at(get(out), get(j)), f32x4.add(v128.load(at(get(e), get(j))), v128.load(at(get(p), get(j)))))),
    ),
  );
}

function embedGrad(): FuncDef {
  const f = new Fn('embedGrad', ['ids', 'pos', 'dx', 'dE', 'dP', 'n', 'd']);
  const { ids, pos, dx, dE, dP, n, d } = f.p as Record<string, Local>;
  const [i, j, e, p, g] = [f.local('i32'), f.local('i32'), f.local('i32'), f.local('i32'), f.local('i32')];
  const row = (table: Local, index: Local): Code => at(get(table), i32.mul(i32.load(at(get(index), get(i))), get(d!)));
  const addAt = (base: Local): Code => v128.store(at(get(base), get(j)), f32x4.add(v128.load(at(get(base), get(j))), v128.load(at(get(g), get(j)))));
  return f.def(
    forRange(i, i32.const(0), get(n!), 1,
      set(e, row(dE!, ids!)),
      set(p, row(dP!, pos!)),
      set(g, at(get(dx!), i32.mul(get(i), get(d!)))),
      forRange(j, i32.const(0), get(d!), 4, addAt(e), addAt(p)),
    ),
  );
}

/** Per row of (n, V) logits: out[3i..3i+2] = max, Σ e^(l−max), Σ e^(l−max)·(l−max); e[i][j] = e^(l−max). */
function softmaxStats(): FuncDef {
  const f = new Fn('softmaxStats', ['logits', 'n', 'V', 'out', 'e']);
  const { logits, n, V, out, e: eOut } = f.p as Record<string, Local>;
  const [i, j, row, V4, erow] = f.locals('i32', 5);
  const [mx4, s4, w4, q, e] = [f.local('v128'), f.local('v128'), f.local('v128'), f.local('v128'), f.local('v128')];
  const mx = f.local('f32');
  const o = (k: number): Code => at(get(out!), i32.add(i32.mul(get(i), i32.const(3)), i32.const(k)));
  const acc = (load: Code, keep: Code, storeE: Code): Code =>
    seq(set(q, f32x4.sub(load, get(mx4))), set(e, v128.and(exp4(f, get(q)), keep)), storeE, set(s4, f32x4.add(get(s4), get(e))), set(w4, f32x4.add(get(w4), f32x4.mul(get(e), v128.and(get(q), keep)))));
  const ones = [0xfd, 12, ...new Array(16).fill(0xff)]; // all bits set: keep every lane
  const lane0 = [0xfd, 12, 0xff, 0xff, 0xff, 0xff, ...new Array(12).fill(0)]; // keep lane 0 only
  return f.def(
    set(V4, i32.and(get(V!), i32.const(~3))),
    forRange(i, i32.const(0), get(n!), 1,
      set(row, at(get(logits!), i32.mul(get(i), get(V!)))),
      set(erow, at(get(eOut!), i32.mul(get(i), get(V!)))),
      set(mx4, f32x4.const(-3.4e38)),
      forRange(j, i32.const(0), get(V4), 4, set(mx4, f32x4.max(get(mx4), v128.load(at(get(row), get(j)))))),
      set(mx, hmax(f, get(mx4))),
      forRange(j, get(V4), get(V!), 1, set(mx, f32.max(get(mx), f32.load(at(get(row), get(j)))))),
      set(mx4, f32x4.splat(get(mx))),
      set(s4, f32x4.const(0)),
      set(w4, f32x4.const(0)),
      forRange(j, i32.const(0), get(V4), 4, acc(v128.load(at(get(row), get(j))), ones, v128.store(at(get(erow), get(j)), get(e)))),
      forRange(j, get(V4), get(V!), 1, acc(f32x4.splat(f32.load(at(get(row), get(j)))), lane0, f32.store(at(get(erow), get(j)), f32x4.extract(get(e), 0)))),
      f32.store(o(0), get(mx)),
      f32.store(o(1), hsum(f, get(s4))),
      f32.store(o(2), hsum(f, get(w4))),
    ),
  );
}

/**
 * dlogits[i][j] = −p (a + c (l − lse + H)) with p = e[i][j] / z (e and z from softmaxStats: no exp here), from
 * info[5i..5i+4] = lse, a, c, H, 1/z.
 */
function softmaxGrad(): FuncDef {
  const f = new Fn('softmaxGrad', ['logits', 'e', 'n', 'V', 'info', 'dlogits']);
  const { logits, e, n, V, info, dlogits } = f.p as Record<string, Local>;
  const [i, j, row, erow, drow, V4] = f.locals('i32', 6);
  const [lse, a, c, H, invZ] = f.locals('v128', 5);
  const inf = (k: number): Code => f32x4.splat(f32.load(at(get(info!), i32.mul(get(i), i32.const(5))), 4 * k));
  const grad = (l: Code, ej: Code): Code => f32x4.neg(f32x4.mul(f32x4.mul(ej, get(invZ)), f32x4.add(get(a), f32x4.mul(get(c), f32x4.add(f32x4.sub(l, get(lse)), get(H))))));
  const vec = (base: Local): Code => v128.load(at(get(base), get(j)));
  const one = (base: Local): Code => f32x4.splat(f32.load(at(get(base), get(j))));
  return f.def(
    set(V4, i32.and(get(V!), i32.const(~3))),
    forRange(i, i32.const(0), get(n!), 1,
      set(row, at(get(logits!), i32.mul(get(i), get(V!)))),
      set(erow, at(get(e!), i32.mul(get(i), get(V!)))),
      set(drow, at(get(dlogits!), i32.mul(get(i), get(V!)))),
      set(lse, inf(0)), set(a, inf(1)), set(c, inf(2)), set(H, inf(3)), set(invZ, inf(4)),
      forRange(j, i32.const(0), get(V4), 4, v128.store(at(get(drow), get(j)), grad(vec(row), vec(erow)))),
      forRange(j, get(V4), get(V!), 1, f32.store(at(get(drow), get(j)), f32x4.extract(grad(one(row), one(erow)), 0))),
    ),
  );
}

/** gatherRows (dst, src, idx, n, d): dst[i] = src[idx[i]]; scatterAddRows: dst[idx[i]] += src[i] (rows of d floats). */
function rowCopy(name: 'gatherRows' | 'scatterAddRows'): FuncDef {
  const f = new Fn(name, ['dst', 'src', 'idx', 'n', 'd']);
  const { dst, src, idx, n, d } = f.p as Record<string, Local>;
  const [i, j, from, to] = f.locals('i32', 4);
  const row = (base: Local, r: Code): Code => at(get(base), i32.mul(r, get(d!)));
  const picked = i32.load(at(get(idx!), get(i)));
  return f.def(
    forRange(i, i32.const(0), get(n!), 1,
      set(from, name === 'gatherRows' ? row(src!, picked) : row(src!, get(i))),
      set(to, name === 'gatherRows' ? row(dst!, get(i)) : row(dst!, picked)),
      forRange(j, i32.const(0), get(d!), 4,
        v128.store(at(get(to), get(j)), name === 'gatherRows' ? v128.load(at(get(from), get(j))) : f32x4.add(v128.load(at(get(to), get(j))), v128.load(at(get(from), get(j))))),
      ),
    ),
  );
}

/** scatterRows (dst, src, idx, n, d): dst[idx[i]] = src[i]; fillRows (dst, idx, n, d, value); rows of any width d. */
function rowScatter(name: 'scatterRows' | 'fillRows'): FuncDef {
  const f = name === 'scatterRows' ? new Fn(name, ['dst', 'src', 'idx', 'n', 'd']) : new Fn(name, ['dst', 'idx', 'n', 'd', 'value'], [], { value: 'f32' });
  const { dst, src, idx, n, d, value } = f.p as Record<string, Local>;
  const [i, j, d4, from, to] = f.locals('i32', 5);
  const vec = (): Code => (name === 'scatterRows' ? v128.load(at(get(from), get(j))) : f32x4.splat(get(value!)));
  const one = (): Code => (name === 'scatterRows' ? f32.load(at(get(from), get(j))) : get(value!));
  return f.def(
    set(d4, i32.and(get(d!), i32.const(~3))),
    forRange(i, i32.const(0), get(n!), 1,
      ...(name === 'scatterRows' ? [set(from, at(get(src!), i32.mul(get(i), get(d!))))] : []),
      set(to, at(get(dst!), i32.mul(i32.load(at(get(idx!), get(i))), get(d!)))),
      forRange(j, i32.const(0), get(d4), 4, v128.store(at(get(to), get(j)), vec())),
      forRange(j, get(d4), get(d!), 1, f32.store(at(get(to), get(j)), one())),
    ),
  );
}

export const rowDefs = (): FuncDef[] => [
  embed(), embedGrad(), softmaxStats(), softmaxGrad(), rowCopy('gatherRows'), rowCopy('scatterAddRows'), rowScatter('scatterRows'), rowScatter('fillRows'),
];
