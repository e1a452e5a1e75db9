/**
 * A checker worker: receives tasks (lists of jobs), runs them synchronously, replies with their outcomes. Before
 * each check it publishes a progress word in shared memory so the HTTP thread's watchdog can see a stuck check.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { warmUpModels } from '../verifiers/nlp/warm-up';
import { runJob } from './check-job';
import { loadPluginConstraints, lookupWithPlugins } from './plugins';
import { PROGRESS_CHECK, PROGRESS_JOB, PROGRESS_SEQ, type JobOutcome, type WorkerReady, type WorkerReply, type WorkerTask } from './types';

interface WorkerInit {
  readonly progress: SharedArrayBuffer;
  readonly plugins: readonly string[];
}

function start(port: NonNullable<typeof parentPort>, init: WorkerInit): void {
  const progress = new Int32Array(init.progress);
  const plugins = loadPluginConstraints(init.plugins);
  // Before the first task, so a model's first load (slow on a busy machine) is never taken for a stuck check.
  warmUpModels();
  const lookup = lookupWithPlugins(plugins);
  port.on('message', (task: WorkerTask) => {
    const outcomes = task.jobs.map((job, j): JobOutcome => {
      Atomics.store(progress, PROGRESS_JOB, j);
      Atomics.store(progress, PROGRESS_CHECK, -1);
      Atomics.add(progress, PROGRESS_SEQ, 1);
      try {
        return runJob(job, lookup, (i) => {
          Atomics.store(progress, PROGRESS_CHECK, i);
          Atomics.add(progress, PROGRESS_SEQ, 1);
        });
      } catch (e) {
        return { kind: 'failed', message: `checking failed: ${(e as Error)?.message ?? String(e)}; scored 0` };
      }
    });
    port.postMessage({ taskId: task.taskId, outcomes } satisfies WorkerReply);
  });
  const ready: WorkerReady = { ready: true, pluginConstraints: plugins.map((c) => ({ id: c.id, kind: c.kind })) };
  port.postMessage(ready);
}

if (parentPort) start(parentPort, workerData as WorkerInit);
