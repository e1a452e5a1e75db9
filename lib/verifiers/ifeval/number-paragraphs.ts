import { z } from 'zod';
import { PY_RE } from './kwarg-regex';
import { countSchema } from '../kwargs';
import { ifevalConstraint } from './schemas';
import { pyStrip } from '../nlp/pytext';

// re.split(r"\s?\*\*\*\s?"): Python's \s, so `* * *` (spaced) is not a divider and `****` leaves a `*` behind.
const DIVIDER = new RegExp(`${PY_RE.s}?\\*\\*\\*${PY_RE.s}?`, 'u');

/** Paragraph count as upstream computes it, or -1 when an empty paragraph sits between two dividers. */
export function countStarParagraphs(response: string): number {
  const pieces = response.split(DIVIDER);
  let n = pieces.length;
  for (let i = 0; i < pieces.length; i++) {
    if (pyStrip(pieces[i]!) !== '') continue;
    if (i === 0 || i === pieces.length - 1) n--;
    else return -1;
  }
  return n;
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
