import type { Experiment } from './define';
import { FIRST_TASK_EXPERIMENT } from './first-task';
import { WORLD_CHECK } from './world-check';

/** Every experiment of the laboratory, in the order `ifkit lab list` shows them and `make reproduce` runs them. */
export const EXPERIMENTS: readonly Experiment[] = [FIRST_TASK_EXPERIMENT, WORLD_CHECK];

/** An experiment by name; the error lists the known ones. */
export function getExperiment(name: string): Experiment {
  const e = EXPERIMENTS.find((x) => x.name === name);
  if (!e) throw new Error(`lab: unknown experiment ${JSON.stringify(name)}; use one of ${EXPERIMENTS.map((x) => x.name).join(', ')}`);
  return e;
}
