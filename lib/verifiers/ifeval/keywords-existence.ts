import { z } from 'zod';
import { compileKwargPattern, hasMatch } from './kwarg-regex';
import { pyReprList, pySorted } from './pyrepr';
import { ifevalConstraint, patternSchema } from './schemas';
import { sampleKeywords } from '../word-pool';

/** keywords:existence: every keyword (a raw regex, case-insensitive) matches somewhere, substrings included. */
export const keywordsExistence = ifevalConstraint({
  id: 'keywords:existence',
  kwargs: z.object({ keywords: z.array(patternSchema).min(1, 'must list at least one keyword') }),
  describe: ({ keywords }) => `Include keywords ${pyReprList(pySorted(keywords))} in the response.`,
  sampleKwargs: (rng) => ({ keywords: sampleKeywords(rng, 2) }),
  check: (response, { keywords }) => keywords.every((k) => hasMatch(compileKwargPattern(k, { ignoreCase: true }), response)),
});
