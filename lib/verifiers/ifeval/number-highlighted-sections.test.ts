import { describe, expect, it } from 'vitest';
import { countHighlights, numberHighlightedSections } from './number-highlighted-sections';

const check = (num_highlights: number, response: string) => numberHighlightedSections.prepare({ num_highlights })(response);

// Upstream instructions_test.py: test_number_highlights.
const H1 = `
  To highlight text with Markdown, you can use the * character before and after
  the text you want to highlight. For example, if you want to highlight the
  word \`hello\`, you would type:*hello*, You can also use the ** character to
  create bold text. For example, if you want to bold the word \`hello\`, you
  would type: **hello** `;
const H2 = `
  Sure, here are the numerical methods for solving partial differential
  equations highlighted with Markdown:
  *Finite difference methods
  *Finite element methods*
  *Boundary element methods
  *Monte Carlo methods
  I hope this helps!`;
const H3 = `
  There is allowed to be *two different* highlighted *sections in the same*
  line. **This is also true** for **double markdown highlights.**
  `;

describe('detectable_format:number_highlighted_sections', () => {
  it.each([
    ['*hello* and **hello**', 2, H1, true],
    ['only one closed highlight', 2, H2, false],
    ['two single and two double on lines', 4, H3, true],
    ['**bold** counts once (its single-star matches are empty)', 1, '**bold**', true],
    ['… not twice', 2, '**bold**', false],
    ['blank highlights do not count', 1, '* * and ** **', false],
    ['a highlight cannot span lines', 1, '*a\nb*', false],
    ['CRLF inside a line is content', 1, '*a\r*', true],
    ['empty response', 1, '', false],
  ])('%s', (_label, n, response, expected) => {
    expect(check(n, response)).toBe(expected);
  });

  it('counts a mix of single and double spans', () => {
    expect(countHighlights('**bold** *a* *b*')).toBe(3);
  });
});
