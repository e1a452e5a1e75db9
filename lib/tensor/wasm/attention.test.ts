import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend';
import { kernels, type Kernels } from './kernels';
import { offsetOf } from './runtime';

// The attention kernels against the same attention written in tfjs ops: causal, left padding, H heads.
let K: Kernels;
const ptr = (t: tf.Tensor): number => offsetOf(K.backend, t);
const maxDiff = (a: tf.Tensor, b: tf.Tensor): number => tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!);

beforeAll(async () => {
  await initBackend('wasm');
  K = kernels();
});

const [B, T, H] = [3, 7, 2];
const pads = [0, 3, 6];

// head widths 8 (4-float chunks only) and 20 (one 16-float chunk of y in registers, then one of 4)
describe.each([8, 20])('attention kernels at head width %i', (hs) => {
  const D = H * hs;
  const scale = 1 / Math.sqrt(hs);

  /** (B, T, D) → (B, T, D) by tfjs ops; rows at padded queries are set to 0. */
  function reference(q: tf.Tensor, k: tf.Tensor, v: tf.Tensor): tf.Tensor {
    const heads = (x: tf.Tensor) => x.reshape([B, T, H, hs]).transpose([0, 2, 1, 3]);
    const mask = tf.tensor2d(pads.map((p) => Array.from({ length: T }, (_, t) => (t >= p ? 1 : 0))));
    const allowed = tf.linalg.bandPart(tf.ones([T, T]), -1, 0).reshape([1, 1, T, T]).mul(mask.reshape([B, 1, 1, T]));
    const w = tf.softmax(tf.matMul(heads(q), heads(k), false, true).mul(scale).add(allowed.sub(1).mul(1e9)));
    const y = tf.matMul(w, heads(v)).transpose([0, 2, 1, 3]).reshape([B, T, D]);
    return y.mul(mask.reshape([B, T, 1]));
  }

  describe('attend and attendGrad', () => {
    it('attend equals softmax(q kᵀ/√hs + causal/padding bias) v, zero on padded queries, and keeps the probabilities', () => {
      tf.tidy(() => {
        const [q, k, v] = [1, 2, 3].map((s) => tf.randomNormal([B, T, D], 0, 1, 'float32', s));
        const [y, probs, scratch] = [tf.zeros([B, T, D]), tf.zeros([B, H, T, T]), tf.zeros([T * (T + 4)])];
        const padsT = tf.tensor1d(pads, 'int32');
        K.fns.attend!(ptr(q!), ptr(k!), ptr(v!), ptr(y), ptr(probs), ptr(padsT), B, H, hs, T, T, T * D, T * D, T * D, D, 0, scale, ptr(scratch));
        expect(maxDiff(y, reference(q!, k!, v!))).toBeLessThan(1e-5);
        const p = probs.arraySync() as number[][][][];
        expect(p[1]![1]![4]!.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 6);
        expect(p[1]![1]![4]!.slice(0, 3).concat(p[1]![1]![4]!.slice(5))).toEqual([0, 0, 0, 0, 0]);
        expect(p[2]![0]![2]).toEqual(new Array(T).fill(0)); // a padded query
      });
    });

    it('attend with one query at position off over a longer key block (a decoding step)', () => {
      tf.tidy(() => {
        const [q, k, v] = [1, 2, 3].map((s) => tf.randomNormal([B, T, D], 0, 1, 'float32', s));
        const full = reference(q!, k!, v!);
        const [y, scratch] = [tf.zeros([B, 1, D]), tf.zeros([T + 4])];
        const qLast = q!.slice([0, T - 1, 0], [B, 1, D]).clone();
        K.fns.attend!(ptr(qLast), ptr(k!), ptr(v!), ptr(y), 0, ptr(tf.tensor1d(pads, 'int32')), B, H, hs, 1, T, D, T * D, D, D, T - 1, scale, ptr(scratch));
        expect(maxDiff(y, full.slice([0, T - 1, 0], [B, 1, D]))).toBeLessThan(1e-5);
      });
    });

    it('attend and attendGrad for the last Tq queries at offset T − Tq over all T keys (completions after a prompt)', () => {
      tf.tidy(() => {
        const Tq = 3;
        const off = T - Tq;
        const [q, k, v, dy] = [1, 2, 3, 4].map((s) => tf.randomNormal([B, T, D], 0, 1, 'float32', s));
        const last = (x: tf.Tensor) => x.slice([0, off, 0], [B, Tq, D]);
        const qc = last(q!).clone();
        const dyc = last(dy!).clone();
        const [y, probs, scratch] = [tf.zeros([B, Tq, D]), tf.zeros([B, H, Tq, T]), tf.zeros([Tq * (T + 4)])];
        const padsT = tf.tensor1d(pads, 'int32');
        K.fns.attend!(ptr(qc), ptr(k!), ptr(v!), ptr(y), ptr(probs), ptr(padsT), B, H, hs, Tq, T, Tq * D, T * D, Tq * D, D, off, scale, ptr(scratch));
        expect(maxDiff(y, last(reference(q!, k!, v!)))).toBeLessThan(1e-5);
        const [dq, dk, dv] = [tf.zeros([B, Tq, D]), tf.zeros([B, T, D]), tf.zeros([B, T, D])];
        K.fns.attendGrad!(ptr(qc), ptr(k!), ptr(v!), ptr(probs), ptr(dyc), ptr(dq), ptr(dk), ptr(dv), ptr(padsT), B, H, hs, Tq, T, Tq * D, T * D, D, off, scale, ptr(scratch));
        const want = tf.grads((a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) => last(reference(a, b, c)).mul(dyc).sum())([q!, k!, v!]);
        expect(maxDiff(dq, last(want[0]!))).toBeLessThan(1e-4);
        expect(maxDiff(dk, want[1]!)).toBeLessThan(1e-4);
        expect(maxDiff(dv, want[2]!)).toBeLessThan(1e-4);
      });
    });

    it('attendGrad equals autodiff of the reference', () => {
      tf.tidy(() => {
        const [q, k, v, dy] = [1, 2, 3, 4].map((s) => tf.randomNormal([B, T, D], 0, 1, 'float32', s));
        const [y, probs, scratch] = [tf.zeros([B, T, D]), tf.zeros([B, H, T, T]), tf.zeros([T * (T + 4)])];
        const padsT = tf.tensor1d(pads, 'int32');
        K.fns.attend!(ptr(q!), ptr(k!), ptr(v!), ptr(y), ptr(probs), ptr(padsT), B, H, hs, T, T, T * D, T * D, T * D, D, 0, scale, ptr(scratch));
        const [dq, dk, dv] = [tf.zeros([B, T, D]), tf.zeros([B, T, D]), tf.zeros([B, T, D])];
        K.fns.attendGrad!(ptr(q!), ptr(k!), ptr(v!), ptr(probs), ptr(dy!), ptr(dq), ptr(dk), ptr(dv), ptr(padsT), B, H, hs, T, T, T * D, T * D, D, 0, scale, ptr(scratch));
        const want = tf.grads((a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) => reference(a, b, c).mul(dy!).sum())([q!, k!, v!]);
        expect(maxDiff(dq, want[0]!)).toBeLessThan(1e-4);
        expect(maxDiff(dk, want[1]!)).toBeLessThan(1e-4);
        expect(maxDiff(dv, want[2]!)).toBeLessThan(1e-4);
      });
    });
  });
});
