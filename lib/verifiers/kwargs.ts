/**
 * Kwargs schemas shared by the IFEval, IFBench and IFTrain suites: relations, counts, texts and "no kwargs". A suite
 * keeps only what is truly its own (IFEval's safe-regex patterns, IFTrain's stripped strings and Python regexes).
 *
 * Upstream's `build_description` replaces a missing, negative or falsy kwarg by a random draw; we reject it
 * instead, so a verdict never depends on a hidden draw. Nulls are dropped before these schemas run (define.ts), as
 * IFBench and open-instruct do.
 */
import { z } from 'zod';

/** Upstream's `_COMPARISON_RELATION`: the only two relations (anything else raises ValueError or fails). */
export const RELATIONS = ['less than', 'at least'] as const;

export type Relation = (typeof RELATIONS)[number];

/** A relation kwarg: exactly `'less than'` or `'at least'`. */
export const relationSchema = z.enum(RELATIONS, { error: `must be one of ${RELATIONS.map((r) => `"${r}"`).join(', ')}` });

/** `less than`: actual < threshold; `at least`: actual >= threshold. @example compareCount(3, 'at least', 3) // true */
export function compareCount(actual: number, relation: Relation, threshold: number): boolean {
  return relation === 'less than' ? actual < threshold : actual >= threshold;
}

/** A count threshold, 0 allowed (IFBench data stores counts as floats such as 3.0, which JSON makes integers). */
export const countSchema = z.number({ error: 'must be a number' }).int('must be an integer').nonnegative('must be >= 0');

/**
 * A count of at least 1: a 1-based position or a cycle length that upstream indexes or divides by, or a count that
 * upstream replaces by a random draw when it is 0 (falsy).
 */
export const positiveSchema = z.number({ error: 'must be a number' }).int('must be an integer').positive('must be >= 1');

/** A non-empty string kwarg. */
export const textSchema = z.string({ error: 'must be a string' }).min(1, 'must be a non-empty string');

/**
 * Kwargs of the ids that take none. Strict, because upstream is: IFEval, IFBench and IFTrain all call
 * `build_description(**kwargs)` (after dropping nulls, in IFBench and open-instruct), and these checkers declare
 * `build_description(self)`, so any other kwarg raises TypeError there. Rejecting it here keeps a typo'd or
 * misplaced kwarg from being silently scored.
 */
export const noKwargs = z.strictObject(
  {},
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `takes no kwargs (upstream raises TypeError), got ${issue.keys.join(', ')}` : undefined) },
);

export type NoKwargs = z.infer<typeof noKwargs>;

/** Kwargs of IFBench's `custom:*` ids, whose `build_description(self, **kwargs)` takes none and ignores any given. */
export const ignoredKwargs = z.object({});
