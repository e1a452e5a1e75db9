import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../stats/rng';
import type { ModelConfig } from './config';
import type { Tokenizer } from './tokenizer';

/*
 * THE CONTRACT between the policy (lib/model) and the GRPO trainer (lib/rl). Shapes: B sequences, T tokens.
 * Beyond what the trainer needs, Tokenizer.label(id) names tokens for attention maps.
 *
 * Notes for the trainer (measured in bench/model.ts): a training step is matmul-bound, so every forward pass
 * counts. With one inner iteration (μ = 1) the old log-probs equal the current ones detached (ratio 1), so they
 * need no separate forward; with β = 0 the reference model needs none either. Adam's applyGradients is declared
 * with variables but reads only names and tensors: `optimizer.applyGradients(grads as Record<string, tf.Variable>)`.
 * lib/model/sft.ts has clipByGlobalNorm and a full training loop to copy from.
 */

/** A left-padded batch of token sequences. */
export interface TokenBatch {
  /** int32 (B, T) */
  ids: tf.Tensor2D;
  /** float32 (B, T), 1 = real token, 0 = left padding */
  mask: tf.Tensor2D;
}

export interface SampleOptions {
  maxNewTokens: number;
  /** 1 by default; 0 means greedy (argmax). */
  temperature?: number;
  /** Keep only the k most likely tokens (0 or undefined: all). */
  topK?: number;
  /** Nucleus: keep the smallest set of most likely tokens whose mass reaches p (1 or undefined: all). */
  topP?: number;
  /** Generation of a sequence ends after it emits one of these (the stop token is kept in the completion). */
  stopTokens?: readonly number[];
  rng: Rng;
  /**
   * Keep this sampling's activations (fused path only) so that a following completionLogProbs of the same prompts
   * and completions, with the weights unchanged, needs no forward pass (the first GRPO update pass). They are freed
   * when used, by the next generate, or by dispose.
   */
  keepForScoring?: boolean;
}

export interface Policy {
  readonly config: ModelConfig;
  readonly tokenizer: Tokenizer;
  /** Trainable weights. */
  readonly variables: readonly tf.Variable[];
  /**
   * log p(ids[:, t] | ids[:, <t]) for t = 1..T-1 → (B, T-1), differentiable; entropy (B, T-1) of the same
   * next-token distributions if asked. With lastPositions = K, only the last K of them (t = T-K..T-1) → (B, K):
   * the output layer then runs on K positions per row (TRL's logits_to_keep), which is what an update over
   * right-aligned completions needs. Entries at padded positions are meaningless: multiply by the mask.
   * Call inside tf.tidy or tf.variableGrads (the result is not disposed for you).
   */
  tokenLogProbs(batch: TokenBatch, opts?: { withEntropy?: boolean; lastPositions?: number }): { logProbs: tf.Tensor2D; entropy?: tf.Tensor2D };
  /**
   * log p of each completion token given its prompt and the completion before it → (B, K), K = positions (default:
   * the longest completion), right-aligned as tokenLogProbs(prompt + completion, { lastPositions: K }) gives them:
   * completion b's token t at [b, K − len_b + t]; other entries are meaningless. Differentiable; entropies if asked.
   * Rows with the same prompt (a GRPO group) share the prompt's forward pass where the backend allows, with the same
   * result. Call inside tf.tidy or tf.variableGrads.
   */
  completionLogProbs(
    prompts: readonly (readonly number[])[],
    completions: readonly (readonly number[])[],
    opts?: { withEntropy?: boolean; positions?: number },
  ): { logProbs: tf.Tensor2D; entropy?: tf.Tensor2D };
  /**
   * Batched sampling with a KV cache; prompts may differ in length (left-padded internally). Returns one completion
   * per prompt (token ids, stop token included if hit). Seeded through opts.rng only.
   */
  generate(prompts: readonly (readonly number[])[], opts: SampleOptions): Promise<number[][]>;
  /** Attention weights of every layer and head for one sequence: [layer][head][query][key] (causal: key <= query). */
  attention(ids: readonly number[]): Promise<number[][][][]>;
  /** Writes weights + JSON config + tokenizer into `dir` (created if missing). */
  save(dir: string): Promise<void>;
  /** A frozen copy (its variables are not trainable): the reference model for KL. */
  clone(): Policy;
  /** Frees the weights; the policy is unusable afterwards. */
  dispose(): void;
}

export { createPolicy, loadPolicy, batchFromSequences, parameterCount } from './policy-impl';
