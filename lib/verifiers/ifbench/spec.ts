import { z } from 'zod';
import { defineConstraint, type Constraint } from '../define';
import type { ConstraintSpec } from '../types';

/**
 * Shared kwargs schemas and the `ifbench` defaults of a spec. Upstream's `build_description` replaces a missing or
 * negative kwarg by a random draw; we reject it instead, so a verdict never depends on a hidden draw.
 */

/** A count kwarg (IFBench data stores them as floats such as 3.0, which JSON parsing makes integers). */
export const countSchema = z.number({ error: 'must be a number' }).int('must be an integer').nonnegative('must be >= 0');

/** A 1-based position or a cycle length: upstream divides or indexes by it, so 0 is refused. */
export const positiveSchema = z.number({ error: 'must be a number' }).int('must be an integer').positive('must be >= 1');

/** A non-empty string kwarg. */
export const textSchema = z.string({ error: 'must be a string' }).min(1, 'must not be empty');

/** Checkers that take no kwargs (unknown keys are ignored, as the nulls of IFBench data are). */
export const noKwargs = z.object({});
export type NoKwargs = z.infer<typeof noKwargs>;

type IfbenchSpec<K> = Omit<ConstraintSpec<K>, 'suites' | 'category' | 'kind'>;

/** Register an IFBench id: suite `ifbench`, category = the id's prefix, a hard (rule-checked) constraint. */
export function ifbench<K>(spec: IfbenchSpec<K>): Constraint {
  return defineConstraint<K>({ ...spec, suites: ['ifbench'], category: spec.id.split(':')[0]!, kind: 'hard' });
}

/** An IFBench id without kwargs whose instruction text is fixed. */
export function fixedText(
  id: string,
  text: string,
  check: (response: string) => boolean,
  options: { sample?: boolean; checkCorrected?: (response: string) => boolean } = {},
): Constraint {
  return ifbench<NoKwargs>({
    id,
    kwargs: noKwargs,
    describe: () => text,
    ...(options.sample === false ? {} : { sampleKwargs: () => ({}) }),
    check: (response) => check(response),
    ...(options.checkCorrected ? { checkCorrected: options.checkCorrected } : {}),
  });
}
