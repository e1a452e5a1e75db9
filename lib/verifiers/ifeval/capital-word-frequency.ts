import { z } from 'zod';
import { pick } from '../../stats/rng';
import { wordTokenize } from '../nlp/nltk';
import { pyIsUpper } from '../nlp/pytext';
import { compareCount, countSchema, RELATIONS, relationSchema } from '../kwargs';
import { ifevalConstraint } from './schemas';

/** change_case:capital_word_frequency: `nltk.word_tokenize` tokens with Python `isupper()` vs `capital_frequency`. */
export const capitalWordFrequency = ifevalConstraint({
  id: 'change_case:capital_word_frequency',
  kwargs: z.object({ capital_frequency: countSchema, capital_relation: relationSchema }),
  describe: ({ capital_frequency, capital_relation }) =>
    `In your response, words with all capital letters should appear ${capital_relation} ${capital_frequency} times.`,
  sampleKwargs: (rng) => ({ capital_frequency: rng.int(1, 20), capital_relation: pick(RELATIONS, rng) }),
  check: (response, { capital_frequency, capital_relation }) =>
    compareCount(wordTokenize(response).filter(pyIsUpper).length, capital_relation, capital_frequency),
});
