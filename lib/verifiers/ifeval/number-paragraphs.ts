import { z } from 'zod';
import { PY_RE } from './kwarg-regex';
import { countSchema } from '../kwargs';
import { ifevalConstraint } from './schemas';
import { pyStrip } from '../nlp/pytext';

/**
 * re.split(r"\s?\*\*\*\s?"), the `***` paragraph divider: Python's \s, so `* * *` (spaced) is not a divider and
 * `****` leaves a `*` behind. IFTrain's paragraph checkers split on it too.
 */
export const STARS_DIVIDER = new RegExp(`${PY_RE.s}?\\*\\*\\*${PY_RE.s}?`, 'u');

/**
 * Count paragraphs as IFEval's number_paragraphs does: an empty first or last piece is dropped, an empty middle
 * piece makes the text invalid (null). IFTrain's paragraph checkers count the same way.
 * @example countPieces(['', 'a', 'b']) // 2
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

/** Paragraph count as upstream computes it, or -1 when an empty paragraph sits between two dividers. */
export function countStarParagraphs(response: string): number {
  return countPieces(response.split(STARS_DIVIDER)) ?? -1;
}

/** length_constraints:number_paragraphs: exactly N paragraphs separated by `***` (empty ends dropped). */
export const numberParagraphs = ifevalConstraint({
  id: 'length_constraints:number_paragraphs',
  kwargs: z.object({ num_paragraphs: countSchema }),
  describe: ({ num_paragraphs }) =>
    `There should be ${num_paragraphs} paragraphs. Paragraphs are separated with the markdown divider: ***`,
  sampleKwargs: (rng) => ({ num_paragraphs: rng.int(1, 5) }),
  check: (response, { num_paragraphs }) => countStarParagraphs(response) === num_paragraphs,
});
