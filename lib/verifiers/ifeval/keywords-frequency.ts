import { z } from 'zod';
import { pick } from '../../stats/rng';
import { compileKwargPattern, countMatches } from './kwarg-regex';
import { compareCount, countSchema, RELATIONS, relationSchema } from '../kwargs';
import { ifevalConstraint, patternSchema } from './schemas';
import { sampleKeyword } from '../word-pool';
import { pyStrip } from '../nlp/pytext';

/** keywords:frequency: the number of case-insensitive matches of `keyword` (a raw regex, stripped) vs `frequency`. */
export const keywordsFrequency = ifevalConstraint({
  id: 'keywords:frequency',
  kwargs: z.object({ keyword: patternSchema, frequency: countSchema, relation: relationSchema }),
  describe: ({ keyword, frequency, relation }) =>
    `In your response, the word ${pyStrip(keyword)} should appear ${relation} ${frequency} times.`,
  sampleKwargs: (rng) => ({ keyword: sampleKeyword(rng), frequency: rng.int(1, 3), relation: pick(RELATIONS, rng) }),
  check: (response, { keyword, frequency, relation }) =>
    compareCount(countMatches(compileKwargPattern(pyStrip(keyword), { ignoreCase: true }), response), relation, frequency),
});
