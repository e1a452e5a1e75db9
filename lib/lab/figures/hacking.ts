import type { HackingPanel } from '../../plots/hacking';
import type { ExperimentResults } from '../experiments/define';
import { armRuns } from '../experiments/values';
import { evalCurve, meanCurve, trainCurve } from './seed-values';

/*
 * The hacking curves of a set of arms: the training reward (what the judge paid) and the TRUE all-pass rate of the
 * same rollouts, per GRPO step, smoothed over about 2% of the run either side, mean over seeds with 95% bands; and
 * the held-out TRUE all-pass on one evaluation set at each evaluation.
 */

/** Half-width of the moving mean in steps: about 2% of the run (1 step at 80, 6 at 300). */
export const smoothingHalfWidth = (steps: number): number => Math.round(steps * 0.02);

/** One panel per arm that has finished runs, in the order given. */
export function hackingPanels(r: ExperimentResults, arms: readonly string[], heldOutSet: string): HackingPanel[] {
  return arms.flatMap((arm) => {
    const runs = armRuns(r, arm);
    if (runs.length === 0) return [];
    const steps = Math.max(0, ...runs.map((run) => run.train.length));
    const half = smoothingHalfWidth(steps);
    return [
      {
        name: arm,
        reward: meanCurve(runs, trainCurve('train/reward', half)),
        truePass: meanCurve(runs, trainCurve('train/allPass', half)),
        heldOut: meanCurve(runs, evalCurve(`${heldOutSet}/allPass`)),
      },
    ];
  });
}
