import { patch } from '../patch';
import { WORLD_BASE, type WorldConfig } from '../tasks/world/config';

/*
 * Named configs of the world of hard and soft constraints. Every size shares one warm start (the same model,
 * teacher, warm-start prompts and SFT settings), so a quick tour after a full sweep trains nothing but GRPO.
 * - FULL: what `make reproduce` runs; 128 held-out prompts per evaluation set.
 * - QUICK: the notebooks' and CI's size: fewer GRPO steps, 64 held-out prompts per set.
 * - SMOKE: the tests' size: a smaller policy with a short warm start; it learns the skills that need no copying
 *   from the prompt (counting, punctuation, the soft constraints) within a minute or two.
 */

export const WORLD_FULL: WorldConfig = patch(WORLD_BASE, { grpo: { steps: 300, evalEvery: 25 } });

export const WORLD_QUICK: WorldConfig = patch(WORLD_BASE, { data: { evalSize: 64 }, auditResponses: 128, grpo: { steps: 80, evalEvery: 20, checkpointEvery: 20 } });

export const WORLD_SMOKE: WorldConfig = patch(WORLD_BASE, {
  model: { dModel: 32, nLayers: 1, nHeads: 2, contextLength: 48, mlpRatio: 2 },
  sft: { examples: 8000, steps: 300, batchSize: 32, learningRate: 5e-3 },
  data: { trainSize: 400, evalSize: 48 },
  auditResponses: 64,
  grpo: { steps: 40, evalEvery: 0, checkpointEvery: 0, lr: { peak: 2e-3, warmupSteps: 5 } },
});
