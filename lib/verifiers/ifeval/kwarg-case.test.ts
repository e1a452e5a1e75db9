import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getConstraint } from '../registry';
import { compileKwargPattern, countMatches, hasWholeWordMatch } from './kwarg-regex';

// [pattern, text, len(re.findall(pattern, text, re.IGNORECASE))], produced by CPython 3.11.7 running exactly that
// expression over every pattern × text pair (the script: a loop over two lists; no upstream code involved). The
// texts hold Python's special IGNORECASE pairs (İ/ı/i, ſ/s, Kelvin K/k, µ/μ, σ/ς, θ/ϑ, ǅ, ﬅ/ﬆ), surrogate pairs
// and the empty string.
const ROWS = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'py-ignorecase-findall.json'), 'utf8')) as Array<[string, string, number]>;

describe("kwarg patterns under Python's IGNORECASE", () => {
  it('count exactly what CPython counts on every row', () => {
    expect(ROWS.length).toBe(578);
    const wrong = ROWS.filter(([p, t, n]) => countMatches(compileKwargPattern(p, { ignoreCase: true }), t) !== n);
    expect(wrong).toEqual([]);
  });

  it('treat i, I, İ and ı as one letter in every suite that matches case-insensitively', () => {
    expect(getConstraint('keywords:existence').prepare({ keywords: ['istanbul'] })('İSTANBUL is big.')).toBe(true);
    expect(getConstraint('keywords:word_once').prepare({ keyword: 'ıi' })('II')).toBe(true);
    expect(getConstraint('keywords:frequency').prepare({ keyword: 'k', frequency: 2, relation: 'at least' })('K and k')).toBe(true);
    expect(hasWholeWordMatch('strasse', 'ſtrasse')).toBe(true);
    expect(getConstraint('keywords:forbidden_words').prepare({ forbidden_words: ['fiſh'] })('No FISH here.')).toBe(false);
    // IFBench: re.search(r'\bistanbul\b', 'İSTANBUL is big.', re.I) and r'\bı\b' in 'I am' both match in CPython.
    expect(getConstraint('sentence:keyword').prepare({ word: 'istanbul', N: 1 })('İSTANBUL is big.')).toBe(true);
    expect(getConstraint('sentence:keyword').prepare({ word: 'ı', N: 1 })('I am here.')).toBe(true);
  });

  it('keeps offsets: the lowered text has the length of the original', () => {
    expect(countMatches(compileKwargPattern('\\bi\\b', { ignoreCase: true }), 'İ 😀 ı 😀 I')).toBe(3);
  });
});
