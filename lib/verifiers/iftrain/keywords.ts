/** IFTrain keyword constraints: counts, exclusions, positions, palindromes and first letters. */
import { z } from 'zod';
import { pick } from '../../stats/rng';
import { splitIntoSentences, wordTokenize } from '../nlp/nltk';
import { pySplit } from '../nlp/pytext';
import { sampleKeywords } from '../word-pool';
import { compileKwargPattern, countMatches } from '../ifeval/kwarg-regex';
import { compareCount, noKwargs, RELATIONS } from '../kwargs';
import { atPosition, iftrainConstraint, isWordToken, nonZeroInt, regexText, strippedText, wordOrFirstOfList } from './common';

const countCi = (keyword: string, text: string): number => countMatches(compileKwargPattern(keyword, { ignoreCase: true }), text);

/** Upstream compares only "next letter" (b after a), on the first code point lowercased, by code point. */
function checkNoAdjacentConsecutive(response: string): boolean {
  const words = pySplit(response);
  for (let i = 0; i + 1 < words.length; i++) {
    const a = [...[...words[i]!][0]!.toLowerCase()];
    const b = [...[...words[i + 1]!][0]!.toLowerCase()];
    // A first letter whose lowercase is two code points (e.g. 'İ') makes upstream fail the response.
    if (a.length !== 1 || b.length !== 1) return false;
    if (b[0]!.codePointAt(0)! - a[0]!.codePointAt(0)! === 1) return false;
  }
  return true;
}

export const noAdjacentConsecutive = iftrainConstraint({
  id: 'keywords:no_adjacent_consecutive',
  kwargs: noKwargs,
  describe: () => 'No two adjacent words can start with consecutive letters of the alphabet.',
  sampleKwargs: () => ({}),
  check: checkNoAdjacentConsecutive,
});

export const wordOnce = iftrainConstraint({
  id: 'keywords:word_once',
  kwargs: z.object({ keyword: regexText }),
  describe: (k) => `Include keyword ${k.keyword} in your response.`,
  sampleKwargs: (rng) => ({ keyword: sampleKeywords(rng, 1)[0]! }),
  check: (response, k) => countCi(k.keyword, response) === 1,
});

export const wordCountDifferentNumbers = iftrainConstraint({
  id: 'keywords:word_count_different_numbers',
  // Upstream redraws a negative frequency at random but keeps 0.
  kwargs: z.object({
    keyword: regexText,
    frequency: z.number({ error: 'must be a number' }).int('must be an integer').min(0, 'is negative, and upstream replaces a negative frequency by a random draw'),
    relation: z.enum(RELATIONS, { error: 'must be "less than" or "at least" (upstream raises ValueError on any other relation)' }),
  }),
  describe: (k) => `In your response, the word ${k.keyword} should appear ${k.frequency} times.`,
  sampleKwargs: (rng) => ({ keyword: sampleKeywords(rng, 1)[0]!, frequency: rng.int(1, 3), relation: pick(RELATIONS, rng) }),
  check: (response, k) => compareCount(countCi(k.keyword, response), k.relation, k.frequency),
});

export const excludeWordHarder = iftrainConstraint({
  id: 'keywords:exclude_word_harder',
  // `instruction` only feeds upstream's random fallback when keyword is missing; it is accepted and ignored.
  kwargs: z.object({ keyword: strippedText, instruction: z.string().optional() }),
  describe: (k) => `Do not include keyword ${k.keyword} in the response.`,
  sampleKwargs: (rng) => ({ keyword: sampleKeywords(rng, 1)[0]! }),
  // A literal " keyword " test: the word at the very start or end, or before punctuation, is not caught.
  check: (response, k) => !response.includes(` ${k.keyword} `),
});

export const palindrome = iftrainConstraint({
  id: 'keywords:palindrome',
  kwargs: noKwargs,
  describe: () => 'Include a palindrome in your response.',
  sampleKwargs: () => ({}),
  check: (response) => pySplit(response).some((w) => [...w].reverse().join('') === w),
});

// 0 is a random draw upstream; a negative position is Python's negative indexing of `sentences[n - 1]`.
const positionKwargs = z.object({ keyword: wordOrFirstOfList, n: nonZeroInt, m: nonZeroInt });

export const keywordSpecificPosition = iftrainConstraint({
  id: 'keywords:keyword_specific_position',
  kwargs: positionKwargs,
  describe: (k) => `Include keyword ${k.keyword} in the ${k.n}-th sentence, as the ${k.m}-th word of that sentence.`,
  sampleKwargs: (rng) => ({ keyword: sampleKeywords(rng, 1)[0]!, n: rng.int(1, 20), m: rng.int(1, 30) }),
  // Upstream counts word_tokenize tokens, so punctuation tokens shift the word position. A negative position out of
  // range raises IndexError upstream; ifkit fails the check there.
  check: (response, k) => {
    const sentences = splitIntoSentences(response);
    if (sentences.length < k.n) return false;
    const sentence = atPosition(sentences, k.n);
    const words = sentence === undefined ? [] : wordTokenize(sentence);
    return words.length >= k.m && atPosition(words, k.m) === k.keyword;
  },
  checkCorrected: (response, k) => {
    const sentences = splitIntoSentences(response);
    if (sentences.length < k.n) return false;
    const sentence = atPosition(sentences, k.n);
    const words = sentence === undefined ? [] : wordTokenize(sentence).filter(isWordToken);
    return words.length >= k.m && atPosition(words, k.m) === k.keyword;
  },
});

export const startEnd = iftrainConstraint({
  id: 'keywords:start_end',
  kwargs: noKwargs,
  describe: () =>
    'Start and end your response with the same word (do not write anything after the last word, not even punctuation).',
  sampleKwargs: () => ({}),
  check: (response) => {
    const words = wordTokenize(response);
    return words.length >= 2 && words[0]!.toLowerCase() === words[words.length - 1]!.toLowerCase();
  },
});
