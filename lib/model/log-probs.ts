import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from './config';
import { fusedLogProbs } from './fused-logprobs';
import { causalGeometry, prefixedGeometry } from './fused-geometry';
import { canFuse, padsOfMask } from './fused-plan';
import { recordGeometry, type Recording } from './fused-record';
import { batchFromSequences } from './generate';
import type { TokenBatch } from './policy';
import { forward, logitsOf } from './transformer';
import type { Weights } from './weights';

/*
 * Log-probs of tokens under the policy: of every next token of a batch (tokenLogProbs), or of completions after
 * their prompts (completionLogProbs, the GRPO update's question). Each runs on the fused wasm kernels when it can
 * (fused-logprobs.ts) and on the tfjs ops of transformer.ts otherwise; both give the same numbers.
 */

/**
 * log p of the last K next tokens (B, K) and, if asked, the entropies of the same next-token distributions (B, K).
 * The fused wasm kernels run it when they can (fused-logprobs.ts); the tfjs ops of transformer.ts otherwise.
 */
export function tokenLogProbs(w: Weights, config: ModelConfig, batch: TokenBatch, withEntropy: boolean, last?: number) {
  const [B, T] = batch.ids.shape;
  if (T < 2) throw new Error(`tokenLogProbs: sequences of length ${T} have no next token; pass at least 2 tokens`);
  if (T > config.contextLength) {
    throw new Error(`tokenLogProbs: batch length ${T} exceeds contextLength ${config.contextLength}; truncate the sequences`);
  }
  const K = last ?? T - 1;
  if (!Number.isInteger(K) || K < 1 || K > T - 1) throw new Error(`tokenLogProbs: lastPositions=${last} must be an integer in [1, ${T - 1}]`);
  const pads = canFuse(config) ? padsOfMask(batch.mask.dataSync(), B, T) : undefined;
  if (pads) {
    const r = fusedLogProbs(w, config, causalGeometry(batch.ids.dataSync() as Int32Array, B, T, pads, T - 1 - K, K));
    return withEntropy ? { logProbs: r.logProbs, entropy: r.entropy() } : { logProbs: r.logProbs };
  }
  return referenceLogProbs(w, config, batch, withEntropy, K);
}

/** tokenLogProbs by the tfjs ops of transformer.ts (any backend, any mask). */
export function referenceLogProbs(w: Weights, config: ModelConfig, batch: TokenBatch, withEntropy: boolean, K: number) {
  const [B, T] = batch.ids.shape;
  const { hidden } = forward(w, config, batch.ids, batch.mask); // (B, T, D)
  const h = hidden.slice([0, T - 1 - K, 0], [B, K, config.dModel]).reshape([B * K, config.dModel]) as tf.Tensor2D;
  const logp = tf.logSoftmax(logitsOf(w, h)); // (B*K, V)
  const targets = batch.ids.slice([0, T - K], [B, K]).reshape([B * K]) as tf.Tensor1D;
  // oneHot × sum rather than gather: gather has no gradient on wasm
  const logProbs = logp.mul(tf.oneHot(targets, config.vocabSize)).sum(1).reshape([B, K]) as tf.Tensor2D;
  if (!withEntropy) return { logProbs };
  const entropy = logp.exp().mul(logp).sum(1).neg().reshape([B, K]) as tf.Tensor2D;
  return { logProbs, entropy };
}

/** The distinct rows of `rows` and, for each row, the index of its distinct row. */
function distinctRows(rows: readonly (readonly number[])[]): { unique: (readonly number[])[]; src: Int32Array } {
  const index = new Map<string, number>();
  const unique: (readonly number[])[] = [];
  const src = Int32Array.from(rows, (r) => {
    const key = r.join(',');
    let u = index.get(key);
    if (u === undefined) index.set(key, (u = unique.push(r) - 1));
    return u;
  });
  return { unique, src };
}

/**
 * log p of completion b's token t given prompts[b] and its tokens before t → (B, K), K = opts.positions (default:
 * the longest completion), right-aligned: entry [b, K − len_b + t], as tokenLogProbs of the joined, left-padded
 * sequences with lastPositions K gives. Entries left of a completion are meaningless. Rows with equal prompts (a
 * GRPO group) share one forward pass of the prompt on the fused path; with a `recording` of the sampling of
 * exactly these rows under the current weights (the caller checks, see recordingMatches), there is no forward pass.
 */
export function completionLogProbs(
  w: Weights,
  config: ModelConfig,
  pad: number,
  prompts: readonly (readonly number[])[],
  completions: readonly (readonly number[])[],
  opts: { withEntropy?: boolean; positions?: number },
  recording?: Recording,
): { logProbs: tf.Tensor2D; entropy?: tf.Tensor2D } {
  if (prompts.length !== completions.length || prompts.length === 0) {
    throw new Error(`completionLogProbs: got ${prompts.length} prompts and ${completions.length} completions; pass one prompt per completion, at least one`);
  }
  const longest = Math.max(...completions.map((c) => c.length));
  const K = opts.positions ?? longest;
  if (longest < 1 || !Number.isInteger(K) || K < longest) throw new Error(`completionLogProbs: positions=${K} must be an integer >= the longest completion (${longest}, at least 1)`);
  const tooLong = prompts.findIndex((p, b) => p.length === 0 || p.length + completions[b]!.length > config.contextLength);
  if (tooLong >= 0) throw new Error(`completionLogProbs: row ${tooLong} has an empty prompt or exceeds contextLength ${config.contextLength}`);
  if (canFuse(config)) {
    const { unique, src } = distinctRows(prompts);
    const r = recording
      ? fusedLogProbs(w, config, recordGeometry(recording, K), recording.ws)
      : fusedLogProbs(w, config, prefixedGeometry(unique, src, completions, K));
    return opts.withEntropy ? { logProbs: r.logProbs, entropy: r.entropy() } : { logProbs: r.logProbs };
  }
  const batch = batchFromSequences(prompts.map((p, b) => [...p, ...completions[b]!]), pad);
  return tokenLogProbs(w, config, batch, opts.withEntropy ?? false, K);
}

const sameRows = (a: readonly (readonly number[])[], b: readonly (readonly number[])[]): boolean =>
  a.length === b.length && a.every((row, i) => row.length === b[i]!.length && row.every((x, j) => x === b[i]![j]));

/** Whether `r` recorded the sampling of exactly these rows under these weights (their data unchanged since). */
export function recordingMatches(r: Recording, weights: readonly tf.Variable[], prompts: readonly (readonly number[])[], completions: readonly (readonly number[])[]): boolean {
  return r.weights.length === weights.length && r.weights.every((id, i) => id === weights[i]!.dataId) && sameRows(r.prompts, prompts) && sameRows(r.completions, completions);
}
