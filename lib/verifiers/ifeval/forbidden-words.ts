import { z } from 'zod';
import { hasWholeWordMatch } from './kwarg-regex';
import { pyReprList, pySorted } from './pyrepr';
import { ifevalConstraint, patternSchema } from './schemas';
import { sampleKeywords } from '../word-pool';

/** keywords:forbidden_words: no word matches as `\b<word>\b` (Unicode word boundaries, case-insensitive). */
export const forbiddenWords = ifevalConstraint({
  id: 'keywords:forbidden_words',
  kwargs: z.object({ forbidden_words: z.array(patternSchema).min(1, 'must list at least one word') }),
  describe: ({ forbidden_words }) =>
    `Do not include keywords ${pyReprList(pySorted([...new Set(forbidden_words)]))} in the response.`,
  sampleKwargs: (rng) => ({ forbidden_words: sampleKeywords(rng, 2) }),
  check: (response, { forbidden_words }) => !forbidden_words.some((w) => hasWholeWordMatch(w, response)),
});
