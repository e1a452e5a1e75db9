import * as tf from '@tensorflow/tfjs';
import { createRng } from '../stats/rng';
import type { ModelConfig } from './config';
import { parseModelConfig } from './config';
import { generateTokens, sampleAndRecord } from './generate';
import { recordingOn, type Recording } from './fused-record';
import type { Policy, SampleOptions } from './policy';
import { readCheckpoint, writeCheckpoint } from './checkpoint';
import type { Tokenizer } from './tokenizer';
import { completionLogProbs, recordingMatches, tokenLogProbs } from './log-probs';
import { forward } from './transformer';
import { disposeWeights, initWeights, namedWeights, weightsFrom, type Weights } from './weights';

export { batchFromSequences } from './generate';

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
  let recording: Recording | undefined; // of the last generate with keepForScoring, until scored or replaced
  const live = (what: string): void => {
    if (disposed) throw new Error(`policy.${what}: this policy was disposed; use a live policy or loadPolicy again`);
  };
  const dropRecording = (): void => {
    recording?.ws.dispose();
    recording = undefined;
  };
  return {
    config,
    tokenizer,
    variables,
    tokenLogProbs(batch, opts) {
      live('tokenLogProbs');
      return tokenLogProbs(w, config, batch, opts?.withEntropy ?? false, opts?.lastPositions);
    },
    completionLogProbs(prompts, completions, opts) {
      live('completionLogProbs');
      const r = recording && recordingMatches(recording, variables, prompts, completions) ? recording : undefined;
      if (r) recording = undefined; // consumed: scoring frees it
      return completionLogProbs(w, config, tokenizer.pad, prompts, completions, opts ?? {}, r);
    },
    async generate(prompts, opts: SampleOptions) {
      live('generate');
      dropRecording();
      if (!opts.keepForScoring || !recordingOn()) return generateTokens(w, config, prompts, opts);
      const r = await sampleAndRecord(w, config, prompts, opts, true);
      recording = r.recording;
      return r.completions;
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
      dropRecording();
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
