import { z } from 'zod';
import { pick } from '../../stats/rng';
import { pyIsSpace, pyLen } from '../nlp/pytext';
import { compareCount, countSchema, RELATIONS, relationSchema } from '../kwargs';
import { ifevalConstraint } from './schemas';

// Upstream (2025) accepts any single character and uses it literally; a longer or empty letter falls back to a
// random one, and a whitespace letter is stripped to "" (never counted). We reject both.
const letterSchema = z
  .string({ error: 'must be a string' })
  .refine((s) => pyLen(s) === 1 && !pyIsSpace(s), 'must be a single non-whitespace character');

/** Occurrences of `letter.lower()` among the code points of `text.lower()` (Python Counter semantics). */
function countLetter(text: string, letter: string): number {
  const target = letter.toLowerCase();
  if (pyLen(target) !== 1) return 0;
  // A whole code point never matches half of another one, so counting substrings counts code points.
  const lower = text.toLowerCase();
  let n = 0;
  for (let i = lower.indexOf(target); i !== -1; i = lower.indexOf(target, i + target.length)) n++;
  return n;
}

/** keywords:letter_frequency: how often one character appears, case-insensitively, vs `let_frequency`. */
export const letterFrequency = ifevalConstraint({
  id: 'keywords:letter_frequency',
  kwargs: z.object({ letter: letterSchema, let_frequency: countSchema, let_relation: relationSchema }),
  describe: ({ letter, let_frequency, let_relation }) =>
    `In your response, the letter ${letter.toLowerCase()} should appear ${let_relation} ${let_frequency} times.`,
  sampleKwargs: (rng) => ({
    letter: String.fromCharCode(97 + rng.int(0, 25)),
    let_frequency: rng.int(1, 10),
    let_relation: pick(RELATIONS, rng),
  }),
  check: (response, { letter, let_frequency, let_relation }) =>
    compareCount(countLetter(response, letter), let_relation, let_frequency),
});
