import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../tensor/backend';
import { FIRST_TASK_SHORT } from '../../configs/first-task';
import { runLab } from './run';

/*
 * The short version of the first learning task: a smaller policy, a shorter warm start and a few dozen GRPO steps.
 * It asserts that GRPO with the precise all-pass reward raises the held-out pass rate above the warm start's.
 * Slow by design (about a minute on an idle core; several under load), the one test here that trains for real.
 */

beforeAll(async () => {
  await initBackend('wasm');
});

describe('the first learning task, short', () => {
  it('GRPO raises the held-out pass rate above the warm start', async () => {
    const r = await runLab(FIRST_TASK_SHORT, undefined);
    r.policy.dispose();
    // the numbers, for the record when this fails
    console.log(JSON.stringify({ before: r.before, after: r.after }));
    expect(r.after.passRate).toBeGreaterThan(r.before.passRate + 0.08);
  }, 600_000);
});
