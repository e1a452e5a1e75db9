import { describe, expect, it } from 'vitest';
import { keywordsFrequency } from './keywords-frequency';

const check = (keyword: string, frequency: number, relation: string, response: string) =>
  keywordsFrequency.prepare({ keyword, frequency, relation })(response);

// Upstream instructions_test.py: test_keyword_frequency_checker.
const MSG_1 = '\n  keyword, Keyword, KEYWORD\n  ';
const MSG_2 = '\n    *keyword\n    *Keyword\n    *KEYWORD\n  ';

describe('keywords:frequency', () => {
  it.each([
    ['3 < 4 (keyword is stripped)', '  keyword ', 4, 'less than', MSG_1, true],
    ['3 >= 3', '  keyword ', 3, 'at least', MSG_1, true],
    ['3 >= 4 fails', 'KEYWORD', 4, 'at least', MSG_2, false],
    ['substrings count: cat, category, concatenate', 'cat', 3, 'at least', 'cat category concatenate', true],
    ['Unicode case folding', 'straße', 2, 'at least', 'Straße STRASSE straße', true],
    ['empty response has 0 matches', 'cat', 1, 'less than', '', true],
    ['CRLF does not split matches', 'end', 2, 'at least', 'the end\r\nthe END\r\n', true],
  ])('%s', (_label, keyword, frequency, relation, response, expected) => {
    expect(check(keyword, frequency, relation, response)).toBe(expected);
  });

  it('rejects an unknown relation and a negative frequency with the field name', () => {
    expect(() => check('cat', 1, 'at most', 'x')).toThrow(/kwargs\.relation: must be one of "less than", "at least"/);
    expect(() => check('cat', -1, 'at least', 'x')).toThrow(/kwargs\.frequency: must be >= 0/);
  });

  it('describes like upstream', () => {
    expect(keywordsFrequency.describe({ keyword: ' cat ', frequency: 2, relation: 'at least' })).toBe(
      'In your response, the word cat should appear at least 2 times.',
    );
  });
});
