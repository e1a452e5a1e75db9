import * as tf from '@tensorflow/tfjs';
import { batchFromSequences, type Policy, type SampleOptions, type TokenBatch } from '../model/policy';

/*
 * One rollout: G completions per prompt, their rewards, and the left-padded training batch with the mask of the
 * completion tokens. Completions are stored group-major: prompt i's group is rows i·G … i·G + G − 1.
 * Reward interfaces follow TRL's `reward_funcs` (per item, sync or async, gathered) and verl's batch
 * `compute_score` (a list in, a list out); NaN means "unscorable" and gets advantage 0 (TRL).
 */

/** A prompt of a task: its text (for rewards), its token ids (for the policy) and task data (for rewards). */
export interface TaskPrompt<M> {
  readonly text: string;
  readonly ids: readonly number[];
  readonly meta: M;
}

export interface RewardItem<M> {
  readonly prompt: string;
  readonly completion: string;
  readonly meta: M;
}

/** Scores one completion; may be async (an LLM judge). */
export type RewardFn<M> = (prompt: string, completion: string, meta: M) => number | Promise<number>;

/** Scores a whole step at once (one HTTP request to a reward server, say). */
export interface BatchRewardFn<M> {
  readonly batch: (items: readonly RewardItem<M>[]) => readonly number[] | Promise<readonly number[]>;
}

export type Reward<M> = RewardFn<M> | BatchRewardFn<M>;

/** Rewards of `items` in order, from either form of reward function. */
export async function scoreRewards<M>(reward: Reward<M>, items: readonly RewardItem<M>[]): Promise<number[]> {
  const out =
    typeof reward === 'function'
      ? await Promise.all(items.map((it) => reward(it.prompt, it.completion, it.meta)))
      : await reward.batch(items);
  if (out.length !== items.length) {
    throw new Error(`reward: got ${out.length} rewards for ${items.length} completions; return one number per item`);
  }
  const bad = out.findIndex((r) => typeof r !== 'number');
  if (bad >= 0) throw new Error(`reward: item ${bad} scored ${JSON.stringify(out[bad])}; return a number (NaN = unscorable)`);
  return out.slice();
}

export interface Rollout<M> {
  readonly prompts: readonly TaskPrompt<M>[];
  /** (P·G) completion token ids, stop token included. */
  readonly completionIds: number[][];
  readonly completions: string[];
  readonly rewards: number[];
}

/** Sample G completions per prompt and score them. */
export async function rollout<M>(
  policy: Policy,
  prompts: readonly TaskPrompt<M>[],
  groupSize: number,
  sample: SampleOptions,
  reward: Reward<M>,
): Promise<{ rollout: Rollout<M>; sampleSeconds: number; rewardSeconds: number }> {
  const t0 = performance.now();
  const repeated = prompts.flatMap((p) => Array.from({ length: groupSize }, () => p.ids));
  const completionIds = await policy.generate(repeated, sample);
  const completions = completionIds.map((ids) => policy.tokenizer.decode(ids));
  const t1 = performance.now();
  const items = completions.map((completion, k) => {
    const p = prompts[Math.floor(k / groupSize)]!;
    return { prompt: p.text, completion, meta: p.meta };
  });
  const rewards = await scoreRewards(reward, items);
  const t2 = performance.now();
  return {
    rollout: { prompts, completionIds, completions, rewards },
    sampleSeconds: (t1 - t0) / 1000,
    rewardSeconds: (t2 - t1) / 1000,
  };
}

export interface TrainingBatch {
  /** (B, T) left-padded prompt + completion. */
  readonly batch: TokenBatch;
  /** (B, T − 1) 1 where the predicted token (position t + 1) is a completion token. */
  readonly completionMask: tf.Tensor2D;
  /** The longest completion: every completion target lies in the last this-many columns of completionMask. */
  readonly lastPositions: number;
  /** Each row's prompt and completion token ids (what Policy.completionLogProbs takes). */
  readonly promptIds: readonly (readonly number[])[];
  readonly completionIds: readonly (readonly number[])[];
}

/** Prompt + completion sequences, left-padded, with the completion mask aligned to `tokenLogProbs`. */
export function trainingBatch(
  promptIds: readonly (readonly number[])[],
  completionIds: readonly (readonly number[])[],
  pad: number,
  keep: readonly boolean[],
): TrainingBatch {
  const seqs = promptIds.map((p, b) => [...p, ...completionIds[b]!]);
  const T = Math.max(...seqs.map((s) => s.length));
  const mask = new Float32Array(seqs.length * (T - 1));
  seqs.forEach((s, b) => {
    if (!keep[b]) return;
    // token at padded position t is a completion token for t >= T − len(completion); logProbs index is t − 1
    const first = T - completionIds[b]!.length - 1;
    mask.fill(1, b * (T - 1) + first, (b + 1) * (T - 1));
  });
  const lastPositions = Math.max(...completionIds.map((c) => c.length));
  const completionMask = tf.tensor2d(mask, [seqs.length, T - 1]);
  return { batch: batchFromSequences(seqs, pad), completionMask, lastPositions, promptIds, completionIds };
}
