import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../stats/rng';
import { initBackend } from '../tensor/backend';
import { klK1, klK2, klK3 } from './kl';
import { aggregateLoss, clippedSurrogate, isClipped, policyLoss, type LossAggregation, type LossOptions } from './losses';
import { policyLossTensor } from './losses-tensor';

beforeAll(async () => {
  await initBackend('wasm');
});

const EPS = { epsLow: 0.2, epsHigh: 0.2 };

describe('clipped surrogate and its boundaries (ε = 0.2)', () => {
  it.each([
    // ratio, A, loss, clipped — loss = −min(ρA, clip(ρ, .8, 1.2)·A)
    [1.5, 1, -1.2, true], //   min(1.5, 1.2) = 1.2: the clip caps the gain
    [1.2, 1, -1.2, false], //  exactly 1 + ε: not clipped (strict >, as TRL)
    [0.5, 1, -0.5, false], //  min(.5, .8) = .5: a positive advantage below 1 − ε keeps its gradient
    [0.5, -1, 0.8, true], //   min(−.5, −.8) = −.8: capped
    [0.8, -1, 0.8, false], //  exactly 1 − ε
    [1.5, -1, 1.5, false], //  min(−1.5, −1.2) = −1.5: a negative advantage above 1 + ε is not capped
    [1, 0, -0, false], //      zero advantage, zero loss
  ])('ρ=%f A=%f → %f (clipped %s)', (ratio, a, loss, clipped) => {
    expect(clippedSurrogate(ratio, a, EPS)).toBeCloseTo(loss, 12);
    expect(isClipped(ratio, a, EPS)).toBe(clipped);
  });

  it('clip-higher: ε_high = .28 lets ρ = 1.25 through where ε = .2 caps it', () => {
    expect(clippedSurrogate(1.25, 1, { epsLow: 0.2, epsHigh: 0.28 })).toBeCloseTo(-1.25, 12);
    expect(clippedSurrogate(1.25, 1, EPS)).toBeCloseTo(-1.2, 12);
  });
});

describe('KL estimators', () => {
  it('k1, k2, k3 at logp −1, ref −1.5', () => {
    expect(klK1(-1, -1.5)).toBe(0.5);
    expect(klK2(-1, -1.5)).toBe(0.125);
    // e^{−.5} − (−.5) − 1 = .606531 + .5 − 1 = .106531
    expect(klK3(-1, -1.5)).toBeCloseTo(0.1065307, 6);
    expect(klK3(-2, -2)).toBe(0);
  });
});

describe('aggregateLoss', () => {
  // rows: [1, 2, 3] all active; [4, ·, ·] one active token
  const perToken = [[1, 2, 3], [4, 9, 9]];
  const mask = [[1, 1, 1], [1, 0, 0]];
  it.each([
    ['grpo', 3], //    (6/3 + 4/1) / 2
    ['bnpo', 2.5], //  10 / 4 tokens
    ['dr_grpo', 1.25], // 10 / (B=2 · max_completion_length=4)
    ['dapo', 2.5], //  10 / 4 (this batch is the whole generation batch)
  ] as const)('%s → %f', (aggregation, want) => {
    expect(aggregateLoss(perToken, mask, { aggregation, maxCompletionLength: 4 })).toBeCloseTo(want, 12);
  });
  it('dapo divides by the whole generation batch when split into micro-batches', () => {
    // 10 / 8 active tokens over the generation batch
    expect(aggregateLoss(perToken, mask, { aggregation: 'dapo', maxCompletionLength: 4, globalActiveTokens: 8 })).toBe(1.25);
  });
});

describe('policyLoss', () => {
  it('surrogate + β·k3 on one active token', () => {
    // ρ = e^{−1 − (−1.1)} = e^{.1} = 1.105171 (inside [.8, 1.2]); surrogate −2 · 1.105171 = −2.210342
    // k3 = e^{−1.5 − (−1)} + .5 − 1 = .106531; loss = −2.210342 + .1 · .106531 = −2.199689
    const r = policyLoss(
      { logp: [[-1, -2]], oldLogp: [[-1.1, -2]], refLogp: [[-1.5, 0]], advantages: [2], mask: [[1, 0]] },
      { ...EPS, beta: 0.1, aggregation: 'bnpo', maxCompletionLength: 2 },
    );
    expect(r.loss).toBeCloseTo(-2.1996888, 6);
    expect(r.kl).toBeCloseTo(0.1065307, 6);
    expect(r.clipFraction).toBe(0);
  });

  it('clip fraction counts active clipped tokens', () => {
    // tokens: ρ = e^{.5} = 1.65 with A = 1 (clipped), ρ = 1 (not), one padded token ignored → 1/2
    const r = policyLoss(
      { logp: [[0, 0, 0]], oldLogp: [[-0.5, 0, -3]], advantages: [1], mask: [[1, 1, 0]] },
      { ...EPS, beta: 0, aggregation: 'dapo', maxCompletionLength: 3 },
    );
    expect(r.clipFraction).toBe(0.5);
  });
});

describe('policyLossTensor agrees with policyLoss', () => {
  const rng = createRng(7);
  const rand = (lo: number, hi: number) => lo + (hi - lo) * rng.next();
  const B = 4;
  const T = 5;
  const grid = (f: () => number) => Array.from({ length: B }, () => Array.from({ length: T }, f));
  const logp = grid(() => rand(-3, -0.1));
  const oldLogp = logp.map((row) => row.map((x) => x + rand(-0.4, 0.4)));
  const refLogp = logp.map((row) => row.map((x) => x + rand(-0.5, 0.5)));
  const mask = [[1, 1, 1, 1, 1], [1, 1, 0, 0, 0], [1, 1, 1, 0, 0], [0, 0, 0, 0, 0]];
  const advantages = [1.2, -0.7, 0.3, 0.9];

  it.each(['grpo', 'bnpo', 'dr_grpo', 'dapo'] as LossAggregation[])('%s', (aggregation) => {
    const o: LossOptions = { epsLow: 0.2, epsHigh: 0.28, beta: 0.05, aggregation, maxCompletionLength: 6 };
    const want = policyLoss({ logp, oldLogp, refLogp, advantages, mask }, o);
    const got = tf.tidy(() => {
      const r = policyLossTensor(
        {
          logp: tf.tensor2d(logp),
          oldLogp: tf.tensor2d(oldLogp),
          refLogp: tf.tensor2d(refLogp),
          advantages: tf.tensor1d(advantages),
          mask: tf.tensor2d(mask),
        },
        o,
      );
      return [r.loss, r.kl, r.clipFraction].map((t) => t.dataSync()[0]!);
    });
    expect(got[0]).toBeCloseTo(want.loss, 5);
    expect(got[1]).toBeCloseTo(want.kl, 5);
    expect(got[2]).toBeCloseTo(want.clipFraction, 6);
  });

  it('gradient of one unclipped token: −Aρ + β(1 − e^{ref−logp})', () => {
    // −2 · e^{.1} + .1 · (1 − e^{−.5}) = −2.210342 + .039347 = −2.170995
    const g = tf.tidy(() =>
      tf
        .grad((lp: tf.Tensor) =>
          policyLossTensor(
            {
              logp: lp as tf.Tensor2D,
              oldLogp: tf.tensor2d([[-1.1]]),
              refLogp: tf.tensor2d([[-1.5]]),
              advantages: tf.tensor1d([2]),
              mask: tf.tensor2d([[1]]),
            },
            { ...EPS, beta: 0.1, aggregation: 'dapo', maxCompletionLength: 1 },
          ).loss,
        )(tf.tensor2d([[-1]]))
        .dataSync()[0]!,
    );
    expect(g).toBeCloseTo(-2.1709949, 5);
  });

  it.each(['grpo', 'bnpo', 'dr_grpo', 'dapo'] as LossAggregation[])('%s: the gradient of every logp equals central differences of policyLoss', (aggregation) => {
    // ratios up to e^0.4 ≈ 1.49 and down to e^-0.4 ≈ 0.67: clipped and unclipped tokens of both advantage signs
    const o: LossOptions = { epsLow: 0.2, epsHigh: 0.28, beta: 0.05, aggregation, maxCompletionLength: 6, globalActiveTokens: 13 };
    const lossAt = (lp: number[][]) => policyLoss({ logp: lp, oldLogp, refLogp, advantages, mask }, o).loss;
    const got = tf.tidy(() => {
      const g = tf.grad((lp: tf.Tensor) =>
        policyLossTensor({ logp: lp as tf.Tensor2D, oldLogp: tf.tensor2d(oldLogp), refLogp: tf.tensor2d(refLogp), advantages: tf.tensor1d(advantages), mask: tf.tensor2d(mask) }, o).loss,
      )(tf.tensor2d(logp));
      return g.arraySync() as number[][];
    });
    const h = 1e-6;
    logp.forEach((row, b) =>
      row.forEach((x, t) => {
        const at = (d: number) => lossAt(logp.map((r, i) => r.map((y, j) => (i === b && j === t ? x + d : y))));
        expect(got[b]![t]!).toBeCloseTo((at(h) - at(-h)) / (2 * h), 5);
      }),
    );
    expect(got.flat().filter((g) => g !== 0).length).toBeGreaterThan(6); // active tokens carry a gradient
  });

  it('leaves no tensors behind', () => {
    const run = () =>
      tf.tidy(() => {
        policyLossTensor(
          { logp: tf.tensor2d(logp), oldLogp: tf.tensor2d(oldLogp), advantages: tf.tensor1d(advantages), mask: tf.tensor2d(mask) },
          { ...EPS, beta: 0, aggregation: 'grpo', maxCompletionLength: 5 },
        );
      });
    run();
    const before = tf.memory().numTensors;
    run();
    expect(tf.memory().numTensors).toBe(before);
  });
});
