import { ATTENTION } from './attention';
import type { Experiment } from './define';
import { CONSTRAINT_COUNT } from './constraint-count';
import { DIVERSITY } from './diversity';
import { FIRST_TASK_EXPERIMENT } from './first-task';
import { HPPT } from './hppt';
import { JUDGE_PRECISION } from './judge-precision';
import { REWARD_MIX } from './reward-mix';
import { WORLD_CHECK } from './world-check';

/** Every experiment of the laboratory, in the order `ifkit lab list` shows them and `make reproduce` runs them. */
export const EXPERIMENTS: readonly Experiment[] = [FIRST_TASK_EXPERIMENT, WORLD_CHECK, REWARD_MIX, JUDGE_PRECISION, CONSTRAINT_COUNT, DIVERSITY, HPPT, ATTENTION];

/** An experiment by name; the error lists the known ones. */
export function getExperiment(name: string): Experiment {
  const e = EXPERIMENTS.find((x) => x.name === name);
  if (!e) throw new Error(`lab: unknown experiment ${JSON.stringify(name)}; use one of ${EXPERIMENTS.map((x) => x.name).join(', ')}`);
  return e;
}
