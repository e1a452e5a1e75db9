import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../tensor/backend';
import { parseLabConfig } from './config';
import { runLab } from './run';

/*
 * The short version of the first learning task: a smaller policy, a shorter warm start and a few dozen GRPO steps.
 * It asserts that GRPO with the precise all-pass reward raises the held-out pass rate above the warm start's.
 * Slow by design (about a minute on an idle core; several under load), the one test here that trains for real.
 */
const SHORT = parseLabConfig({
  seed: 1,
  model: { dModel: 32, nLayers: 1, nHeads: 2, contextLength: 32, mlpRatio: 2 },
  sft: { examples: 6000, steps: 250, batchSize: 32, learningRate: 5e-3 },
  heldOut: 96,
  grpo: {
    steps: 40,
    promptsPerStep: 8,
    groupSize: 8,
    maxNewTokens: 15,
    lr: { peak: 1e-3, warmupSteps: 5 },
    evalEvery: 0,
    checkpointEvery: 0,
  },
});

beforeAll(async () => {
  await initBackend('wasm');
});

describe('the first learning task, short', () => {
  it('GRPO raises the held-out pass rate above the warm start', async () => {
    const r = await runLab(SHORT, undefined);
    r.policy.dispose();
    // the numbers, for the record when this fails
    console.log(JSON.stringify({ before: r.before, after: r.after }));
    expect(r.after.passRate).toBeGreaterThan(r.before.passRate + 0.08);
  }, 600_000);
});
