/** IFTrain punctuation and letter constraints: no dots, no exclamation marks, letter and lowercase-word counts. */
import { z } from 'zod';
import { pick } from '../../stats/rng';
import { compareCount, countSchema, noKwargs, positiveSchema, RELATIONS, relationSchema } from '../kwargs';
import { iftrainConstraint } from './common';
import { cachedPyRegex, pyCountMatches } from './py-regex';

export const punctuationDot = iftrainConstraint({
  id: 'punctuation:punctuation_dot',
  kwargs: noKwargs,
  describe: () => 'In your entire response, refrain from the use of . (i.e. dots) as punctuation and in general.',
  sampleKwargs: () => ({}),
  check: (response) => !response.includes('.'),
});

export const punctuationExclamation = iftrainConstraint({
  id: 'punctuation:punctuation_exclamation',
  kwargs: noKwargs,
  describe: () =>
    'In your entire response, refrain from the use of ! (i.e. exclamation marks) as punctuation and in general.',
  sampleKwargs: () => ({}),
  check: (response) => !response.includes('!'),
});

// Python's \b is Unicode-aware: "café" holds no match, though JS's ASCII \b would find "caf".
const LOWERCASE_WORD = cachedPyRegex('\\b[a-z]+\\b');

export const lowercaseCounting = iftrainConstraint({
  id: 'count:lowercase_counting',
  kwargs: z.object({ N: positiveSchema }),
  describe: (k) => `In your response, all lowercase words should appear at most ${k.N} times.`,
  sampleKwargs: (rng) => ({ N: rng.int(2, 3) }),
  // Upstream counts all lowercase words together, not each word's repetitions.
  check: (response, k) => pyCountMatches(LOWERCASE_WORD, response) <= k.N,
});

const asciiLetters = (s: string): number => (s.match(/[a-zA-Z]/g) ?? []).length;

export const letterCounting = iftrainConstraint({
  id: 'letters:letter_counting',
  // Upstream accepts any relation string and then returns None (a fail) for unknown ones; ifkit rejects them.
  kwargs: z.object({ N: positiveSchema, relation: relationSchema }),
  describe: (k) => `Answer with ${k.relation} ${k.N} letters.`,
  sampleKwargs: (rng) => ({ N: rng.int(2, 3), relation: pick(RELATIONS, rng) }),
  check: (response, k) => compareCount(asciiLetters(response), k.relation, k.N),
});

const LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];

const letterKwargs = z.object({
  // Upstream draws a random letter for anything but one ASCII letter, which no verifier can reproduce.
  letter: z
    .string()
    .regex(/^[A-Za-z]$/, { message: 'must be one ASCII letter (upstream draws a random letter otherwise)' })
    .transform((s) => s.toLowerCase()),
  // Upstream redraws a negative frequency at random.
  let_frequency: countSchema,
  let_relation: relationSchema,
});

export const letterCounting2 = iftrainConstraint({
  id: 'letters:letter_counting2',
  kwargs: letterKwargs,
  describe: (k) => `In your response, the letter ${k.letter} should appear ${k.let_relation} ${k.let_frequency} times.`,
  sampleKwargs: (rng) => ({
    letter: pick(LETTERS, rng),
    let_frequency: rng.int(1, 10),
    let_relation: pick(RELATIONS, rng),
  }),
  // Counts code points of the lowercased text, as collections.Counter(value.lower()) does.
  check: (response, k) => {
    let n = 0;
    for (const ch of response.toLowerCase()) if (ch === k.letter) n++;
    return compareCount(n, k.let_relation, k.let_frequency);
  },
});
