/**
 * What the IFTrain (open-instruct IFEvalG) checkers share and the other suites do not: string kwargs that upstream
 * strips or compiles as Python regexes, and small text helpers. Relations, counts and "no kwargs" are in ../kwargs.ts.
 */
import { z } from 'zod';
import { hardConstraint, type Constraint, type HardConstraintSpec } from '../define';
import { PY_WHITESPACE, pyStrip } from '../nlp/pytext';
import { kwargPatternProblem } from '../ifeval/kwarg-regex';

/**
 * A string kwarg that upstream strips; empty (falsy) values make upstream draw a random one, which a verifier
 * cannot reproduce, so they are rejected here.
 */
export const strippedText = z
  .string()
  .refine((s) => pyStrip(s) !== '', { message: 'must be a non-empty string (upstream would draw a random value)' })
  .transform((s) => pyStrip(s));

/**
 * A stripped, non-empty string that upstream uses as a raw Python regex, inside the subset ifkit runs in linear
 * time (see ../ifeval/kwarg-regex.ts): `(a+)+$` would otherwise hang `ifkit eval` and cost the server a worker.
 */
export const regexText = strippedText.superRefine((s, ctx) => {
  const problem = kwargPatternProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: `pattern ${JSON.stringify(s)} ${problem}` });
});

/** A word kwarg that upstream accepts as a string or as a list whose first element it takes. */
export const wordOrFirstOfList = z
  .union([z.string(), z.array(z.string()).min(1)])
  .transform((v) => (typeof v === 'string' ? v : v[0]!))
  .pipe(strippedText);

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
