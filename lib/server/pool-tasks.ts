/** What the pool queues: jobs cut into tasks (one message to a worker each), and where each outcome goes. */
import type { CheckJob, JobOutcome } from './types';

/** The jobs of one run() call and the promise waiting for all of them. */
export interface Batch {
  readonly results: Array<JobOutcome | undefined>;
  remaining: number;
  readonly resolve: (r: JobOutcome[]) => void;
}

/** Where a job's outcome goes: its batch (one run() call) and its index there. */
export interface Target {
  readonly batch: Batch;
  readonly slot: number;
}

export interface Task {
  readonly taskId: number;
  readonly jobs: readonly CheckJob[];
  readonly targets: readonly Target[];
}

/** A job waiting to be put in a task. */
export interface PendingJob {
  readonly job: CheckJob;
  readonly target: Target;
}

/** Cuts pending jobs into tasks of at most `per` jobs, in order. */
export function cutIntoTasks(pending: readonly PendingJob[], per: number, nextId: () => number): Task[] {
  const tasks: Task[] = [];
  for (let start = 0; start < pending.length; start += per) {
    const part = pending.slice(start, start + per);
    tasks.push({ taskId: nextId(), jobs: part.map((p) => p.job), targets: part.map((p) => p.target) });
  }
  return tasks;
}

/** Names the check a worker was running, for timeout and crash messages. */
export function describeCheck(job: CheckJob, check: number): string {
  if (check < 0) return 'preparing the constraints';
  const c = job.constraints;
  const id = c.kind === 'ids' ? c.instructionIds[check] : undefined;
  return id ? `the check of ${id} (constraint ${check})` : `the check of constraint ${check} of the label`;
}
