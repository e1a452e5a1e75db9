import { z } from 'zod';
import { pick } from '../../stats/rng';
import { countWords } from '../nlp/pytext';
import { compareCount, countSchema, RELATIONS, relationSchema } from '../kwargs';
import { ifevalConstraint } from './schemas';

/** length_constraints:number_words: the number of Unicode `\w+` runs vs `num_words`. */
export const numberWords = ifevalConstraint({
  id: 'length_constraints:number_words',
  kwargs: z.object({ num_words: countSchema, relation: relationSchema }),
  describe: ({ num_words, relation }) => `Answer with ${relation} ${num_words} words.`,
  sampleKwargs: (rng) => ({ num_words: rng.int(100, 500), relation: pick(RELATIONS, rng) }),
  check: (response, { num_words, relation }) => compareCount(countWords(response), relation, num_words),
});
