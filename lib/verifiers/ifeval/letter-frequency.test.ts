import { describe, expect, it } from 'vitest';
import { letterFrequency } from './letter-frequency';

const check = (letter: string, let_frequency: number, let_relation: string, response: string) =>
  letterFrequency.prepare({ letter, let_frequency, let_relation })(response);

describe('keywords:letter_frequency', () => {
  // Upstream instructions_test.py: test_letter_frequency_checker and ..._accepts_punctuation (2025).
  it.each([
    ['T appears 4 times', 'T', 4, 'at least', "\n  There is the T. Four T's.\n  ", true],
    ['a appears 3 < 4 times', 'a', 4, 'less than', '\n  asdfghjkl!!aA\n  ', true],
    ['p appears 0 < 4 times', 'p', 4, 'at least', '\n  asdfghjkl!!aA\n  ', false],
    ['any single character is literal: #', '#', 4, 'at least', '#one #two #three #four', true],
    ['# three times', '#', 4, 'at least', '#one #two #three', false],
    ['Unicode case folding: É counts é', 'É', 2, 'at least', 'Éé', true],
    ['code points, not UTF-16 units', '😀', 2, 'at least', '😀😀', true],
    ['empty response', 'a', 1, 'less than', '', true],
    ['CRLF is no letter', 'e', 2, 'less than', 'e\r\n', true],
  ])('%s', (_label, letter, n, relation, response, expected) => {
    expect(check(letter, n, relation, response)).toBe(expected);
  });

  it('rejects what upstream would replace by a random letter', () => {
    expect(() => check('ab', 1, 'at least', 'x')).toThrow(/kwargs\.letter: must be a single non-whitespace character/);
    expect(() => check(' ', 1, 'at least', 'x')).toThrow(/kwargs\.letter/);
    expect(() => check('', 1, 'at least', 'x')).toThrow(/kwargs\.letter/);
  });

  it('describes with the lowercased letter', () => {
    expect(letterFrequency.describe({ letter: 'Q', let_frequency: 3, let_relation: 'less than' })).toBe(
      'In your response, the letter q should appear less than 3 times.',
    );
  });
});
