import { createHash } from 'node:crypto';
import { createRng } from '../../../stats/rng';
import type { WorldConfig } from './config';
import { drawDataset } from './dataset';
import { promptOf, type WorldInstance } from './instance';

/*
 * The prompts of one run: held-out evaluation sets that depend only on `evalSeed` and their specs (every seed and
 * arm is measured on the same prompts), the GRPO training pool and the warm start's prompts, which depend on the
 * run's seed. Evaluation prompts come from the held-out side of the line (dataset.ts regionOf), training and warm
 * start prompts from the other side, so no evaluation prompt is ever trained on.
 */

export interface WorldData {
  readonly eval: Readonly<Record<string, readonly WorldInstance[]>>;
  readonly train: readonly WorldInstance[];
  readonly sft: readonly WorldInstance[];
}

/** Prompts the warm start's teacher answers (it repeats them, with fresh responses, up to sft.examples). */
const SFT_PROMPTS = 4000;

const seedOf = (...parts: unknown[]): number => createHash('sha256').update(JSON.stringify(parts)).digest().readInt32LE(0);

/** The evaluation sets of a config (sets drawn in name order, each excluding the prompts of the earlier ones). */
export function evalSets(config: Pick<WorldConfig, 'data' | 'evalSeed'>): Record<string, WorldInstance[]> {
  const out: Record<string, WorldInstance[]> = {};
  const seen = new Set<string>();
  for (const name of Object.keys(config.data.eval).sort()) {
    const set = drawDataset(config.data.eval[name]!, config.data.evalSize, createRng(seedOf('eval', config.evalSeed, name)), 'eval', seen);
    set.forEach((inst) => seen.add(promptOf(inst)));
    out[name] = set;
  }
  return out;
}

/** The warm start's prompts of a config. */
export function sftPrompts(config: Pick<WorldConfig, 'data' | 'seed'>): WorldInstance[] {
  return drawDataset(config.data.sft, SFT_PROMPTS, createRng(seedOf('sft', config.seed)), 'train');
}

/** Every prompt set of a run. */
export function worldData(config: WorldConfig): WorldData {
  return {
    eval: evalSets(config),
    train: drawDataset(config.data.train, config.data.trainSize, createRng(seedOf('train', config.seed)), 'train'),
    sft: sftPrompts(config),
  };
}
