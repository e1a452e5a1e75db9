import { patch } from '../patch';
import { WORLD_BASE, type WorldConfig } from '../tasks/world/config';

/*
 * Named configs of the world of hard and soft constraints. Every size shares one warm start (the same model,
 * teacher, warm-start prompts and SFT settings), so a quick tour after a full sweep trains nothing but GRPO.
 * - FULL: what `make reproduce` runs; 128 held-out prompts per evaluation set.
 * - QUICK: the notebooks' and CI's size: fewer GRPO steps, 64 held-out prompts per set.
 * - SMOKE: the plumbing tests' size (seconds per job: it runs every stage and learns nothing). The learning tests
 *   have their own configs in world-tests.ts.
 */

export const WORLD_FULL: WorldConfig = patch(WORLD_BASE, { grpo: { steps: 300, evalEvery: 25 } });

export const WORLD_QUICK: WorldConfig = patch(WORLD_BASE, { data: { evalSize: 64 }, grpo: { steps: 80, evalEvery: 20, checkpointEvery: 20 } });

export const WORLD_SMOKE: WorldConfig = patch(WORLD_BASE, {
  model: { dModel: 16, nLayers: 1, nHeads: 2, contextLength: 48, mlpRatio: 2 },
  sft: { examples: 1000, steps: 20, batchSize: 16, learningRate: 5e-3 },
  data: { trainSize: 100, evalSize: 12 },
  reward: { learnedExamples: 60 },
 
  grpo: { steps: 4, promptsPerStep: 4, groupSize: 4, evalEvery: 2, checkpointEvery: 2 },
});

/**
 * The raw training data of the HPPT experiment: VerInstruct's mix (22.3% hard-only prompts, the rest mixed) with
 * 2–5 constraints, so that many prompts hold several soft constraints, and one prompt in five no policy can satisfy
 * (value conflicts, more required words than the count allows): the work a learnability filter is for. The pool is
 * small so that a pilot of two passes stays shorter than the run it refines.
 */
export const HPPT_RAW_DATA = { kinds: { 'hard-only': 0.223, 'soft-only': 0, mixed: 0.777 }, constraints: { min: 2, max: 5 }, types: 'all' as const, unsatisfiable: 0.2 };
export const HPPT_POOL = 400;
export const HPPT_PILOT_EPOCHS = 2;
