import type { Figure } from '../../plots/figure';
import type { Claim } from '../../stats/claims';
import type { LabTask } from '../tasks/task';

/*
 * An experiment of the laboratory: a task, a base config per size (the named configs in lib/lab/configs/), arms
 * that each change what they study, seeds, and a report that computes every claim from the results. One file per
 * experiment in this folder, one line in registry.ts; the CLI, the sweep runner, the figures, the Makefile and the
 * notebooks all read the registry.
 */

/** 'full': `make reproduce`; 'quick': notebooks and CI; 'smoke': the tests (seconds to a couple of minutes per job). */
export type Size = 'smoke' | 'quick' | 'full';
export const SIZES: readonly Size[] = ['smoke', 'quick', 'full'];

export interface ArmSpec<C> {
  readonly name: string;
  readonly description: string;
  /** The arm's config from the size's base config (state only what differs). */
  readonly config: (base: C) => C;
}

/** One finished run, as the report sees it. */
export interface RunResult {
  readonly arm: string;
  readonly seed: number;
  /** final.json of the run. */
  readonly final: Readonly<Record<string, unknown>>;
  /** eval.jsonl: held-out metrics by step (step 0 is the warm start). */
  readonly evals: readonly Readonly<Record<string, number>>[];
  /** metrics.jsonl: the trainer's rows (the task's per-step metrics in `extra`). */
  readonly train: readonly Readonly<Record<string, unknown>>[];
}

export interface ExperimentResults {
  readonly experiment: string;
  readonly size: Size;
  readonly runs: readonly RunResult[];
}

/** A table of the report: rows of named values. */
export interface ReportTable {
  readonly name: string;
  readonly description: string;
  readonly rows: readonly Readonly<Record<string, string | number>>[];
}

export interface ExperimentReport {
  readonly claims: readonly Claim[];
  readonly tables: readonly ReportTable[];
}

/** One figure of an experiment; `make figures` writes it as figures/<experiment>-<name>.svg/.png. */
export interface NamedFigure {
  readonly name: string;
  readonly description: string;
  readonly figure: Figure;
}

export interface ExperimentSpec<C> {
  readonly name: string;
  readonly description: string;
  readonly task: LabTask<C>;
  readonly base: Readonly<Record<Size, C>>;
  readonly arms: readonly ArmSpec<C>[];
  readonly seeds: Readonly<Record<Size, readonly number[]>>;
  report(results: ExperimentResults): ExperimentReport;
  /** Runs of other experiments a job reads (same seed and size), which a sweep finishes first. */
  after?(arm: string): readonly { readonly experiment: string; readonly arm: string }[];
  /** Its figures, from the same results (optional: an experiment without figures has a report only). */
  figures?(results: ExperimentResults): readonly NamedFigure[];
}

/** An experiment with its config type erased: what the registry, the CLI and the sweep runner hold. */
export interface Experiment {
  readonly name: string;
  readonly description: string;
  readonly task: LabTask<unknown>;
  readonly arms: readonly { readonly name: string; readonly description: string }[];
  readonly seeds: Readonly<Record<Size, readonly number[]>>;
  /** The validated config of one job: the arm applied to the size's base, with the seed set everywhere it seeds. */
  jobConfig(arm: string, seed: number, size: Size): unknown;
  report(results: ExperimentResults): ExperimentReport;
  /** The runs (experiment and arm; same seed and size) a job of `arm` needs finished first. */
  after(arm: string): readonly { readonly experiment: string; readonly arm: string }[];
  figures?(results: ExperimentResults): readonly NamedFigure[];
}

interface Seeded {
  readonly seed: number;
}

/**
 * Declare an experiment.
 * @example defineExperiment({ name: 'world-check', description, task: WORLD_TASK, base: { quick, full }, arms, seeds, report })
 */
export function defineExperiment<C extends Seeded>(spec: ExperimentSpec<C>): Experiment {
  const names = spec.arms.map((a) => a.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw new Error(`experiment ${spec.name}: arm ${dup} is declared twice`);
  const bad = names.find((n) => !/^[a-z0-9][a-z0-9.=_-]*$/.test(n));
  if (bad !== undefined) throw new Error(`experiment ${spec.name}: arm name ${JSON.stringify(bad)} must be lowercase letters, digits, '.', '=', '_' or '-' (it names a directory)`);
  return {
    name: spec.name,
    description: spec.description,
    task: spec.task as LabTask<unknown>,
    arms: spec.arms.map(({ name, description }) => ({ name, description })),
    seeds: spec.seeds,
    jobConfig(arm, seed, size) {
      const a = spec.arms.find((x) => x.name === arm);
      if (!a) throw new Error(`experiment ${spec.name} has no arm ${JSON.stringify(arm)}; its arms are ${names.join(', ')}`);
      const c = a.config(spec.base[size]);
      // a training config seeds its trainer too
      const grpo = (c as { grpo?: unknown }).grpo;
      return spec.task.parseConfig({ ...c, seed, ...(typeof grpo === 'object' && grpo !== null ? { grpo: { ...grpo, seed } } : {}) });
    },
    report: spec.report,
    after: (arm) => spec.after?.(arm) ?? [],
    ...(spec.figures ? { figures: spec.figures } : {}),
  };
}
