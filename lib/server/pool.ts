/**
 * Checker worker threads with a watchdog. The HTTP thread only does I/O; checks run here. A check that overruns its
 * budget (a pathological regex, a runaway plugin) cannot be interrupted from inside, so its worker is terminated and
 * replaced: that job is scored as a timeout and the task's other jobs are re-queued on a fresh worker.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { cutIntoTasks, describeCheck, type Batch, type PendingJob, type Task } from './pool-tasks';
import {
  PROGRESS_CHECK, PROGRESS_JOB, PROGRESS_SEQ, PROGRESS_WORDS,
  type CheckJob, type JobOutcome, type WorkerReady, type WorkerReply,
} from './types';

/** Something the pool wants logged: a check killed for overrunning, a worker that died, a replacement. */
export interface PoolEvent {
  readonly kind: 'timeout' | 'worker-died';
  readonly message: string;
}

export interface PoolOptions {
  readonly workers: number;
  /** Budget for one check (one constraint on one response, all loose variants included), in ms. */
  readonly checkTimeoutMs: number;
  /** Modules exporting `constraints` (see plugins.ts), loaded in every worker. */
  readonly plugins?: readonly string[];
  /** Jobs per task: small enough to spread a batch over the workers and to bound what a timeout re-runs. */
  readonly maxJobsPerTask?: number;
  readonly onEvent?: (e: PoolEvent) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly progress: Int32Array;
  ready: boolean;
  retired: boolean;
  task?: Task;
  lastSeq: number;
  lastChange: number;
  error?: string;
}

const ENTRY = join(__dirname, 'worker-entry.js');

/** A fixed-size pool of checker workers. */
export class CheckerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  /** Jobs of the current event-loop turn, not yet cut into tasks. */
  private pending: PendingJob[] = [];
  private flushScheduled = false;
  private nextTaskId = 0;
  private closing = false;
  private readonly watchdog: NodeJS.Timeout;
  private readonly readyPromise: Promise<WorkerReady>;
  private resolveReady!: (r: WorkerReady) => void;
  private rejectReady!: (e: Error) => void;
  private everReady = false;
  /** Counters for /metrics. */
  readonly counts = { restarts: 0 };

  constructor(private readonly opts: PoolOptions) {
    if (!Number.isInteger(opts.workers) || opts.workers < 1) throw new Error(`workers must be a positive integer, got ${opts.workers}`);
    this.readyPromise = new Promise((res, rej) => ((this.resolveReady = res), (this.rejectReady = rej)));
    this.readyPromise.catch(() => undefined);
    for (let i = 0; i < opts.workers; i++) this.spawn();
    const tick = Math.max(5, Math.min(250, opts.checkTimeoutMs / 5));
    this.watchdog = setInterval(() => this.inspect(), tick);
    this.watchdog.unref();
  }

  /** Resolves once a worker has loaded (with the plugins' constraint ids); rejects if workers cannot start. */
  ready(): Promise<WorkerReady> {
    return this.readyPromise;
  }

  /** Workers currently running a task and tasks waiting for one. */
  load(): { readonly workers: number; readonly busy: number; readonly queuedTasks: number } {
    let busy = 0;
    for (const s of this.slots) if (s.task) busy++;
    return { workers: this.slots.size, busy, queuedTasks: this.queue.length };
  }

  /** Seconds the live workers' event loops have spent running (not waiting), summed; for utilization in /metrics. */
  busySeconds(): number {
    let ms = 0;
    for (const s of this.slots) ms += s.worker.performance.eventLoopUtilization().active;
    return ms / 1000;
  }

  /** Checks jobs on the workers; outcomes come back in job order. */
  run(jobs: readonly CheckJob[]): Promise<JobOutcome[]> {
    if (this.closing) return Promise.reject(new Error('checker pool is closed'));
    if (jobs.length === 0) return Promise.resolve([]);
    return new Promise((resolve) => {
      const batch: Batch = { results: new Array(jobs.length), remaining: jobs.length, resolve };
      jobs.forEach((job, slot) => this.pending.push({ job, target: { batch, slot } }));
      // Requests that arrive in the same turn share tasks: one message per worker instead of one per request.
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const per = Math.max(1, Math.min(this.opts.maxJobsPerTask ?? 64, Math.ceil(this.pending.length / this.opts.workers)));
    this.queue.push(...cutIntoTasks(this.pending, per, () => this.nextTaskId++));
    this.pending = [];
    this.pump();
  }

  /** Stops the watchdog and terminates the workers. */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.watchdog);
    await Promise.all([...this.slots].map((s) => ((s.retired = true), s.worker.terminate())));
    this.slots.clear();
  }

  private spawn(): void {
    const shared = new SharedArrayBuffer(PROGRESS_WORDS * Int32Array.BYTES_PER_ELEMENT);
    const worker = new Worker(ENTRY, { workerData: { progress: shared, plugins: this.opts.plugins ?? [] } });
    const slot: Slot = { worker, progress: new Int32Array(shared), ready: false, retired: false, lastSeq: 0, lastChange: 0 };
    this.slots.add(slot);
    worker.on('message', (m: WorkerReply | WorkerReady) => this.onMessage(slot, m));
    worker.on('error', (e) => (slot.error = e.message));
    worker.on('exit', (code) => this.onExit(slot, code));
  }

  private onMessage(slot: Slot, m: WorkerReply | WorkerReady): void {
    if ('ready' in m) {
      slot.ready = true;
      this.everReady = true;
      this.resolveReady(m);
      this.pump();
      return;
    }
    const task = slot.task;
    if (slot.retired || !task || task.taskId !== m.taskId) return;
    slot.task = undefined;
    m.outcomes.forEach((o, i) => this.settle(task, i, o));
    this.pump();
  }

  private settle(task: Task, i: number, outcome: JobOutcome): void {
    const { batch, slot } = task.targets[i]!;
    batch.results[slot] = outcome;
    if (--batch.remaining === 0) batch.resolve(batch.results as JobOutcome[]);
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.retired || slot.task) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.lastSeq = Atomics.load(slot.progress, PROGRESS_SEQ);
      slot.lastChange = performance.now();
      try {
        slot.worker.postMessage({ taskId: task.taskId, jobs: task.jobs });
      } catch (e) {
        // Input the structured clone cannot copy must fail its jobs, not the server.
        slot.task = undefined;
        const message = `could not be sent to a checker worker: ${(e as Error).message}; scored 0`;
        task.jobs.forEach((_, i) => this.settle(task, i, { kind: 'failed', message }));
      }
    }
  }

  /** The watchdog: a busy worker whose progress counter has not moved for longer than the budget is stuck. */
  private inspect(): void {
    const now = performance.now();
    for (const slot of this.slots) {
      if (!slot.task || slot.retired) continue;
      const seq = Atomics.load(slot.progress, PROGRESS_SEQ);
      if (seq !== slot.lastSeq) {
        slot.lastSeq = seq;
        slot.lastChange = now;
      } else if (now - slot.lastChange > this.opts.checkTimeoutMs) {
        this.replace(slot, 'timeout', `exceeded the ${this.opts.checkTimeoutMs} ms check budget; the worker was replaced and the response scored 0`);
      }
    }
  }

  private onExit(slot: Slot, code: number): void {
    if (slot.retired || this.closing) return;
    if (!this.everReady && !slot.ready) {
      this.slots.delete(slot);
      this.rejectReady(new Error(`checker worker failed to start (exit ${code}): ${slot.error ?? 'no error message'}`));
      return;
    }
    this.replace(slot, 'failed', `crashed the worker (exit ${code}${slot.error ? `: ${slot.error}` : ''}); scored 0`, !slot.ready);
  }

  /** Retires a stuck or dead worker: its current job gets `kind`, its other jobs go back to the front of the queue. */
  private replace(slot: Slot, kind: 'timeout' | 'failed', why: string, diedStarting = false): void {
    slot.retired = true;
    this.slots.delete(slot);
    void slot.worker.terminate();
    const task = slot.task;
    slot.task = undefined;
    if (task) {
      const j = Math.min(Math.max(0, Atomics.load(slot.progress, PROGRESS_JOB)), task.jobs.length - 1);
      const check = Atomics.load(slot.progress, PROGRESS_CHECK);
      const message = `${describeCheck(task.jobs[j]!, check)} ${why}`;
      this.opts.onEvent?.({ kind: kind === 'timeout' ? 'timeout' : 'worker-died', message });
      this.settle(task, j, { kind, message });
      const rest = task.jobs.map((_, i) => i).filter((i) => i !== j);
      if (rest.length > 0) {
        this.queue.unshift({
          taskId: this.nextTaskId++,
          jobs: rest.map((i) => task.jobs[i]!),
          targets: rest.map((i) => task.targets[i]!),
        });
      }
    }
    if (diedStarting) this.opts.onEvent?.({ kind: 'worker-died', message: `a replacement worker failed to start (${why}); retrying in 1 s` });
    if (!this.closing) {
      this.counts.restarts++;
      // A worker that cannot even start would otherwise be respawned in a hot loop.
      if (diedStarting) setTimeout(() => this.closing || this.spawn(), 1000).unref();
      else this.spawn();
    }
  }
}
