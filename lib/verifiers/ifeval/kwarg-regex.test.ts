import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KwargsError } from '../define';
import { compileKwargPattern, countMatches, hasMatch, hasWholeWordMatch, kwargPatternProblem, PY_RE } from './kwarg-regex';
import { forbiddenWords } from './forbidden-words';
import { keywordsFrequency } from './keywords-frequency';

const re = (p: string, ignoreCase = true) => compileKwargPattern(p, { ignoreCase });

describe('kwarg patterns: Python re semantics in a subset that cannot hang', () => {
  it('matches plain words literally, case-insensitively, substrings included', () => {
    expect(countMatches(re('cat'), 'Cat category CAT')).toBe(3);
    expect(hasMatch(re('dog'), 'Cat')).toBe(false);
  });

  it('keeps Python meanings where JS differs: Unicode \\w and \\b, \\d, and . excluding only \\n', () => {
    expect(countMatches(re('\\w\\w'), 'éé')).toBe(1); // JS \w would see no word character
    expect(hasMatch(compileKwargPattern('na', { ignoreCase: true, around: [PY_RE.b, PY_RE.b] }), 'naïve')).toBe(false);
    expect(hasMatch(re('\\d'), '٣')).toBe(true);
    expect(countMatches(re('a.b'), 'a\rb a\nb a\u2028b')).toBe(2); // JS . would also refuse \r and \u2028
  });

  it('counts like findall, empty matches included', () => {
    expect(countMatches(re('a?'), 'bab')).toBe(4); // Python: ['', 'a', '', '']
    expect(countMatches(re('[ab]{1,2}'), 'aaab')).toBe(2);
  });

  it.each([
    ['(a+)+$', /groups or alternation/],
    ['(x+x+)+y', /groups or alternation/],
    ['\\w*\\w*\\w*x', /unbounded repeat "\*"/],
    ['a+', /unbounded repeat "\+"/],
    ["x{2,}", /unbounded repeat "\{2,\}"/],
    ['a|b', /groups or alternation/],
    ['^start', /anchor/],
    ['(a)\\1', /groups or alternation/],
    ['a?a?a?a?a?a?a?a?a?aaaaaaaaa', /too many optional or ranged repeats/],
    ['[abc', /unterminated character set/],
    ['x'.repeat(201), /longer than 200/],
  ])('rejects %j', (pattern, reason) => {
    expect(kwargPatternProblem(pattern)).toMatch(reason);
  });

  it('rejects a catastrophic kwarg when the kwargs are validated, naming the field', () => {
    expect(() => keywordsFrequency.prepare({ keyword: '(a+)+$', frequency: 1, relation: 'at least' })).toThrow(KwargsError);
    expect(() => forbiddenWords.prepare({ forbidden_words: ['ok', '(.*a){12}'] })).toThrow(/kwargs\.forbidden_words\.1: pattern/);
  });

  it('runs the worst accepted pattern over 100k hostile characters in linear time', () => {
    // 8 optional atoms (2^8 = 256 backtracking paths, the limit) that all fail on the last character.
    const worst = 'a?'.repeat(8) + 'a'.repeat(8) + 'b';
    expect(kwargPatternProblem(worst)).toBeUndefined();
    const started = performance.now();
    expect(countMatches(re(worst), 'a'.repeat(100_000))).toBe(0);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('hasWholeWordMatch (forbidden words)', () => {
  it.each([
    ['die', 'I will die.', true],
    ['die', 'a diet', false],
    ['die', 'Die!', true],
    ['na', 'naïve', false],
    ['café', 'cafés', false],
    ['über', 'Über.', true],
    ['-x', 'a-x', true], // \b before "-" needs a word character on its left, as in Python
    ['-x', ' -x', false],
    ['aa', 'aaa aa', true], // overlapping occurrences inside "aaa" fail, the later one passes
    ['d.e', 'the d-e case', true],
    ['d.e', 'xd-ex', false],
    ['😀a', 'x 😀a', false], // emoji is not \w, so \b before it needs a word character: "x " gives none
    ['😀', '😀😀x😀', false],
    ['a', '😀a😀', true],
  ])('%j in %j: %s', (pattern, text, expected) => {
    expect(hasWholeWordMatch(pattern, text)).toBe(expected);
  });
});

describe('literal punctuation in kwargs', () => {
  it.each(['self-driving', 'state-of-the-art', 'e-mail/post', "don't", 'a,b', 'x=y', '#1', '@home', '~', '%', '&', '<tag>', 'a"b'])(
    'compiles %j as a literal',
    (kw) => {
      expect(kwargPatternProblem(kw)).toBeUndefined();
      expect(hasMatch(re(kw), `before ${kw.toUpperCase()} after`)).toBe(true);
    },
  );

  it('keeps an escaped "-" inside a class literal', () => {
    expect(countMatches(re('[a\\-z]'), 'b-')).toBe(1);
  });
});

describe('the literal fast path of hasWholeWordMatch', () => {
  it('agrees with the full \\b regex on random texts', () => {
    const unit = fc.constantFrom('a', 'B', 'é', '-', ' ', '😀', '\u0301', '_', '1', 'ſ', 'K');
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 3 }), fc.string({ unit, maxLength: 30 }), (word, text) => {
        const full = compileKwargPattern(word, { ignoreCase: true, around: [PY_RE.b, PY_RE.b] });
        expect(hasWholeWordMatch(word, text)).toBe(hasMatch(full, text));
      }),
      { numRuns: 400, seed: 3 },
    );
  });
});
