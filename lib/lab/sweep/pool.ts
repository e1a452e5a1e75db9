import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { projectRoot } from '../../data/paths';
import { PROGRESS_MARK, type JobArgs, type ProgressEvent } from './job-process';

/*
 * Worker processes for a sweep: tfjs-wasm runs one thread per process, so parallel work means one process per core.
 * Each task runs `ifkit lab job …` in its own process; at most `jobs` run at once; a task waits for the tasks it
 * depends on (a run for its warm start) and is skipped if one of them failed. A failed task never stops the others:
 * the sweep ends with every failure named and the tail of its error output. Workers get the sweep's pid and stop by
 * themselves if it dies.
 */

/** The longest line of a worker's error output a failure message repeats. */
const MAX_ERR_LINE = 400;

export interface SweepTask {
  readonly id: string;
  readonly args: JobArgs;
  readonly after: readonly string[];
}

export type PoolEvent =
  | { readonly type: 'start'; readonly task: SweepTask }
  | { readonly type: 'progress'; readonly task: SweepTask; readonly event: ProgressEvent }
  | { readonly type: 'done'; readonly task: SweepTask; readonly seconds: number }
  | { readonly type: 'failed'; readonly task: SweepTask; readonly message: string }
  | { readonly type: 'skipped'; readonly task: SweepTask; readonly because: string };

export interface PoolResult {
  readonly done: readonly string[];
  readonly failed: readonly { readonly id: string; readonly message: string }[];
  readonly skipped: readonly { readonly id: string; readonly because: string }[];
}

/** The command line of a task's worker. */
export function workerArgs(a: JobArgs, parentPid = process.pid): string[] {
  return [
    join(projectRoot(), 'bin', 'ifkit.js'),
    'lab',
    'job',
    '--experiment', a.experiment,
    '--arm', a.arm,
    '--seed', String(a.seed),
    '--size', a.size,
    '--dir', a.dir,
    '--cache', a.sftCacheDir,
    '--parent', String(parentPid),
    ...(a.warmStartOnly ? ['--warm-start-only'] : []),
  ];
}

function runWorker(task: SweepTask, onEvent: (e: ProgressEvent) => void, children: Set<ChildProcess>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, workerArgs(task.args), { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    children.add(child);
    const errTail: string[] = [];
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith(PROGRESS_MARK)) return;
      let event: ProgressEvent;
      try {
        event = JSON.parse(line.slice(PROGRESS_MARK.length)) as ProgressEvent;
      } catch {
        return; // a progress line cut short (a worker killed mid-write) is only a missed update
      }
      onEvent(event);
    });
    createInterface({ input: child.stderr! }).on('line', (line) => {
      // a minified bundle's source line in a stack trace can be megabytes: keep each line readable
      errTail.push(line.length > MAX_ERR_LINE ? `${line.slice(0, MAX_ERR_LINE)} … (${line.length - MAX_ERR_LINE} more characters)` : line);
      if (errTail.length > 20) errTail.shift();
    });
    child.on('error', (e) => {
      children.delete(child);
      reject(e);
    });
    child.on('close', (code, signal) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${signal ? `killed by ${signal}` : `exit code ${code}`}${errTail.length ? `:\n${errTail.join('\n')}` : ''}`));
    });
  });
}

/**
 * Run tasks in worker processes, `jobs` at a time, respecting dependencies.
 * @example await runPool(tasks, 2, (e) => bars.update(e))
 */
export async function runPool(tasks: readonly SweepTask[], jobs: number, onEvent: (e: PoolEvent) => void, signal?: AbortSignal): Promise<PoolResult> {
  const state = new Map<string, 'pending' | 'running' | 'done' | 'failed' | 'skipped'>(tasks.map((t) => [t.id, 'pending']));
  const failed: { id: string; message: string }[] = [];
  const skipped: { id: string; because: string }[] = [];
  const children = new Set<ChildProcess>();
  const stop = (): void => children.forEach((c) => c.kill('SIGTERM'));
  signal?.addEventListener('abort', stop, { once: true });
  await new Promise<void>((resolveAll) => {
    const skip = (t: SweepTask, because: string): void => {
      state.set(t.id, 'skipped');
      skipped.push({ id: t.id, because });
      onEvent({ type: 'skipped', task: t, because });
    };
    const pump = (): void => {
      for (let changed = true; changed; ) {
        changed = false;
        for (const t of tasks) {
          if (state.get(t.id) !== 'pending') continue;
          const bad = t.after.find((d) => state.get(d) === 'failed' || state.get(d) === 'skipped');
          if (bad !== undefined || signal?.aborted) {
            skip(t, signal?.aborted ? 'the sweep was stopped' : `${bad} did not finish`);
            changed = true;
          }
        }
      }
      const running = [...state.values()].filter((s) => s === 'running').length;
      const ready = tasks.filter((t) => state.get(t.id) === 'pending' && t.after.every((d) => state.get(d) === 'done'));
      if (running === 0 && ready.length === 0) {
        for (const t of tasks) if (state.get(t.id) === 'pending') skip(t, `it waits for ${t.after.join(', ')}, which no task provides`);
      }
      for (const t of ready.slice(0, Math.max(0, jobs - running))) {
        state.set(t.id, 'running');
        onEvent({ type: 'start', task: t });
        const t0 = performance.now();
        runWorker(t, (event) => onEvent({ type: 'progress', task: t, event }), children).then(
          () => {
            state.set(t.id, 'done');
            onEvent({ type: 'done', task: t, seconds: (performance.now() - t0) / 1000 });
            pump();
          },
          (e: unknown) => {
            const message = e instanceof Error ? e.message : String(e);
            // a worker stopped with the sweep is not a failure: it resumes with the next run
            if (signal?.aborted) {
              skip(t, 'the sweep was stopped');
              pump();
              return;
            }
            state.set(t.id, 'failed');
            failed.push({ id: t.id, message });
            onEvent({ type: 'failed', task: t, message });
            pump();
          },
        );
      }
      if ([...state.values()].every((s) => s !== 'pending' && s !== 'running')) resolveAll();
    };
    pump();
  });
  signal?.removeEventListener('abort', stop);
  return { done: [...state].filter(([, v]) => v === 'done').map(([k]) => k), failed, skipped };
}
