import * as tf from '@tensorflow/tfjs';
import { createRng } from '../stats/rng';
import type { ModelConfig } from './config';
import { parseModelConfig } from './config';
import { generateTokens } from './generate';
import type { Policy, SampleOptions, TokenBatch } from './policy';
import { readCheckpoint, writeCheckpoint } from './checkpoint';
import type { Tokenizer } from './tokenizer';
import { canFuse, padsOfMask } from './fused-plan';
import { fusedLogProbs } from './fused-logprobs';
import { forward, logitsOf } from './transformer';
import { disposeWeights, initWeights, namedWeights, weightsFrom, type Weights } from './weights';

export { batchFromSequences } from './generate';

/**
 * log p of the last K next tokens (B, K) and, if asked, the entropies of the same next-token distributions (B, K).
 * The fused wasm kernels run it when they can (fused-logprobs.ts); the tfjs ops of transformer.ts otherwise.
 */
function tokenLogProbs(w: Weights, config: ModelConfig, batch: TokenBatch, withEntropy: boolean, last?: number) {
  const [B, T] = batch.ids.shape;
  if (T < 2) throw new Error(`tokenLogProbs: sequences of length ${T} have no next token; pass at least 2 tokens`);
  if (T > config.contextLength) {
    throw new Error(`tokenLogProbs: batch length ${T} exceeds contextLength ${config.contextLength}; truncate the sequences`);
  }
  const K = last ?? T - 1;
  if (!Number.isInteger(K) || K < 1 || K > T - 1) throw new Error(`tokenLogProbs: lastPositions=${last} must be an integer in [1, ${T - 1}]`);
  const pads = canFuse(config) ? padsOfMask(batch.mask.dataSync(), B, T) : undefined;
  if (pads) {
    const r = fusedLogProbs(w, config, batch.ids, pads, T - 1 - K, K);
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

async function attentionOf(w: Weights, config: ModelConfig, ids: readonly number[]): Promise<number[][][][]> {
  if (ids.length === 0 || ids.length > config.contextLength) {
    throw new Error(`attention: sequence length ${ids.length} must be in [1, ${config.contextLength}]`);
  }
  const stacked = tf.tidy(() => {
    const T = ids.length;
    const idsT = tf.tensor2d([ids.slice()], [1, T], 'int32');
    const { attention } = forward(w, config, idsT, tf.ones([1, T]), { keepAttention: true });
    return tf.concat(attention!, 0); // (L, H, T, T)
  });
  const out = (await stacked.array()) as number[][][][];
  stacked.dispose();
  return out;
}

function policyFrom(config: ModelConfig, tokenizer: Tokenizer, w: Weights): Policy {
  const variables = namedWeights(w).map(([, v]) => v);
  let disposed = false;
  const live = (what: string): void => {
    if (disposed) throw new Error(`policy.${what}: this policy was disposed; use a live policy or loadPolicy again`);
  };
  return {
    config,
    tokenizer,
    variables,
    tokenLogProbs(batch, opts) {
      live('tokenLogProbs');
      return tokenLogProbs(w, config, batch, opts?.withEntropy ?? false, opts?.lastPositions);
    },
    generate(prompts, opts: SampleOptions) {
      live('generate');
      return generateTokens(w, config, prompts, opts);
    },
    attention(ids) {
      live('attention');
      return attentionOf(w, config, ids);
    },
    save(dir) {
      live('save');
      return writeCheckpoint(dir, config, tokenizer, namedWeights(w));
    },
    clone() {
      live('clone');
      const values = new Map(namedWeights(w));
      return policyFrom(config, tokenizer, weightsFrom(config, (name) => values.get(name)!.clone(), false));
    },
    dispose() {
      if (!disposed) disposeWeights(w);
      disposed = true;
    },
  };
}

/** A freshly initialised policy (weights drawn from createRng(seed)). @example createPolicy({ vocabSize: tok.vocabSize, ...MODEL_DEFAULTS }, tok, 0) */
export function createPolicy(config: ModelConfig, tokenizer: Tokenizer, seed: number): Policy {
  const checked = parseModelConfig(config);
  if (checked.vocabSize !== tokenizer.vocabSize) {
    throw new Error(`createPolicy: config.vocabSize=${checked.vocabSize} but the tokenizer has ${tokenizer.vocabSize} tokens; use tokenizer.vocabSize`);
  }
  return policyFrom(checked, tokenizer, initWeights(checked, createRng(seed)));
}

/** A policy written by `policy.save(dir)`. */
export async function loadPolicy(dir: string): Promise<Policy> {
  const { config, tokenizer, tensors } = await readCheckpoint(dir);
  const w = weightsFrom(config, (name) => tensors.get(name)!, true);
  return policyFrom(config, tokenizer, w);
}

/** Number of trainable scalars. */
export function parameterCount(p: Policy): number {
  return p.variables.reduce((n, v) => n + v.size, 0);
}
