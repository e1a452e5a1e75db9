import { describe, expect, it } from 'vitest';
import { countSyllables } from './syllables';

// Expected counts are syllapy 0.7.2's (checked with the Python package).
describe('countSyllables (syllapy 0.7.2)', () => {
  it.each<[string, number, string]>([
    ['dog', 1, 'word list'],
    ['International', 5, 'word list, case-insensitive'],
    ['Ohio', 3, 'word list'],
    ['apple!!!', 2, 'outer punctuation stripped'],
    ['ostentatious', 4, 'vowel groups'],
    ['rhythm', 1, 'y is a vowel'],
    ['café', 1, 'é is not a vowel'],
    ['hyphen-', 2, 'trailing dash stripped first'],
    ['part-time', 2, 'compound: 1 + 1'],
    ['one-on-one', 3, 'compound splits at the first dash, recursively'],
    ['4-at-a-time', 0, 'digits count 0'],
    ['zero-for-2', 0, 'a zero part makes the compound 0'],
    ['42', 0, 'digits'],
    ['', 0, 'empty'],
  ])('%s has %i (%s)', (word, n) => {
    expect(countSyllables(word)).toBe(n);
  });
});
