import { z } from 'zod';
import { countSyllables } from '../nlp/syllables';
import { pySplit, pyStrip } from '../nlp/pytext';
import { countSchema } from '../kwargs';
import { fixedText, ifbench } from './spec';
import { chars, deletePunct, firstChar, stripPunct } from './text';

/** words:* ids that need no tokenizer (ifbench/instructions.py @db69a6f). */

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

export const alphabet = fixedText(
  'words:alphabet',
  "Each word must start with the next letter of the alphabet, looping back to 'A' after 'Z'.",
  (r) => {
    const words = pySplit(stripPunct(deletePunct(r)));
    if (words.length === 0) return false;
    // Python `c in alphabet` is a substring test; lower() of one character can yield two ('İ' → 'i̇').
    let letter = firstChar(words[0]!)!.toLowerCase();
    if (letter.length !== 1 || !ALPHABET.includes(letter)) return false;
    for (const raw of words.slice(1)) {
      const w = stripPunct(raw).toLowerCase();
      if (w === '') continue;
      letter = ALPHABET[(ALPHABET.indexOf(letter) + 1) % 26]!;
      if (firstChar(w) !== letter) return false;
    }
    return true;
  },
);

export const vowel = fixedText('words:vowel', 'Write a paragraph using words that contain only three types of vowels.', (r) => {
  const paragraphs = pyStrip(r).split('\n');
  if (paragraphs.length !== 1) return false;
  return new Set(chars(paragraphs[0]!.toLowerCase()).filter((c) => 'aeiou'.includes(c))).size <= 3;
});

const CONSONANTS = new Set('bcdfghjklmnpqrstvwxyz');
export const consonants = fixedText(
  'words:consonants',
  'Ensure each word in your response has at least one consonant cluster (two or more consonants together).',
  (r) =>
    pySplit(r.toLowerCase()).every((w) => {
      const cs = chars(w);
      return cs.some((c, i) => i + 1 < cs.length && CONSONANTS.has(c) && CONSONANTS.has(cs[i + 1]!));
    }),
);

const SURROGATE = /[\ud800-\udfff]/;
export const palindrome = fixedText(
  'words:palindrome',
  'Include at least 10 single-word palindromes, each at least 5 characters long.',
  (r) => {
    const words = pySplit(deletePunct(r).toLowerCase());
    const isPalindrome = (w: string): boolean => {
      if (w.length < 5) return false; // fewer than 5 units is fewer than 5 code points
      if (!SURROGATE.test(w)) {
        for (let i = 0, j = w.length - 1; i < j; i++, j--) if (w.charCodeAt(i) !== w.charCodeAt(j)) return false;
        return true;
      }
      const cs = chars(w);
      return cs.length >= 5 && cs.join('') === cs.reverse().join('');
    };
    return words.filter(isPalindrome).length >= 10;
  },
);

const PRIMES = new Set([2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97]);
export const primeLengths = fixedText('words:prime_lengths', 'Use only words with lengths that are prime numbers.', (r) =>
  pySplit(deletePunct(r)).every((w) => PRIMES.has(chars(w).length)),
);

const smallN = z.object({ small_n: countSchema });
export const repeats = ifbench<z.infer<typeof smallN>>({
  id: 'words:repeats',
  kwargs: smallN,
  describe: (k) => `The response should not repeat any word more than ${k.small_n} times.`,
  sampleKwargs: (rng) => ({ small_n: rng.int(1, 5) }),
  check: (r, k) => {
    const counts = new Map<string, number>();
    for (const w of pySplit(deletePunct(r.toLowerCase()))) counts.set(w, (counts.get(w) ?? 0) + 1);
    return [...counts.values()].every((n) => n <= k.small_n);
  },
});

export const oddEvenSyllables = fixedText(
  'words:odd_even_syllables',
  'Alternate between words with odd and even numbers of syllables.',
  (r) => {
    const parity = pySplit(deletePunct(r).toLowerCase()).map((w) => countSyllables(w) % 2);
    return parity.every((p, i) => i === 0 || p !== parity[i - 1]);
  },
);

export const paragraphLastFirst = fixedText(
  'words:paragraph_last_first',
  'Each paragraph must end with the same word it started with, separate paragraphs with a newline.',
  (r) =>
    r.split('\n').every((line) => {
      const paragraph = pyStrip(line).toLowerCase();
      const words = pySplit(stripPunct(paragraph));
      return words.length === 0 || words[0] === words[words.length - 1];
    }),
);

export const noConsecutive = fixedText(
  'words:no_consecutive',
  'No two consecutive words can share the same first letter.',
  (r) => {
    const firsts = pySplit(deletePunct(r.toLowerCase())).map((w) => firstChar(w));
    return firsts.every((c, i) => i === 0 || c !== firsts[i - 1]);
  },
);
