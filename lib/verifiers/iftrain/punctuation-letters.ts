/** IFTrain punctuation and letter constraints: no dots, no exclamation marks, letter and lowercase-word counts. */
import { z } from 'zod';
import { pick } from '../../stats/rng';
import { compareCount, noKwargs, RELATIONS, type Relation } from '../kwargs';
import { iftrainConstraint, nonZeroInt } from './common';
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
  kwargs: z.object({ N: nonZeroInt }),
  describe: (k) => `In your response, all lowercase words should appear at most ${k.N} times.`,
  sampleKwargs: (rng) => ({ N: rng.int(2, 3) }),
  // Upstream counts all lowercase words together, not each word's repetitions.
  check: (response, k) => pyCountMatches(LOWERCASE_WORD, response) <= k.N,
});

const asciiLetters = (s: string): number => (s.match(/[a-zA-Z]/g) ?? []).length;

export const letterCounting = iftrainConstraint({
  id: 'letters:letter_counting',
  // An empty relation is a random draw upstream; any other string than the two is kept, and the check then returns
  // None (a fail) whatever the response, which ifkit scores the same.
  kwargs: z.object({
    N: nonZeroInt,
    relation: z.string({ error: 'must be a string' }).min(1, 'is empty, and upstream replaces an empty relation by a random draw'),
  }),
  describe: (k) => `Answer with ${k.relation} ${k.N} letters.`,
  sampleKwargs: (rng) => ({ N: rng.int(2, 3), relation: pick(RELATIONS, rng) }),
  check: (response, k) => ((RELATIONS as readonly string[]).includes(k.relation) ? compareCount(asciiLetters(response), k.relation as Relation, k.N) : false),
});

const LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];

/**
 * Upstream keeps a letter whose lowercase is one of a-z (so the Kelvin sign K counts as k), raises TypeError on İ
 * (its lowercase is two characters, which ord() refuses), and draws a random letter for anything else.
 */
const letterSchema = z
  .string({ error: 'must be a string' })
  .superRefine((s, ctx) => {
    if (s === '\u0130') ctx.addIssue({ code: 'custom', message: "is İ, whose lowercase is two characters: upstream's ord() raises TypeError" });
    else if (!/^[A-Za-z\u212a]$/.test(s)) ctx.addIssue({ code: 'custom', message: 'must be one letter a-z or A-Z (upstream draws a random letter for anything else)' });
  })
  .transform((s) => s.toLowerCase());

const letterKwargs = z.object({
  letter: letterSchema,
  let_frequency: z.number({ error: 'must be a number' }).int('must be an integer').min(0, 'is negative, and upstream replaces a negative frequency by a random draw'),
  let_relation: z.enum(RELATIONS, { error: 'must be "less than" or "at least" (upstream raises ValueError on any other relation)' }),
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
