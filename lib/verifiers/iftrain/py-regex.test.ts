import { describe, expect, it } from 'vitest';
import { cachedPyRegex, compilePyRegex, isPyRegex, pyCountMatches, pyFindall } from './py-regex';

// [pattern, text, IGNORECASE, re.findall result], each confirmed with CPython 3.11's re module.
const PYTHON: Array<[string, string, boolean, string[]]> = [
  ["\\bcat\\b", "cat category cat\n", true, ["cat", "cat"]],
  ["\\w+", "1 2 ٣ ４ 東京 x_y", false, ["1", "2", "٣", "４", "東京", "x_y"]],
  ["\\W+", "Café café CAFÉ cafés", false, [" ", " ", " "]],
  ["\\s+", "tab\there\u001cnewline", false, ["\t", "\u001c", ""]],
  ["\\d+", "1 2 ٣ ４ 東京 x_y", false, ["1", "2", "٣", "４"]],
  ["cat$", "the\ncat\n", false, ["cat"]],
  ["c.t", "cat category cat\n", false, ["cat", "cat", "cat"]],
  ["a{,2}", "aaa ab a{ x} a{2}", false, ["aa", "a", "", "a", "", "", "a", "", "", "", "", "", "a", "", "", "", ""]],
  ["a{", "aaa ab a{ x} a{2}", false, ["a{", "a{"]],
  ["x}", "aaa ab a{ x} a{2}", false, ["x}"]],
  ["\\bcafé\\b", "Café café CAFÉ cafés", true, ["Café", "café", "CAFÉ"]],
  ["(?P<w>o)(?P=w)", "oo boo moo", false, ["o", "o", "o"]],
  ["(a)b", "ab ab", false, ["a", "a"]],
  ["\\-", "foo-bar baz's it's C++ c++", false, ["-"]],
  ["[]a]", "]a] .", false, ["]", "a", "]"]],
  ["[\\d\\s]+", "1 2 ٣ ４ 東京 x_y", false, ["1 2 ٣ ４ ", " "]],
  ["\\Bat\\b", "cat category cat\n", false, ["at", "at"]],
  ["cat\\Z", "the\ncat\n", false, []],
  ["\\x41", "Cat CAT cAt", true, ["a", "A", "A"]],
  ["(?i)CAT", "Cat CAT cAt", false, ["Cat", "CAT", "cAt"]],
  ["\\bé", "Café café CAFÉ cafés", true, []],
  ["c\\+\\+", "foo-bar baz's it's C++ c++", true, ["C++", "c++"]],
];

describe('Python re patterns in JS', () => {
  it.each(PYTHON)('findall(%j, %j, ignorecase=%s) = %j', (pattern, text, ignoreCase, expected) => {
    expect(pyFindall(compilePyRegex(pattern, { ignoreCase }), text)).toEqual(expected);
  });

  it('refuses what Python rejects or what it cannot translate, instead of matching something else', () => {
    expect(isPyRegex('c++')).toBe(false);
    expect(isPyRegex('\\q')).toBe(false);
    expect(isPyRegex('(?s)a.b')).toBe(false);
    expect(() => pyFindall(compilePyRegex('(a)(b)'), 'ab')).toThrow(/tuples/);
  });

  it('counts matches and memoises compiled patterns', () => {
    expect(pyCountMatches(cachedPyRegex('cat', { ignoreCase: true }), 'Cat category CAT')).toBe(3);
    expect(cachedPyRegex('cat', { ignoreCase: true })).toBe(cachedPyRegex('cat', { ignoreCase: true }));
  });
});
