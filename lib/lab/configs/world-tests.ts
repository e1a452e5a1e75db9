import { patch } from '../patch';
import type { WorldConfig } from '../tasks/world/config';
import { WORLD_SMOKE } from './world';

/*
 * The world's learning tests (lib/lab/tasks/world/learning.test.ts): small enough for CI (a 1-layer policy, a short
 * warm start, tens of GRPO steps), on constraint types a policy this small learns without copying words from the
 * prompt (counting, punctuation and the four soft types), so that each test asserts a real difference in minutes.
 */

const NO_COPY = ['words_exact', 'no_comma', 'quoted', 'cheerful', 'animal', 'on_topic', 'formal'];
const MIXED_3_4 = { kinds: { 'hard-only': 0, 'soft-only': 0, mixed: 1 }, constraints: { min: 3, max: 4 }, types: NO_COPY, unsatisfiable: 0 };

const small: WorldConfig = patch(WORLD_SMOKE, {
  model: { dModel: 32, nLayers: 1, nHeads: 2, contextLength: 48, mlpRatio: 2 },
  sft: { examples: 8000, steps: 300, batchSize: 32, learningRate: 5e-3 },
  data: { train: MIXED_3_4, sft: MIXED_3_4, trainSize: 600, evalSize: 96 },
  reward: { judge: 'oracle' },
 
  grpo: { steps: 60, promptsPerStep: 8, groupSize: 8, evalEvery: 0, checkpointEvery: 0, lr: { peak: 2e-3, warmupSteps: 5 } },
});

/** The oracle judge on prompts of 3–4 mixed constraints: TRUE all-pass must rise above the warm start. */
export const WORLD_TEST_ORACLE: WorldConfig = { ...small, data: { ...small.data, eval: { mixed: MIXED_3_4 } } };

/** The same world with the lenient judge: its reward rises while the TRUE pass rate of its blind spot falls. */
export const WORLD_TEST_LENIENT: WorldConfig = patch(WORLD_TEST_ORACLE, { reward: { judge: 'sim:lenient' } });
