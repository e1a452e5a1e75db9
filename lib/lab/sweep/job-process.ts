import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Size } from '../experiments/define';
import { getExperiment } from '../experiments/registry';
import { jobState } from '../jobs';
import { describeHolder, waitForLock, type LockHolder } from '../lock';
import type { JobHooks } from '../tasks/task';

/*
 * One job as a worker process runs it (`ifkit lab job`, spawned by the sweep): the experiment's job config is
 * recomputed from the registry (never passed on the command line), the task trains the warm start or runs the job,
 * and progress goes to the parent as one JSON line per event on stdout, marked so that nothing else is mistaken
 * for it. A job runs under the lock of its directory (`<dir>/lock`): while another process holds it (another sweep,
 * or a worker of a killed one that has not stopped yet) the job waits, saying who holds it, and a job found finished
 * once the lock is ours is not run again.
 */

export const PROGRESS_MARK = '@@ifkit-progress ';

export type ProgressEvent =
  | { readonly kind: 'sft'; readonly step: number; readonly total: number; readonly loss: number }
  | { readonly kind: 'warm'; readonly cached: boolean }
  | { readonly kind: 'step'; readonly step: number; readonly total: number; readonly reward: number; readonly truePass: number | null; readonly seconds: number }
  | { readonly kind: 'eval'; readonly step: number }
  /** Waiting for another process that holds the job or trains its warm start. */
  | { readonly kind: 'wait'; readonly message: string }
  /** Finished by another sweep since this one was planned. */
  | { readonly kind: 'finished-already' };

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
    onWait: (message) => emit({ kind: 'wait', message }),
    onStep: (m) => emit({ kind: 'step', step: m.step, total: grpoTotal, reward: m.rewardMean, truePass: m.truePassRate, seconds: m.stepSeconds }),
    onEval: (step) => emit({ kind: 'eval', step }),
  };
}

/** Run one job (or its warm start) in this process, under the job's lock. */
export async function runJob(a: JobArgs, emit: (e: ProgressEvent) => void): Promise<void> {
  const e = getExperiment(a.experiment);
  const config = e.jobConfig(a.arm, a.seed, a.size);
  const steps = e.task.steps(config);
  const opts = { sftCacheDir: a.sftCacheDir, hooks: progressHooks(steps.sft, steps.grpo, emit) };
  if (a.warmStartOnly) return e.task.prepareWarmStart(config, opts);
  await mkdir(a.dir, { recursive: true });
  const lockFile = join(a.dir, 'lock');
  const onWait = (h: LockHolder): void => emit({ kind: 'wait', message: describeHolder(lockFile, h) });
  const lock = await waitForLock(lockFile, `job ${a.experiment}/${a.arm}/seed-${a.seed}`, { onWait });
  try {
    // the directory may have changed while the sweep was planned or the job waited: checked again under the lock
    if (jobState({ ...a, config }) === 'finished') return emit({ kind: 'finished-already' });
    await e.task.run(config, a.dir, opts);
  } finally {
    lock.release();
  }
}

/**
 * Call `onGone` once the process `parentPid` is no longer this process's parent (it died and this one was
 * re-parented), so that a worker never outlives its sweep; returns a function that stops watching.
 * @example watchParent(Number(flags.parent), () => process.exit(1))
 */
export function watchParent(parentPid: number, onGone: () => void, everyMs = 1000): () => void {
  const timer = setInterval(() => {
    if (process.ppid === parentPid) return;
    clearInterval(timer);
    onGone();
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** An event line for the parent. */
export function progressLine(e: ProgressEvent): string {
  return PROGRESS_MARK + JSON.stringify(e);
}
