import { describe, expect, it } from 'vitest';
import { pyReprList, pyReprStr, pyReprTuple, pySorted } from './pyrepr';

describe('Python repr for instruction texts', () => {
  it.each([
    ['plain', 'cat', "'cat'"],
    ["single quote switches to double quotes", "Mona's", '"Mona\'s"'],
    ['both quotes keep single quotes and escape', `a'b"c`, `'a\\'b"c'`],
    ['newline and tab', 'a\nb\tc', "'a\\nb\\tc'"],
    ['non-ASCII printable stays', 'école', "'école'"],
    ['non-printable is escaped', '\u200b', "'\\u200b'"],
  ])('%s', (_label, s, expected) => {
    expect(pyReprStr(s)).toBe(expected);
  });

  it('formats lists, tuples and sorts by code point', () => {
    expect(pyReprList(['a', 'b'])).toBe("['a', 'b']");
    expect(pyReprTuple(['a'])).toBe("('a',)");
    expect(pySorted(['b', 'B', '😀', 'ﬀ'])).toEqual(['B', 'b', 'ﬀ', '😀']);
  });
});
