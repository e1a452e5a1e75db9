import * as tf from '@tensorflow/tfjs';
import type { Policy } from '../model/policy';
import type { GrpoConfig } from './config';
import { policyLossTensor } from './losses-tensor';
import type { TensorAdam } from './optimizer';
import type { TrainingBatch } from './rollout';

/*
 * The optimisation half of a GRPO step: μ passes over one generation batch, each split into micro-batches whose
 * gradients are summed before one Adam update (TRL's gradient accumulation: grpo/bnpo/dr_grpo losses are divided
 * by the number of micro-batches; dapo divides by the active tokens of the whole generation batch instead).
 * As in TRL's `_compute_loss`, pass 0 takes the "old" log-probs from its own forward pass, detached
 * (`per_token_logps.detach()`), so the ratio is exactly 1; later passes reuse those stored values.
 * The forward pass inside the gradient tape also yields the logged KL, clip fraction and entropy: they leave the
 * closure as kept tensors (no data is read inside the tape), which saves a second forward pass per step.
 * The policy scores the completions after their prompts (Policy.completionLogProbs): only completion positions go
 * through the output layer (TRL's logits_to_keep), and a group's G rows share one forward pass of their prompt.
 */

export interface UpdateStats {
  readonly loss: number;
  readonly kl: number;
  readonly clipFraction: number;
  /** Mean next-token entropy over completion tokens, at sampling time (pass 0). */
  readonly entropy: number;
  readonly gradNorm: number;
}

interface Slice {
  readonly prompts: readonly (readonly number[])[];
  readonly completions: readonly (readonly number[])[];
  readonly mask: tf.Tensor2D;
  readonly advantages: tf.Tensor1D;
  readonly ref?: tf.Tensor2D;
  readonly tokens: number;
  old?: tf.Tensor2D;
}

// identity forward, zero backward: torch's .detach()
const detach = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => ({
  value: tf.clone(args[0] as tf.Tensor),
  gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy),
}));

function makeSlices(tb: TrainingBatch, adv: tf.Tensor1D, reference: Policy | undefined, k: number): Slice[] {
  const [B, T1] = tb.completionMask.shape;
  const K = tb.lastPositions;
  const size = Math.ceil(B / k);
  const out: Slice[] = [];
  for (let lo = 0; lo < B; lo += size) {
    const n = Math.min(size, B - lo);
    const prompts = tb.promptIds.slice(lo, lo + n);
    const completions = tb.completionIds.slice(lo, lo + n);
    const mask = tb.completionMask.slice([lo, T1 - K], [n, K]) as tf.Tensor2D; // (n, K): the completion columns
    const ref = reference ? tf.tidy(() => reference.completionLogProbs(prompts, completions, { positions: K }).logProbs) : undefined;
    const tokens = tf.tidy(() => mask.sum().dataSync()[0]!);
    out.push({ prompts, completions, mask, advantages: adv.slice([lo], [n]), tokens, ...(ref ? { ref } : {}) });
  }
  return out;
}

const disposeSlice = (s: Slice): void =>
  tf.dispose([s.mask, s.advantages, ...(s.ref ? [s.ref] : []), ...(s.old ? [s.old] : [])]);

/** Run μ GRPO passes on one generation batch; updates the policy in place and leaves no tensors behind. */
export function grpoUpdate(
  policy: Policy,
  reference: Policy | undefined,
  optimizer: TensorAdam,
  tb: TrainingBatch,
  advantages: readonly number[],
  config: GrpoConfig,
  /** Learning rate of an optimiser step (0-based): each of the μ passes is one step of the schedule, as in TRL. */
  lrAt: (optimizerStep: number) => number,
): UpdateStats {
  const adv = tf.tensor1d(advantages.slice());
  const slices = makeSlices(tb, adv, config.beta !== 0 ? reference : undefined, config.microBatches);
  adv.dispose();
  const activeTokens = slices.reduce((n, s) => n + s.tokens, 0);
  const lossOpts = {
    epsLow: config.epsLow,
    epsHigh: config.epsHigh,
    beta: config.beta,
    aggregation: config.lossAggregation,
    maxCompletionLength: config.maxNewTokens,
    globalActiveTokens: activeTokens,
  } as const;
  const scale = config.lossAggregation === 'dapo' ? 1 : 1 / slices.length;
  const sums = { loss: 0, kl: 0, clip: 0, entropy: 0, gradNorm: 0 };
  const vars = policy.variables as tf.Variable[];
  try {
    for (let pass = 0; pass < config.innerIterations; pass++) {
      let acc: tf.Tensor[] | undefined;
      for (const s of slices) {
        const out: tf.Scalar[] = [];
        const { value, grads } = tf.variableGrads(() => {
          const { logProbs, entropy } = policy.completionLogProbs(s.prompts, s.completions, { withEntropy: pass === 0, positions: s.mask.shape[1] });
          if (pass === 0) s.old = tf.keep(detach(logProbs) as tf.Tensor2D);
          const r = policyLossTensor({ logp: logProbs, oldLogp: s.old!, advantages: s.advantages, mask: s.mask, ...(s.ref ? { refLogp: s.ref } : {}) }, lossOpts);
          const H = entropy ? tf.sum(tf.mul(entropy, s.mask)) : tf.scalar(0);
          out.push(tf.keep(tf.mul(r.kl, s.tokens)), tf.keep(tf.mul(r.clipFraction, s.tokens)), tf.keep(H as tf.Scalar));
          return (scale === 1 ? r.loss : tf.mul(r.loss, scale)) as tf.Scalar;
        }, vars);
        const [kl, clip, H] = out.map((t) => t.dataSync()[0]!);
        sums.loss += value.dataSync()[0]!;
        sums.kl += kl!;
        sums.clip += clip!;
        if (pass === 0) sums.entropy += H!;
        tf.dispose([value, ...out]);
        const ordered = vars.map((v) => grads[v.name]!);
        if (acc === undefined) acc = ordered;
        else {
          const prev = acc;
          acc = tf.tidy(() => prev.map((g, i) => tf.add(g, ordered[i]!)));
          tf.dispose([...prev, ...ordered]);
        }
      }
      sums.gradNorm += optimizer.apply(acc!, lrAt(optimizer.steps), config.maxGradNorm);
      tf.dispose(acc!);
    }
  } finally {
    slices.forEach(disposeSlice);
  }
  const mu = config.innerIterations;
  const perToken = (x: number): number => x / Math.max(activeTokens, 1);
  return {
    loss: sums.loss / mu,
    kl: perToken(sums.kl / mu),
    clipFraction: perToken(sums.clip / mu),
    entropy: perToken(sums.entropy),
    gradNorm: sums.gradNorm / mu,
  };
}
