/** What /health and /metrics report about the running server: the pool's load and the defaults. */
import { performance } from 'node:perf_hooks';
import type { Judge } from '../judge/types';
import type { CheckerPool } from './pool';
import type { RouteConfig } from './routes';
import type { WorkerReady } from './types';

/** The /health reply. */
export function healthOf(pool: CheckerPool, ready: WorkerReady, config: RouteConfig, startedMs: number, judge: Judge | undefined): unknown {
  const l = pool.load();
  return {
    status: 'ok',
    uptime_s: (Date.now() - startedMs) / 1000,
    workers: l.workers,
    busy: l.busy,
    queued_tasks: l.queuedTasks,
    judge: judge?.name ?? null,
    defaults: { mode: config.mode, reward: config.reward, variant: config.variant },
    plugin_constraints: ready.pluginConstraints.map((c) => c.id),
  };
}

/** The gauges /metrics reads at each scrape. */
export function poolGauges(pool: CheckerPool): Record<string, { help: string; value: number }> {
  const l = pool.load();
  return {
    ifkit_workers: { help: 'Checker worker threads alive.', value: l.workers },
    ifkit_workers_busy: { help: 'Checker workers running a task.', value: l.busy },
    ifkit_queued_tasks: { help: 'Check tasks waiting for a worker.', value: l.queuedTasks },
    ifkit_worker_restarts: { help: 'Workers replaced after a timeout or crash (since start).', value: pool.counts.restarts },
    // Busy time over wall time between two scrapes is each side's utilization (workers: summed, so up to --workers).
    ifkit_main_busy_seconds: { help: 'Seconds the HTTP thread has spent running since start.', value: performance.eventLoopUtilization().active / 1000 },
    ifkit_workers_busy_seconds: { help: 'Seconds the live checker workers have spent running since they started, summed (drops when a worker is replaced).', value: pool.busySeconds() },
  };
}
