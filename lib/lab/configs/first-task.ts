import { LAB_DEFAULTS, type LabConfig } from '../tasks/first-task/config';
import { patch } from '../patch';

/*
 * Named configs of the first learning task. FULL is what `make reproduce` runs and the README reports (seed 1,
 * 134k parameters, 200 GRPO steps: held-out pass 0.21 → 0.40); QUICK is the notebook's and CI's (the same warm
 * start, 60 steps); SMOKE is the test's (a smaller policy and warm start, 40 steps, about a minute on an idle core).
 */

export const FIRST_TASK_FULL: LabConfig = LAB_DEFAULTS;

export const FIRST_TASK_QUICK: LabConfig = patch(LAB_DEFAULTS, { grpo: { steps: 60 } });

export const FIRST_TASK_SMOKE: LabConfig = patch(LAB_DEFAULTS, {
  model: { dModel: 32, nLayers: 1, nHeads: 2, contextLength: 32, mlpRatio: 2 },
  sft: { examples: 6000, steps: 250, batchSize: 32, learningRate: 5e-3 },
  heldOut: 96,
  grpo: { steps: 40, promptsPerStep: 8, groupSize: 8, maxNewTokens: 15, lr: { peak: 1e-3, warmupSteps: 5 }, evalEvery: 0, checkpointEvery: 0 },
});
