import { describe, expect, it } from 'vitest';
import { numberSentences } from './number-sentences';

const check = (num_sentences: number, relation: string, response: string) =>
  numberSentences.prepare({ num_sentences, relation })(response);

describe('length_constraints:number_sentences', () => {
  // Upstream instructions_test.py: test_number_sentences (each response has 4 punkt sentences).
  it.each([
    ['4 is not < 4', 'xx,x. xx,x! xx/x. x{x}x?', 'less than', 4, false],
    ['4 < 5', 'xxxx. xx,x! xxxx. x(x)x?', 'less than', 5, true],
    ['4 >= 4', 'xxxx. xx,x! xx|x. x&x x?', 'at least', 4, true],
    ['4 is not >= 5', 'xx-x. xx,x! xx}x. x,xx?', 'at least', 5, false],
    ['newlines are not boundaries: a bullet list is one sentence', '- one\n- two\n- three', 'less than', 2, true],
    ['abbreviations do not end sentences', 'Mr. Smith went to Washington. He left.', 'less than', 3, true],
    ['CRLF between sentences', 'One.\r\nTwo.\r\n', 'at least', 2, true],
    ['empty response: 0 sentences', '', 'less than', 1, true],
    ['whitespace-only response: 0 sentences', ' \n ', 'at least', 1, false],
  ])('%s', (_label, response, relation, n, expected) => {
    expect(check(n, relation, response)).toBe(expected);
  });
});
