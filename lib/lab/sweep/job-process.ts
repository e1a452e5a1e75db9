import type { Size } from '../experiments/define';
import { getExperiment } from '../experiments/registry';
import type { JobHooks } from '../tasks/task';

/*
 * One job as a worker process runs it (`ifkit lab job`, spawned by the sweep): the experiment's job config is
 * recomputed from the registry (never passed on the command line), the task trains the warm start or runs the job,
 * and progress goes to the parent as one JSON line per event on stdout, marked so that nothing else is mistaken
 * for it.
 */

export const PROGRESS_MARK = '@@ifkit-progress ';

export type ProgressEvent =
  | { readonly kind: 'sft'; readonly step: number; readonly total: number; readonly loss: number }
  | { readonly kind: 'warm'; readonly cached: boolean }
  | { readonly kind: 'step'; readonly step: number; readonly total: number; readonly reward: number; readonly truePass: number | null; readonly seconds: number }
  | { readonly kind: 'eval'; readonly step: number };

export interface JobArgs {
  readonly experiment: string;
  readonly arm: string;
  readonly seed: number;
  readonly size: Size;
  readonly dir: string;
  readonly sftCacheDir: string;
  /** Only train (or find) the job's warm start. */
  readonly warmStartOnly?: boolean;
}

/** Hooks that report a job's progress as events. */
export function progressHooks(sftTotal: number, grpoTotal: number, emit: (e: ProgressEvent) => void): JobHooks {
  return {
    onSftStep: (s) => emit({ kind: 'sft', step: s.step + 1, total: sftTotal, loss: s.loss }),
    onWarmStart: (w) => emit({ kind: 'warm', cached: w.cached }),
    onStep: (m) => emit({ kind: 'step', step: m.step, total: grpoTotal, reward: m.rewardMean, truePass: m.truePassRate, seconds: m.stepSeconds }),
    onEval: (step) => emit({ kind: 'eval', step }),
  };
}

/** Run one job (or its warm start) in this process. */
export async function runJob(a: JobArgs, emit: (e: ProgressEvent) => void): Promise<void> {
  const e = getExperiment(a.experiment);
  const config = e.jobConfig(a.arm, a.seed, a.size);
  const steps = e.task.steps(config);
  const opts = { sftCacheDir: a.sftCacheDir, hooks: progressHooks(steps.sft, steps.grpo, emit) };
  if (a.warmStartOnly) await e.task.prepareWarmStart(config, opts);
  else await e.task.run(config, a.dir, opts);
}

/** An event line for the parent. */
export function progressLine(e: ProgressEvent): string {
  return PROGRESS_MARK + JSON.stringify(e);
}
