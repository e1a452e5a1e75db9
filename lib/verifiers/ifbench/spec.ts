import { hardConstraint, type Constraint, type HardConstraintSpec } from '../define';
import { ignoredKwargs, noKwargs, type NoKwargs } from '../kwargs';

/*
 * How an IFBench id is registered. The kwargs schemas it uses (counts, texts, no kwargs) are shared with the other
 * suites in ../kwargs.ts.
 */

/** Register an IFBench id: suite `ifbench`, category = the id's prefix, a hard (rule-checked) constraint. */
export function ifbench<K>(spec: HardConstraintSpec<K>): Constraint {
  return hardConstraint<K>(['ifbench'], spec);
}

export interface FixedTextOptions {
  /** false for ids that are whole prompts (no sampler). */
  readonly sample?: boolean;
  readonly checkCorrected?: (response: string) => boolean;
  /** Upstream's `build_description(self, **kwargs)` (the custom:* ids) accepts and ignores any kwarg. */
  readonly ignoresKwargs?: boolean;
}

/** A custom:* id: a whole prompt (no sampler) whose upstream `build_description(self, **kwargs)` ignores any kwarg. */
export const CUSTOM_PROMPT: FixedTextOptions = { sample: false, ignoresKwargs: true };

/** An IFBench id without kwargs whose instruction text is fixed. */
export function fixedText(id: string, text: string, check: (response: string) => boolean, options: FixedTextOptions = {}): Constraint {
  return ifbench<NoKwargs>({
    id,
    kwargs: options.ignoresKwargs ? ignoredKwargs : noKwargs,
    describe: () => text,
    ...(options.sample === false ? {} : { sampleKwargs: () => ({}) }),
    check: (response) => check(response),
    ...(options.checkCorrected ? { checkCorrected: options.checkCorrected } : {}),
  });
}
