/**
 * What the IFTrain (open-instruct IFEvalG) checkers share and the other suites do not: string kwargs that upstream
 * strips or compiles as Python regexes, and small text helpers. Relations, counts and "no kwargs" are in ../kwargs.ts.
 */
import { z } from 'zod';
import { hardConstraint, type Constraint, type HardConstraintSpec } from '../define';
import { PY_WHITESPACE, pyStrip } from '../nlp/pytext';
import { isPyRegex } from './py-regex';

/**
 * A string kwarg that upstream strips; empty (falsy) values make upstream draw a random one, which a verifier
 * cannot reproduce, so they are rejected here.
 */
export const strippedText = z
  .string()
  .refine((s) => pyStrip(s) !== '', { message: 'must be a non-empty string (upstream would draw a random value)' })
  .transform((s) => pyStrip(s));

/** A stripped, non-empty string that upstream uses as a raw Python regex. */
export const regexText = strippedText.refine(isPyRegex, {
  message: 'is used as a Python regex by upstream and does not compile; escape regex syntax',
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

const WS = `[${[...PY_WHITESPACE].map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join('')}]`;

/** Python `re.split(r"\s?\*\*\*\s?", text)`, the `***` paragraph divider, with Python's whitespace set. */
export const STARS_DIVIDER = new RegExp(`${WS}?\\*\\*\\*${WS}?`, 'u');

/** Python `re.sub(r"[^\w\s]", "", s)`: keep only Unicode word characters and whitespace. */
export function keepWordAndSpace(s: string): string {
  return s.replace(new RegExp(`[^\\p{L}\\p{N}_${WS.slice(1, -1)}]`, 'gu'), '');
}

/**
 * Count paragraphs as IFEval's number_paragraphs does: an empty first or last piece is dropped, an empty middle
 * piece makes the text invalid (null).
 */
export function countPieces(pieces: readonly string[]): number | null {
  let n = pieces.length;
  for (let i = 0; i < pieces.length; i++) {
    if (pyStrip(pieces[i]!) !== '') continue;
    if (i === 0 || i === pieces.length - 1) n--;
    else return null;
  }
  return n;
}

/** A token with at least one letter or digit: what a reader counts as a word (used by the corrected checkers). */
export function isWordToken(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token);
}
