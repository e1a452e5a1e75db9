import { describe, expect, it } from 'vitest';
import { KwargsError } from '../define';
import { keywordsExistence } from './keywords-existence';

const check = (keywords: string[], response: string) => keywordsExistence.prepare({ keywords })(response);

// Upstream instructions_test.py: test_keyword_checker.
const PARIS_1 = `Paris is a city of beauty and romance. The romantic river Seine winds its way through the city, past iconic
landmarks like the Eiffel Tower and the Louvre Museum, where the Mona Lisa resides.`;
const PARIS_2 = `Paris is a city of beauty, romance, and history. The city is also known for its romantic river cruises.`;

describe('keywords:existence', () => {
  it.each([
    ['all three keywords present', ['romantic', 'river', 'Mona Lisa'], PARIS_1, true],
    ['Mona Lisa missing', ['romantic', 'river', 'Mona Lisa'], PARIS_2, false],
    ['substring match, as upstream (cat in Category)', ['cat'], 'Category theory', true],
    ['case-insensitive with Unicode letters', ['ÉCOLE'], 'une école', true],
    ['a keyword is a regex: colou?r matches COLOR', ['colou?r'], 'COLOR', true],
    ['a keyword is a regex: U.S. matches "U S A"', ['U.S.'], 'the U S A', true],
    ['absent', ['dog'], 'the cat sat', false],
    ['empty response', ['cat'], '', false],
    ['whitespace-only response', ['cat'], ' \n\t', false],
    ['CRLF text', ['line two'], 'line one\r\nline two\r\n', true],
  ])('%s', (_label, keywords, response, expected) => {
    expect(check(keywords, response)).toBe(expected);
  });

  it('rejects an empty list and a pattern that could hang, naming the field', () => {
    expect(() => check([], 'x')).toThrow(KwargsError);
    expect(() => check([], 'x')).toThrow(/kwargs\.keywords/);
    expect(() => check(['(a+)+$'], 'x')).toThrow(/keywords\.0.*hang/);
  });

  it('describes sorted keywords as a Python list', () => {
    expect(keywordsExistence.describe({ keywords: ['river', "Mona's"] })).toBe(`Include keywords ["Mona's", 'river'] in the response.`);
  });
});
