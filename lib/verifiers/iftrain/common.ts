/** Kwargs schemas and small text helpers shared by the IFTrain (open-instruct IFEvalG) checkers. */
import { z } from 'zod';
import { PY_WHITESPACE, pyStrip } from '../nlp/pytext';
import { kwargPatternProblem } from '../ifeval/kwarg-regex';

/** Upstream's two comparison relations (`_COMPARISON_RELATION`). */
export const RELATIONS = ['less than', 'at least'] as const;
export type Relation = (typeof RELATIONS)[number];

/** `count < n` for 'less than', `count >= n` for 'at least'. */
export function compare(count: number, relation: Relation, n: number): boolean {
  return relation === 'less than' ? count < n : count >= n;
}

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

/** A count that upstream replaces by a random draw when it is 0 (falsy), so 0 is rejected. */
export const positiveInt = z.number().int().min(1, { message: 'must be at least 1 (upstream replaces 0 by a random draw)' });

/** A raw prompt to copy (upstream raises when it is empty). */
export const promptText = z.string().min(1, { message: 'must be the non-empty prompt to repeat' });

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
