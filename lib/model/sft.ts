import * as tf from '@tensorflow/tfjs';
import { createRng, shuffled } from '../stats/rng';
import { batchFromSequences } from './generate';
import type { Policy } from './policy';

/*
 * Supervised warm start: next-token cross-entropy on the response tokens only (the prompt is context, not a
 * target), averaged over all response tokens of the batch, with Adam and global-norm gradient clipping.
 */

/** One training pair; append tokenizer.eos to the response if the policy should learn to stop. */
export interface SftExample {
  prompt: readonly number[];
  response: readonly number[];
}

export interface SftStep {
  step: number;
  loss: number;
  /** Response + prompt tokens processed per second in this step. */
  tokensPerSecond: number;
}

export interface SftOptions {
  steps: number;
  batchSize: number;
  learningRate: number;
  /** Seeds the example order (reshuffled every epoch). */
  seed: number;
  /** Clip the global gradient norm to this (default 1; 0 disables). */
  gradClip?: number;
  onStep?: (s: SftStep) => void;
}

/** (B, T-1) weights: 1 where the target token ids[:, t] belongs to the response, for the left-padded batch. */
function responseMask(examples: readonly SftExample[], T: number): tf.Tensor2D {
  const m = new Float32Array(examples.length * (T - 1));
  examples.forEach((e, b) => {
    // target index t (1..T-1) sits at column t-1; the response occupies the last response.length positions
    for (let t = T - e.response.length; t < T; t++) m[b * (T - 1) + t - 1] = 1;
  });
  return tf.tensor2d(m, [examples.length, T - 1]);
}

/** Mean response-token cross-entropy of a batch (a scalar; differentiable). */
export function sftLoss(policy: Policy, examples: readonly SftExample[]): tf.Scalar {
  const seqs = examples.map((e) => [...e.prompt, ...e.response]);
  const batch = batchFromSequences(seqs, policy.tokenizer.pad);
  const mask = responseMask(examples, batch.ids.shape[1]);
  const { logProbs } = policy.tokenLogProbs(batch); // (B, T-1)
  return logProbs.mul(mask).sum().neg().div(mask.sum()) as tf.Scalar;
}

/** Clip a gradient map to a global L2 norm. */
export function clipByGlobalNorm(grads: tf.NamedTensorMap, maxNorm: number): tf.NamedTensorMap {
  return tf.tidy(() => {
    const norm = tf.sqrt(tf.addN(Object.values(grads).map((g) => g.square().sum())));
    const scale = tf.minimum(1, tf.div(maxNorm, norm.add(1e-6)));
    return Object.fromEntries(Object.entries(grads).map(([k, g]) => [k, g.mul(scale)]));
  });
}

function checkOptions(examples: readonly SftExample[], opts: SftOptions): void {
  if (examples.length === 0) throw new Error('trainSft: got no examples');
  const bad = examples.findIndex((e) => e.prompt.length === 0 || e.response.length === 0);
  if (bad >= 0) throw new Error(`trainSft: example ${bad} has an empty prompt or response; both need at least one token`);
  for (const key of ['steps', 'batchSize'] as const) {
    if (!Number.isInteger(opts[key]) || opts[key] < 1) throw new Error(`trainSft: ${key}=${opts[key]}; use an integer >= 1`);
  }
  if (!(opts.learningRate > 0)) throw new Error(`trainSft: learningRate=${opts.learningRate}; use a number > 0`);
}

/**
 * Train `policy` in place on (prompt, response) pairs; returns the loss of every step.
 * @example const { losses } = await trainSft(policy, pairs, { steps: 600, batchSize: 64, learningRate: 3e-3, seed: 0 });
 */
export async function trainSft(policy: Policy, examples: readonly SftExample[], opts: SftOptions): Promise<{ losses: number[] }> {
  checkOptions(examples, opts);
  const rng = createRng(opts.seed);
  const optimizer = tf.train.adam(opts.learningRate);
  const gradClip = opts.gradClip ?? 1;
  const variables = policy.variables as tf.Variable[];
  const losses: number[] = [];
  let order: SftExample[] = [];
  try {
    for (let step = 0; step < opts.steps; step++) {
      const batch: SftExample[] = [];
      while (batch.length < Math.min(opts.batchSize, examples.length)) {
        if (order.length === 0) order = shuffled(examples, rng);
        batch.push(order.pop()!);
      }
      const start = performance.now();
      const lossTensor = tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => sftLoss(policy, batch), variables);
        // Adam declares NamedVariableMap but reads only the names and gradient values
        optimizer.applyGradients((gradClip > 0 ? clipByGlobalNorm(grads, gradClip) : grads) as Record<string, tf.Variable>);
        return value;
      });
      const loss = (await lossTensor.data())[0]!;
      lossTensor.dispose();
      losses.push(loss);
      const tokens = batch.reduce((n, e) => n + e.prompt.length + e.response.length, 0);
      opts.onStep?.({ step, loss, tokensPerSecond: tokens / ((performance.now() - start) / 1000) });
    }
  } finally {
    optimizer.dispose();
  }
  return { losses };
}
