/**
 * What the IFTrain (open-instruct IFEvalG) checkers share and the other suites do not: string kwargs that upstream
 * strips or compiles as Python regexes, and small text helpers. Relations, counts and "no kwargs" are in ../kwargs.ts.
 */
import { z } from 'zod';
import { hardConstraint, type Constraint, type HardConstraintSpec } from '../define';
import { PY_WHITESPACE, pyStrip } from '../nlp/pytext';
import { kwargPatternProblem } from '../ifeval/kwarg-regex';

/**
 * A string kwarg that upstream strips. Only a falsy value ('') makes upstream draw a random one, which a verifier
 * cannot reproduce, so only that is refused; a whitespace-only value is truthy upstream and becomes '' after strip.
 */
export const strippedText = z
  .string({ error: 'must be a string' })
  .refine((s) => s !== '', { message: 'is empty, and upstream replaces an empty value by a random draw that no verifier can reproduce' })
  .transform((s) => pyStrip(s));

/**
 * A stripped string that upstream uses as a raw Python regex, inside the subset ifkit runs in linear time (see
 * ../ifeval/kwarg-regex.ts): `(a+)+$` would otherwise hang `ifkit eval` and cost the server a worker. A blank one
 * becomes the empty pattern, which re.findall matches at every position, as upstream counts it.
 */
export const regexText = strippedText.superRefine((s, ctx) => {
  const problem = kwargPatternProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: `pattern ${JSON.stringify(s)} ${problem}` });
});

/**
 * A word kwarg that upstream accepts as a string or as a list whose first element it takes. A falsy value ('' or
 * []) makes upstream draw; a list's first element is used even when blank (the list itself is truthy).
 */
export const wordOrFirstOfList = z
  .union([z.string(), z.array(z.string())], { error: 'must be a string or a list of strings' })
  .superRefine((v, ctx) => {
    if (v === '' || (Array.isArray(v) && v.length === 0)) {
      ctx.addIssue({ code: 'custom', message: 'is empty, and upstream replaces an empty value by a random draw that no verifier can reproduce' });
    }
  })
  .transform((v) => pyStrip(typeof v === 'string' ? v : v[0]!));

/**
 * A count that upstream replaces by a random draw when it is 0 (falsy) and uses as is otherwise, a negative one
 * included (its comparisons then simply fail).
 */
export const nonZeroInt = z
  .number({ error: 'must be a number' })
  .int('must be an integer')
  .refine((n) => n !== 0, { message: 'is 0, and upstream replaces 0 by a random draw that no verifier can reproduce' });

/**
 * Python list indexing at a 1-based position `n` (`items[n - 1]`): 0 is refused (upstream draws), a negative `n`
 * counts from the end as Python does, and out of range is undefined (upstream raises IndexError there).
 */
export function atPosition<T>(items: readonly T[], n: number): T | undefined {
  const i = n - 1;
  return i >= 0 ? items[i] : items.length + i >= 0 ? items[items.length + i] : undefined;
}

/** Register an IFTrain id: suite `iftrain`, category = the id's prefix, a hard (rule-checked) constraint. */
export function iftrainConstraint<K>(spec: HardConstraintSpec<K>): Constraint {
  return hardConstraint<K>(['iftrain'], spec);
}

const WS_CHARS = [...PY_WHITESPACE].map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join('');
const NOT_WORD_OR_SPACE = new RegExp(`[^\\p{L}\\p{N}_${WS_CHARS}]`, 'gu');

/** Python `re.sub(r"[^\w\s]", "", s)`: keep only Unicode word characters and whitespace. */
export function keepWordAndSpace(s: string): string {
  return s.replace(NOT_WORD_OR_SPACE, '');
}

/** A token with at least one letter or digit: what a reader counts as a word (used by the corrected checkers). */
export function isWordToken(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token);
}
