import { z } from 'zod';
import { defineConstraint, type Constraint } from '../define';
import type { ConstraintSpec } from '../types';
import { kwargPatternProblem } from './kwarg-regex';

/** Upstream's `_COMPARISON_RELATION`: the only two relations IFEval accepts (anything else raises ValueError). */
export const RELATIONS = ['less than', 'at least'] as const;

export type Relation = (typeof RELATIONS)[number];

/** A relation kwarg: exactly `'less than'` or `'at least'`. */
export const relationSchema = z.enum(RELATIONS, { error: `must be one of ${RELATIONS.map((r) => `"${r}"`).join(', ')}` });

/**
 * A count threshold. Upstream replaces a missing or negative threshold by a random one; we reject it instead,
 * so a verdict never depends on a hidden draw.
 */
export const countSchema = z.number({ error: 'must be a number' }).int('must be an integer').nonnegative('must be >= 0');

/** A non-empty string kwarg (upstream draws a random value for a missing or empty one; we reject it). */
export const textSchema = z.string({ error: 'must be a string' }).min(1, 'must be a non-empty string');

/** A kwarg that upstream uses as a raw regular expression: non-empty and inside the safe subset (kwarg-regex.ts). */
export const patternSchema = textSchema.superRefine((s, ctx) => {
  const problem = kwargPatternProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: `pattern ${JSON.stringify(s)} ${problem}` });
});

/** `less than`: actual < threshold; `at least`: actual >= threshold. */
export function compareCount(actual: number, relation: Relation, threshold: number): boolean {
  return relation === 'less than' ? actual < threshold : actual >= threshold;
}

/** Registers an IFEval id: hard, category from the id prefix, shared by the IFEval and IFTrain suites. */
export function ifevalConstraint<K>(spec: Omit<ConstraintSpec<K>, 'suites' | 'category' | 'kind'>): Constraint {
  return defineConstraint<K>({ ...spec, suites: ['ifeval', 'iftrain'], category: spec.id.split(':')[0]!, kind: 'hard' });
}

/** Kwargs of the ids that take none: upstream calls build_description() with an empty dict. */
export const noKwargs = z.object({}).strict();
