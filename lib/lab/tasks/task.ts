import type { SftStep } from '../../model/sft';
import type { GrpoMetrics } from '../../rl/grpo';
import type { ConstraintKind } from '../../verifiers/types';

/*
 * What the laboratory needs from a task (a world with its prompts, constraints, teacher and truth): validate a
 * config, say how long a run is, share warm starts, and run one seeded job into a directory. Each task keeps its own
 * instance type and config type; experiments are written against a task, and the sweep runner sees only this.
 */

/** Progress of a job, for bars and logs. */
export interface JobHooks {
  onSftStep?(s: SftStep): void;
  onWarmStart?(info: { cached: boolean; dir?: string }): void;
  /** Another process trains the warm start this job needs: the job waits for it. */
  onWait?(message: string): void;
  onStep?(row: GrpoMetrics): void;
  onEval?(step: number, metrics: Record<string, number>): void;
}

export interface JobOptions {
  /** Where warm starts are cached (shared by every run with the same warm-start key). */
  readonly sftCacheDir?: string;
  readonly hooks?: JobHooks;
  /** Return after this many finished GRPO steps (to test stop-and-resume). */
  readonly stopAfter?: number;
}

/** A constraint type of a task, for listings. */
export interface TaskConstraintType {
  readonly name: string;
  readonly kind: ConstraintKind;
  /** The registry id that checks it, or a note on how it is checked. */
  readonly id: string;
}

export interface LabTask<C> {
  readonly name: string;
  readonly description: string;
  readonly types: readonly TaskConstraintType[];
  /** A validated config (from a named config, an arm's diff or a run's config.json). */
  parseConfig(raw: unknown): C;
  /** The run's length, for progress bars. */
  steps(config: C): { readonly sft: number; readonly grpo: number };
  /** Runs whose configs have the same key start from the same warm start. */
  warmStartKey(config: C): string;
  /** Train (or find) the warm start alone, so that parallel jobs needing it do not each train it. */
  prepareWarmStart(config: C, opts: JobOptions): Promise<void>;
  /** One run into `outDir`; writes final.json last. */
  run(config: C, outDir: string, opts: JobOptions): Promise<void>;
}
