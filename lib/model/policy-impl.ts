import type { ModelConfig } from './config';
import type { Policy, TokenBatch } from './policy';
import type { Tokenizer } from './tokenizer';

const soon = (name: string): never => {
  throw new Error(`${name}: not implemented yet (lib/model is being built)`);
};

/** A freshly initialised policy. */
export function createPolicy(config: ModelConfig, tokenizer: Tokenizer, seed: number): Policy {
  return soon(`createPolicy(${JSON.stringify(config)}, vocab ${tokenizer.vocabSize}, seed ${seed})`);
}

/** A policy written by `policy.save(dir)`. */
export async function loadPolicy(dir: string): Promise<Policy> {
  return soon(`loadPolicy(${dir})`);
}

/** Left-padded (B, T) batch of `seqs` with mask 1 on real tokens. */
export function batchFromSequences(seqs: readonly (readonly number[])[], pad: number): TokenBatch {
  return soon(`batchFromSequences(${seqs.length} seqs, pad ${pad})`);
}

/** Number of trainable scalars. */
export function parameterCount(p: Policy): number {
  return p.variables.reduce((n, v) => n + v.size, 0);
}
