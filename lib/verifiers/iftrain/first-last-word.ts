/** IFTrain first/last word constraints, per regex sentence or for the whole answer. */
import { z } from 'zod';
import { splitIntoSentences } from '../nlp/nltk';
import { pySplit, pyStrip } from '../nlp/pytext';
import { sampleKeywords } from '../word-pool';
import { iftrainConstraint, keepWordAndSpace, strippedText, wordOrFirstOfList } from './common';

const eq = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const lastWord = (s: string): string | undefined => {
  const words = pySplit(s);
  return words.length ? keepWordAndSpace(words[words.length - 1]!) : undefined;
};

export const firstWordSent = iftrainConstraint({
  id: 'first_word:first_word_sent',
  kwargs: z.object({ first_word: wordOrFirstOfList }),
  describe: (k) => `The first word of each sentence should be the word ${k.first_word}.`,
  sampleKwargs: (rng) => ({ first_word: sampleKeywords(rng, 1)[0]! }),
  check: (response, k) =>
    splitIntoSentences(response).every((s) => pyStrip(s) !== '' && eq(pySplit(s)[0]!, k.first_word)),
});

export const firstWordAnswer = iftrainConstraint({
  id: 'first_word:first_word_answer',
  kwargs: z.object({ first_word: strippedText }),
  describe: (k) => `The first word of your response should be the word ${k.first_word}.`,
  sampleKwargs: (rng) => ({ first_word: sampleKeywords(rng, 1)[0]! }),
  check: (response, k) => {
    const words = pySplit(response);
    return words.length > 0 && eq(words[0]!, k.first_word);
  },
});

export const lastWordSent = iftrainConstraint({
  id: 'last_word:last_word_sent',
  kwargs: z.object({ last_word: wordOrFirstOfList }),
  describe: (k) => `The last word of each sentence, before punctuation, should be the word ${k.last_word}.`,
  sampleKwargs: (rng) => ({ last_word: sampleKeywords(rng, 1)[0]! }),
  check: (response, k) =>
    splitIntoSentences(response).every((s) => {
      const w = lastWord(s);
      return w !== undefined && eq(w, k.last_word);
    }),
});

export const lastWordAnswer = iftrainConstraint({
  id: 'last_word:last_word_answer',
  kwargs: z.object({ last_word: strippedText }),
  describe: (k) => `The last word of your response should be the word ${k.last_word}.`,
  sampleKwargs: (rng) => ({ last_word: sampleKeywords(rng, 1)[0]! }),
  // Upstream raises IndexError on a whitespace-only response; never reached by its reward, which skips empty answers.
  check: (response, k) => {
    const w = lastWord(response);
    return w !== undefined && eq(w, k.last_word);
  },
});
