import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { kernels, type Kernels } from './kernels';
import { offsetOf } from './runtime';

// Each kernel against the tfjs ops it replaces, on shapes with ragged edges (not multiples of the SIMD tiles);
// k = 300 spans several of gemm's k-blocks.
let K: Kernels;
const ptr = (t: tf.Tensor): number => offsetOf(K.backend, t);
const seeded = (shape: number[], seed: number, scale = 1): tf.Tensor => tf.randomNormal(shape, 0, scale, 'float32', seed);
const maxDiff = (a: tf.Tensor, b: tf.Tensor): number => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!);

beforeAll(async () => {
  await initBackend('wasm');
  K = kernels();
});

describe('gemm', () => {
  it.each([[7, 5, 13], [9, 16, 20], [4, 64, 8], [1, 3, 1], [33, 17, 31], [6, 300, 10]])('equals tf.matMul at n×k×m = %i×%i×%i, plain and transposed A', (n, k, m) => {
    tf.tidy(() => {
      const a = seeded([n, k], 1);
      const at = a.transpose().clone();
      const b = seeded([k, m], 2);
      const want = tf.matMul(a, b);
      const c = tf.zeros([n, m]);
      const tol = 1e-6 * Math.max(k, 10); // float32 sums of k products of N(0, 1) numbers, in another order
      K.fns.gemm!(ptr(a), ptr(b), ptr(c), n, k, m, k, m, m, 0);
      expect(maxDiff(c, want)).toBeLessThan(tol);
      const c2 = tf.zeros([n, m]);
      K.fns.gemmTN!(ptr(at), ptr(b), ptr(c2), n, k, m, n, m, m, 0);
      expect(maxDiff(c2, want)).toBeLessThan(tol);
      K.fns.gemmTN!(ptr(at), ptr(b), ptr(c2), n, k, m, n, m, m, 1); // beta 1 adds
      expect(maxDiff(c2, want.mul(2))).toBeLessThan(2 * tol);
    });
  });

  it('works on blocks of larger matrices through the strides', () => {
    tf.tidy(() => {
      const a = seeded([10, 12], 3);
      const b = seeded([8, 9], 4);
      const c = tf.zeros([6, 11]);
      // C[1:5, 2:9] = A[2:6, 3:11] · B[0:8, 1:8]
      K.fns.gemm!(ptr(a) + 4 * (2 * 12 + 3), ptr(b) + 4 * 1, ptr(c) + 4 * (1 * 11 + 2), 4, 8, 7, 12, 9, 11, 0);
      const want = tf.matMul(a.slice([2, 3], [4, 8]), b.slice([0, 1], [8, 7]));
      expect(maxDiff(c.slice([1, 2], [4, 7]), want)).toBeLessThan(1e-5);
      expect(c.slice([0, 0], [1, 11]).abs().sum().dataSync()[0]).toBe(0); // nothing written outside the block
    });
  });
});

describe('layer norm', () => {
  it('forward and backward equal tfjs (moments, rsqrt, autodiff)', () => {
    tf.tidy(() => {
      const [n, d] = [5, 12];
      const x = seeded([n, d], 5, 2).add(1);
      const g = seeded([d], 6).add(1);
      const b = seeded([d], 7);
      const dy = seeded([n, d], 8);
      const ref = (xx: tf.Tensor, gg: tf.Tensor, bb: tf.Tensor): tf.Tensor => {
        const { mean, variance } = tf.moments(xx, -1, true);
        return xx.sub(mean).mul(tf.rsqrt(variance.add(1e-5))).mul(gg).add(bb);
      };
      const [y, stats, dx, dg, db] = [tf.zeros([n, d]), tf.zeros([n, 2]), tf.zeros([n, d]), tf.zeros([d]), tf.zeros([d])];
      K.fns.layerNorm!(ptr(x), ptr(y), ptr(g), ptr(b), ptr(stats), n, d);
      expect(maxDiff(y, ref(x, g, b))).toBeLessThan(1e-5);
      K.fns.layerNormGrad!(ptr(dy), ptr(x), ptr(g), ptr(stats), ptr(dx), ptr(dg), ptr(db), n, d, 0);
      const grads = tf.grads((xx, gg, bb) => ref(xx, gg, bb).mul(dy).sum())([x, g, b]);
      expect(maxDiff(dx, grads[0]!)).toBeLessThan(1e-4);
      expect(maxDiff(dg, grads[1]!)).toBeLessThan(1e-4);
      expect(maxDiff(db, grads[2]!)).toBeLessThan(1e-5);
    });
  });
});

describe('elementwise', () => {
  it('gelu and its gradient equal x·σ(1.702x) under tfjs autodiff; sumSquares equals Σx²', () => {
    tf.tidy(() => {
      const x = seeded([4, 11], 9, 3); // 44 elements: whole vectors; and 43 through a view for the scalar tail
      const dy = seeded([4, 11], 10);
      const ref = (v: tf.Tensor): tf.Tensor => v.mul(tf.sigmoid(v.mul(1.702)));
      const [y, sig, dx] = [tf.zeros([4, 11]), tf.zeros([4, 11]), tf.zeros([4, 11])];
      K.fns.gelu!(ptr(x), ptr(y), ptr(sig), 43);
      K.fns.geluGrad!(ptr(x), ptr(sig), ptr(dy), ptr(dx), 43, 0);
      const want = ref(x).reshape([44]).slice(0, 43);
      expect(maxDiff(y.reshape([44]).slice(0, 43), want)).toBeLessThan(1e-5);
      expect(y.reshape([44]).slice(43, 1).dataSync()[0]).toBe(0);
      const g = tf.grad((v: tf.Tensor) => ref(v).mul(dy).sum())(x).reshape([44]).slice(0, 43);
      expect(maxDiff(dx.reshape([44]).slice(0, 43), g)).toBeLessThan(1e-5);
      expect(K.fns.sumSquares!(ptr(x), 43)).toBeCloseTo(x.reshape([44]).slice(0, 43).square().sum().dataSync()[0]!, 3);
    });
  });

  it('adam gives the bits of the tensor formula of lib/rl/optimizer.ts', () => {
    tf.tidy(() => {
      const n = 23;
      const [p, g, m] = [seeded([n], 11), seeded([n], 12), seeded([n], 13, 0.1)];
      const v = seeded([n], 14).square().mul(0.01);
      const [lr, b1, b2, eps, t, scale, wd] = [3e-4, 0.9, 0.999, 1e-8, 3, 0.7, 0.01];
      const [c1, c2] = [1 - b1 ** t, 1 - b2 ** t];
      const gs = tf.mul(g, scale);
      const mi = tf.add(tf.mul(m, b1), tf.mul(gs, 1 - b1));
      const vi = tf.add(tf.mul(v, b2), tf.mul(tf.square(gs), 1 - b2));
      const pi = tf.sub(tf.mul(p, 1 - lr * wd), tf.div(tf.mul(mi, lr / c1), tf.add(tf.sqrt(tf.div(vi, c2)), eps)));
      const [po, mo, vo] = [tf.zeros([n]), tf.zeros([n]), tf.zeros([n])];
      K.fns.adam!(ptr(p), ptr(g), ptr(m), ptr(v), ptr(po), ptr(mo), ptr(vo), n, scale, b1, 1 - b1, b2, 1 - b2, lr / c1, c2, eps, 1 - lr * wd);
      expect(Array.from(po.dataSync())).toEqual(Array.from(pi.dataSync()));
      expect(Array.from(mo.dataSync())).toEqual(Array.from(mi.dataSync()));
      expect(Array.from(vo.dataSync())).toEqual(Array.from(vi.dataSync()));
    });
  });
});

describe('rows', () => {
  it('embed gathers and adds two tables; embedGrad scatter-adds into both', () => {
    tf.tidy(() => {
      const [V, C, d] = [6, 5, 8];
      const [E, P] = [seeded([V, d], 15), seeded([C, d], 16)];
      const ids = tf.tensor1d([3, 0, 3, 5], 'int32');
      const pos = tf.tensor1d([0, 1, 2, 1], 'int32');
      const x = tf.zeros([4, d]);
      K.fns.embed!(ptr(ids), ptr(pos), ptr(E), ptr(P), ptr(x), 4, d);
      expect(maxDiff(x, tf.gather(E, ids).add(tf.gather(P, pos)))).toBe(0);
      const dx = seeded([4, d], 17);
      const [dE, dP] = [tf.zeros([V, d]), tf.zeros([C, d])];
      K.fns.embedGrad!(ptr(ids), ptr(pos), ptr(dx), ptr(dE), ptr(dP), 4, d);
      const rows = dx.arraySync() as number[][];
      const sum = (a: number[], b: number[]): number[] => a.map((v, i) => v + b[i]!);
      expect(maxDiff(dE.slice([3, 0], [1, d]), tf.tensor2d([sum(rows[0]!, rows[2]!)]))).toBeLessThan(1e-6);
      expect(maxDiff(dP.slice([1, 0], [1, d]), tf.tensor2d([sum(rows[1]!, rows[3]!)]))).toBeLessThan(1e-6);
      expect(dE.slice([1, 0], [1, d]).abs().sum().dataSync()[0]).toBe(0);
    });
  });

  it('scatterRows and fillRows write rows of any width to indexed places', () => {
    tf.tidy(() => {
      const dst = tf.zeros([5, 7]);
      const src = tf.tensor2d([[1, 2, 3, 4, 5, 6, 7], [8, 9, 10, 11, 12, 13, 14]]);
      const idx = tf.tensor1d([3, 0], 'int32');
      K.fns.scatterRows!(ptr(dst), ptr(src), ptr(idx), 2, 7);
      K.fns.fillRows!(ptr(dst), ptr(tf.tensor1d([4], 'int32')), 1, 7, -1.5);
      const got = dst.arraySync() as number[][];
      expect(got[3]).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(got[0]).toEqual([8, 9, 10, 11, 12, 13, 14]);
      expect(got[4]).toEqual(new Array(7).fill(-1.5));
      expect(got[1]).toEqual(new Array(7).fill(0));
    });
  });

  it('softmaxStats and softmaxGrad give log-probs, entropies and their gradients', () => {
    tf.tidy(() => {
      const [n, V] = [3, 11];
      const l = seeded([n, V], 18, 3);
      const targets = [4, 0, 10];
      const [stats, e] = [tf.zeros([n, 3]), tf.zeros([n, V])];
      K.fns.softmaxStats!(ptr(l), n, V, ptr(stats), ptr(e));
      const s = stats.arraySync() as number[][];
      const rows = l.arraySync() as number[][];
      const lse = s.map(([mx, z]) => mx! + Math.log(z!));
      const H = s.map(([, z, w]) => Math.log(z!) - w! / z!);
      const logp = tf.logSoftmax(l);
      const lp = logp.arraySync() as number[][];
      targets.forEach((t, i) => expect(rows[i]![t]! - lse[i]!).toBeCloseTo(lp[i]![t]!, 5));
      const Href = logp.exp().mul(logp).sum(1).neg().arraySync() as number[];
      H.forEach((h, i) => expect(h).toBeCloseTo(Href[i]!, 5));
      // loss = Σ a_i logp_i[t_i] + c_i H_i
      const a = [0.5, -1, 2];
      const c = [0.3, 0, -0.7];
      const info = tf.tensor2d(lse.map((x, i) => [x, a[i]!, c[i]!, H[i]!, 1 / s[i]![1]!]));
      const dl = tf.zeros([n, V]);
      K.fns.softmaxGrad!(ptr(l), ptr(e), n, V, ptr(info), ptr(dl));
      const got = dl.arraySync() as number[][];
      targets.forEach((t, i) => (got[i]![t]! += a[i]!));
      const onehot = tf.oneHot(tf.tensor1d(targets, 'int32'), V);
      const want = tf.grad((x: tf.Tensor) => {
        const lp2 = tf.logSoftmax(x);
        const ent = lp2.exp().mul(lp2).sum(1).neg();
        return lp2.mul(onehot).sum(1).mul(a).add(ent.mul(c)).sum();
      })(l);
      expect(maxDiff(tf.tensor2d(got), want)).toBeLessThan(1e-5);
    });
  });
});
