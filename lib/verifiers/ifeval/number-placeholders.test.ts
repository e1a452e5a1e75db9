import { describe, expect, it } from 'vitest';
import { countPlaceholders, numberPlaceholders } from './number-placeholders';

const check = (num_placeholders: number, response: string) => numberPlaceholders.prepare({ num_placeholders })(response);

describe('detectable_content:number_placeholders', () => {
  // Upstream instructions_test.py: test_number_placeholders.
  it.each([
    ['five placeholders', 5, 'Sure, here is a template:\n[Name]\n[Email]\n[Phone]\n[Address]\n[Website]\nUse it.', true],
    ['six is not seven', 7, 'My [adjective] [noun] is [adjective] [noun]. I [verb] and [verb].', false],
    ['[] counts', 1, 'empty [] here', true],
    ['a placeholder cannot span a newline', 1, '[a\nb]', false],
    ['CRLF inside the brackets is fine except the \\n', 1, '[a\r]', true],
    ['empty response', 1, '', false],
  ])('%s', (_label, n, response, expected) => {
    expect(check(n, response)).toBe(expected);
  });

  it('matches the lazy regex: nearest ], leftmost [', () => {
    expect(countPlaceholders('[] [a\nb] [[a]]')).toBe(2); // '[]' and '[[a]'
    expect(countPlaceholders('[[[[[[')).toBe(0);
  });
});
