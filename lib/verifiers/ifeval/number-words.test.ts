import { describe, expect, it } from 'vitest';
import { numberWords } from './number-words';

const check = (num_words: number, relation: string, response: string) => numberWords.prepare({ num_words, relation })(response);

// Upstream instructions_test.py: test_num_words_checker.
const MSG_1 = '\n  d3sCRi7 lArge lAnguagE M0del w1tH 20 w0RdS.';
const MSG_2 = '\n  L4RGE L4NGU4GE M0DEL: AI syst3m th4t und3rstands, g3n3r4tes, or tr4nsforms\n  l4ngu4g3 b4s3d on pr3vious l3arning & d4t4.';

describe('length_constraints:number_words', () => {
  it.each([
    ['7 < 8', 8, 'less than', MSG_1, true],
    ['16 words: not < 16', 16, 'less than', MSG_2, false],
    ['16 words: >= 16', 16, 'at least', MSG_2, true],
    ['Unicode letters are word characters', 2, 'at least', 'naïve café', true],
    ['combining marks split Devanagari words (Python \\w)', 2, 'at least', 'नमस्ते', true],
    ['… into exactly two', 3, 'less than', 'नमस्ते', true],
    ['underscore joins, the decimal point splits', 3, 'at least', 'snake_case 3.14', true],
    ['empty response has 0 words', 1, 'less than', '', true],
    ['whitespace-only response has 0 words', 1, 'at least', ' \r\n ', false],
  ])('%s', (_label, n, relation, response, expected) => {
    expect(check(n, relation, response)).toBe(expected);
  });

  it('describes like upstream', () => {
    expect(numberWords.describe({ num_words: 300, relation: 'at least' })).toBe('Answer with at least 300 words.');
  });
});
