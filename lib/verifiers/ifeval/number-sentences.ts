import { z } from 'zod';
import { pick } from '../../stats/rng';
import { sentTokenize } from '../nlp/nltk';
import { compareCount, countSchema, RELATIONS, relationSchema } from '../kwargs';
import { ifevalConstraint } from './schemas';

/** length_constraints:number_sentences: the punkt (NLTK English) sentence count vs `num_sentences`. */
export const numberSentences = ifevalConstraint({
  id: 'length_constraints:number_sentences',
  kwargs: z.object({ num_sentences: countSchema, relation: relationSchema }),
  describe: ({ num_sentences, relation }) => `Your response should contain ${relation} ${num_sentences} sentences.`,
  sampleKwargs: (rng) => ({ num_sentences: rng.int(1, 20), relation: pick(RELATIONS, rng) }),
  check: (response, { num_sentences, relation }) => compareCount(sentTokenize(response).length, relation, num_sentences),
});
