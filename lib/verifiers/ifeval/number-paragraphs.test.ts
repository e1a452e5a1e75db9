import { describe, expect, it } from 'vitest';
import { countStarParagraphs, numberParagraphs } from './number-paragraphs';

const check = (num_paragraphs: number, response: string) => numberParagraphs.prepare({ num_paragraphs })(response);

// Upstream instructions_test.py: test_paragraph_checker.
const P1 = '\n  paragraph 1\n  ***\n  paragraph 2\n  ***\n  paragraph 3';
const P2 = '\n          ***\n  paragraph 1\n          ***\n      paragraph 2\n          ***\n      paragraph 3';
const P3 = '\n  paragraph 1\n          ***\n      paragraph 2\n          ***\n      paragraph 3\n          ***';
const P4 = '\n  paragraph 1\n          ***\n      paragraph 2\n          ***\n          ***';

describe('length_constraints:number_paragraphs', () => {
  it.each([
    ['three paragraphs', 3, P1, true],
    ['leading divider dropped', 3, P2, true],
    ['trailing divider dropped', 3, P3, true],
    ['empty paragraph between dividers fails', 2, P4, false],
    ['"* * *" with spaces is not a divider', 1, 'a\n* * *\nb', true],
    ['"****" splits and leaves a star behind', 2, 'a\n****\nb', true],
    ['CRLF: one \\s? on each side', 2, 'a\r\n***\r\nb', true],
    ['no divider: one paragraph', 1, 'just text', true],
    ['no divider is not two paragraphs', 2, 'just text', false],
  ])('%s', (_label, n, response, expected) => {
    expect(check(n, response)).toBe(expected);
  });

  it('counts empty and whitespace-only responses as 0 paragraphs', () => {
    expect(countStarParagraphs('')).toBe(0);
    expect(countStarParagraphs('  \n ')).toBe(0);
    expect(countStarParagraphs('a\n***\n***\nb')).toBe(-1);
  });
});
