import type { Experiment, ExperimentResults, Size } from './experiments/define';
import { loadResults } from './results';
import { defaultRunsRoot } from './roots';

/*
 * Which results to show when nothing says which: a finished sweep beats a partial one, and full size beats quick
 * (full runs land in runs/, quick ones in runs/quick/). A partial sweep is still shown, saying what is missing; no
 * runs at all is not an error, just nothing to show.
 */

export interface FoundResults {
  readonly size: Size;
  readonly root: string;
  readonly results: ExperimentResults;
  readonly missing: readonly string[];
}

/** Where each size's runs are looked for (default: the project's runs/ and runs/quick/). */
export type RunsRoots = Partial<Readonly<Record<Size, string>>>;

/** The default roots of the sizes worth showing, preferred first. */
export const SHOWN_SIZES: readonly Size[] = ['full', 'quick'];

/**
 * The results of an experiment worth showing, or null when no size has a finished run. A directory that holds
 * another config than the experiment asks for throws (from loadResults), naming it.
 * @example findResults(getExperiment('diversity'))?.size // 'full' after `make reproduce`
 */
export function findResults(e: Experiment, roots: RunsRoots = {}, sizes: readonly Size[] = SHOWN_SIZES): FoundResults | null {
  const found = sizes.flatMap((size) => {
    const root = roots[size] ?? defaultRunsRoot(size);
    const { results, missing } = loadResults(e, size, root);
    return results.runs.length > 0 ? [{ size, root, results, missing }] : [];
  });
  return found.find((f) => f.missing.length === 0) ?? found[0] ?? null;
}
