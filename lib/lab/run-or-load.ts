import type { Experiment, ExperimentReport, ExperimentResults, NamedFigure, Size } from './experiments/define';
import { isAbsolute, relative } from 'node:path';
import { getExperiment } from './experiments/registry';
import { projectRoot } from '../data/paths';
import type { Figure } from '../plots/figure';
import { loadResults } from './results';
import { defaultRunsRoot, defaultSftCache } from './roots';
import { runSweep } from './sweep/sweep';
import type { PoolEvent, SweepTask } from './sweep/pool';

/*
 * What a notebook calls to get an experiment's results: the full-size results of `make reproduce` when that sweep
 * has finished (loaded, nothing runs), otherwise the sweep at the notebook's size (quick by default), run or resumed
 * (a finished job never runs twice, so re-executing a notebook after its sweep costs seconds). The report is the
 * experiment's own report(): the same numbers as `ifkit lab report` and the figures.
 */

export interface ExperimentRun {
  readonly experiment: Experiment;
  readonly size: Size;
  readonly root: string;
  /** 'loaded': finished full-size results; 'ran': this call ran or resumed the sweep. */
  readonly source: 'loaded' | 'ran';
  readonly results: ExperimentResults;
  readonly report: ExperimentReport;
  readonly missing: readonly string[];
}

export interface RunOrLoadOptions {
  /** false runs the full size (QUICK=0); default true. */
  readonly quick?: boolean;
  /** The size to run, instead of `quick` (e.g. setupNotebook's size). */
  readonly size?: Size;
  /** Worker processes (one per core; default 2). */
  readonly jobs?: number;
  /** Where runs of each size live (default runs/ for full, runs/<size>/ otherwise). */
  readonly roots?: Partial<Record<Size, string>>;
  readonly sftCacheDir?: string;
  /** A line of progress now and then (jobs done, the running jobs' steps), e.g. a notebook's liveText. */
  readonly onProgress?: (line: string) => void;
}

/** Turns pool events into one progress line, at most one a second (the last one always). */
function progressLine(name: string, size: Size, onProgress: (line: string) => void): { plan(tasks: readonly SweepTask[]): void; event(e: PoolEvent): void } {
  let total = 0;
  let done = 0;
  let last = 0;
  const running = new Map<string, string>();
  const say = (force: boolean): void => {
    if (!force && Date.now() - last < 1000) return;
    last = Date.now();
    const now = [...running.entries()].map(([id, at]) => `${id.replace(`${name}/`, '')} ${at}`).join(', ');
    onProgress(total === 0 ? `${name} (${size}): every run had finished; nothing to train` : `${name} (${size}): ${done}/${total} tasks done${now ? `; running ${now}` : ''}`);
  };
  return {
    plan(tasks) {
      total = tasks.length;
      say(true);
    },
    event(e) {
      const id = e.task.id;
      if (e.type === 'start') running.set(id, 'starting');
      else if (e.type === 'progress' && (e.event.kind === 'step' || e.event.kind === 'sft')) running.set(id, `${e.event.kind === 'sft' ? 'warm start' : 'step'} ${e.event.step}/${e.event.total}`);
      else if (e.type !== 'progress') {
        running.delete(id);
        done += 1;
      }
      say(e.type !== 'progress');
    },
  };
}

/**
 * An experiment's results and report: loaded when its full-size sweep has finished, else run at the given size.
 * Throws if a job fails (its message says which and why); the finished ones stay on disk.
 * @example const count = await runOrLoadExperiment('constraint-count', { quick: true });
 */
export async function runOrLoadExperiment(name: string, o: RunOrLoadOptions = {}): Promise<ExperimentRun> {
  const experiment = getExperiment(name);
  const fullRoot = o.roots?.full ?? defaultRunsRoot('full');
  const full = loadResults(experiment, 'full', fullRoot);
  if (full.results.runs.length > 0 && full.missing.length === 0) {
    o.onProgress?.(`${name}: the full-size sweep has finished; its ${full.results.runs.length} runs are loaded, nothing is trained`);
    return { experiment, size: 'full', root: fullRoot, source: 'loaded', results: full.results, report: experiment.report(full.results), missing: [] };
  }
  const size = o.size ?? (o.quick === false ? 'full' : 'quick');
  const root = o.roots?.[size] ?? defaultRunsRoot(size);
  const progress = o.onProgress ? progressLine(name, size, o.onProgress) : undefined;
  const sweep = await runSweep([experiment], {
    size,
    root,
    sftCacheDir: o.sftCacheDir ?? defaultSftCache(),
    jobs: o.jobs ?? 2,
    ...(progress ? { onPlan: (_: unknown, tasks: readonly SweepTask[]) => progress.plan(tasks), onEvent: (e: PoolEvent) => progress.event(e) } : {}),
  });
  if (sweep.pool.failed.length > 0) {
    throw new Error(`${name}: ${sweep.pool.failed.length} job(s) failed: ${sweep.pool.failed.map((f) => `${f.id}: ${f.message.split('\n')[0]}`).join('; ')}`);
  }
  const { results, missing } = loadResults(experiment, size, root);
  const report = sweep.reports.find((r) => r.experiment === name)?.report ?? experiment.report(results);
  return { experiment, size, root, source: 'ran', results, report, missing };
}

/** A path as a notebook shows it: relative to the project when inside it (no machine's path in stored outputs). */
function shownPath(path: string): string {
  const rel = relative(projectRoot(), path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** One line on where the results came from. @example describeRun(count) // 'constraint-count: 12 quick-size runs, run in runs/quick (1 seed per arm)' */
export function describeRun(run: ExperimentRun): string {
  const seeds = new Set(run.results.runs.map((x) => x.seed)).size;
  const how = run.source === 'loaded' ? 'loaded from the finished full-size sweep in' : 'run (or resumed) in';
  const missing = run.missing.length ? `; ${run.missing.length} missing: ${run.missing.join(', ')}` : '';
  return `${run.experiment.name}: ${run.results.runs.length} ${run.size}-size runs, ${how} ${shownPath(run.root)} (${seeds} seed${seeds === 1 ? '' : 's'} per arm)${missing}`;
}

/** One of the experiment's figures by name; the error lists the names it has. @example experimentFigure(count, 'pass-by-k') */
export function experimentFigure(run: ExperimentRun, name: string): Figure {
  const figures: readonly NamedFigure[] = run.experiment.figures?.(run.results) ?? [];
  const f = figures.find((x) => x.name === name);
  if (!f) throw new Error(`${run.experiment.name} has no figure ${JSON.stringify(name)}; its figures are ${figures.map((x) => x.name).join(', ') || 'none'}`);
  return f.figure;
}
