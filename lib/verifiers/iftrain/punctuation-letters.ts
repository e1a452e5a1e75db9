/** IFTrain punctuation and letter constraints: no dots, no exclamation marks, letter and lowercase-word counts. */
import { z } from 'zod';
import { pick } from '../../stats/rng';
import { defineConstraint } from '../define';
import { compare, positiveInt, RELATIONS } from './common';
import { cachedPyRegex, pyCountMatches } from './py-regex';

export const punctuationDot = defineConstraint({
  id: 'punctuation:punctuation_dot',
  suites: ['iftrain'],
  category: 'punctuation',
  kind: 'hard',
  kwargs: z.object({}),
  describe: () => 'In your entire response, refrain from the use of . (i.e. dots) as punctuation and in general.',
  sampleKwargs: () => ({}),
  check: (response) => !response.includes('.'),
});

export const punctuationExclamation = defineConstraint({
  id: 'punctuation:punctuation_exclamation',
  suites: ['iftrain'],
  category: 'punctuation',
  kind: 'hard',
  kwargs: z.object({}),
  describe: () =>
    'In your entire response, refrain from the use of ! (i.e. exclamation marks) as punctuation and in general.',
  sampleKwargs: () => ({}),
  check: (response) => !response.includes('!'),
});

// Python's \b is Unicode-aware: "café" holds no match, though JS's ASCII \b would find "caf".
const LOWERCASE_WORD = cachedPyRegex('\\b[a-z]+\\b');

export const lowercaseCounting = defineConstraint({
  id: 'count:lowercase_counting',
  suites: ['iftrain'],
  category: 'count',
  kind: 'hard',
  kwargs: z.object({ N: positiveInt }),
  describe: (k) => `In your response, all lowercase words should appear at most ${k.N} times.`,
  sampleKwargs: (rng) => ({ N: rng.int(2, 3) }),
  // Upstream counts all lowercase words together, not each word's repetitions.
  check: (response, k) => pyCountMatches(LOWERCASE_WORD, response) <= k.N,
});

const asciiLetters = (s: string): number => (s.match(/[a-zA-Z]/g) ?? []).length;

export const letterCounting = defineConstraint({
  id: 'letters:letter_counting',
  suites: ['iftrain'],
  category: 'letters',
  kind: 'hard',
  // Upstream accepts any relation string and then returns None (a fail) for unknown ones; ifkit rejects them.
  kwargs: z.object({ N: positiveInt, relation: z.enum(RELATIONS) }),
  describe: (k) => `Answer with ${k.relation} ${k.N} letters.`,
  sampleKwargs: (rng) => ({ N: rng.int(2, 3), relation: pick(RELATIONS, rng) }),
  check: (response, k) => compare(asciiLetters(response), k.relation, k.N),
});

const LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];

const letterKwargs = z.object({
  // Upstream draws a random letter for anything but one ASCII letter, which no verifier can reproduce.
  letter: z
    .string()
    .regex(/^[A-Za-z]$/, { message: 'must be one ASCII letter (upstream draws a random letter otherwise)' })
    .transform((s) => s.toLowerCase()),
  let_frequency: z.number().int().min(0, { message: 'must be >= 0 (upstream redraws negative values)' }),
  let_relation: z.enum(RELATIONS),
});

export const letterCounting2 = defineConstraint({
  id: 'letters:letter_counting2',
  suites: ['iftrain'],
  category: 'letters',
  kind: 'hard',
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
    return compare(n, k.let_relation, k.let_frequency);
  },
});
