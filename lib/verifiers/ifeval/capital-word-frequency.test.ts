import { describe, expect, it } from 'vitest';
import { capitalWordFrequency } from './capital-word-frequency';

const check = (capital_frequency: number, capital_relation: string, response: string) =>
  capitalWordFrequency.prepare({ capital_frequency, capital_relation })(response);

describe('change_case:capital_word_frequency', () => {
  // Upstream instructions_test.py: test_capital_word_frequency.
  it.each([
    ['HERE THREE CAPITAL: 3 >= 3', 3, 'at least', '\n  HERE there are THREE FUlly CAPITAL words.\n  ', true],
    ['4 < 5', 5, 'less than', '\n  THERE are Four FULLY CAPITAL WORDS. Many Others Are Only Partially So.\n  ', true],
    ['4 is not < 4', 4, 'less than', '\n  THERE are Four FULLY CAPITAL WORDS. Many Others Are Only Partially So.\n  ', false],
    ['hyphenated words are one token', 1, 'less than', 'STATE-OF-THE-ART', false],
    ['isupper needs a cased character: "123" and "." do not count', 1, 'less than', '123 . !', true],
    ['Unicode capitals count', 2, 'at least', 'ÉCOLE ÜBER alles', true],
    ['contractions split: "DON\'T" gives DO and N\'T', 2, 'at least', "DON'T", true],
    ['CRLF between words', 2, 'at least', 'NASA\r\nESA', true],
    ['empty response', 1, 'less than', '', true],
  ])('%s', (_label, n, relation, response, expected) => {
    expect(check(n, relation, response)).toBe(expected);
  });
});
