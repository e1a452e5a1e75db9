import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countWords, deleteChars, isPyWhitespaceCode, pyIsLower, pyIsSpace, pyIsUpper, pyLen, pyLstrip, pyRstrip, pySlice, pySplit, pyStrip,
  PY_PUNCTUATION, PY_WHITESPACE,
} from './pytext';

describe('Python str semantics', () => {
  it('strips the Python whitespace set, which differs from JS trim()', () => {
    expect(pyStrip('\x1c\x85 hi \u3000')).toBe('hi');
    // U+FEFF is whitespace for JS trim() but not for Python.
    expect(pyStrip('\ufeffhi\ufeff')).toBe('\ufeffhi\ufeff');
    expect('\ufeffhi'.trim()).toBe('hi');
    expect(pyStrip('""quote"', '"')).toBe('quote');
  });

  it('splits on whitespace runs without empty pieces', () => {
    expect(pySplit('  a\tb\n\nc\x1f d ')).toEqual(['a', 'b', 'c', 'd']);
    expect(pySplit(' \n ')).toEqual([]);
  });

  it('counts code points like Python len()', () => {
    expect(pyLen('😀a')).toBe(2);
    expect('😀a'.length).toBe(3);
    expect(pySlice('😀abc', 1, 3)).toBe('ab');
  });

  it('counts \\w+ words with Unicode semantics', () => {
    expect(countWords("don't stop_me now, 42 times")).toBe(6);
    expect(countWords('café naïve 東京')).toBe(3);
    // Devanagari vowel signs are Mc/Mn, not \w in Python: "हिन्दी" splits into pieces.
    expect(countWords('हिन्दी')).toBe(3);
  });

  it('follows Python isupper/islower', () => {
    expect(pyIsUpper('HELLO, WORLD 123')).toBe(true);
    expect(pyIsUpper('123 !')).toBe(false);
    expect(pyIsUpper('HELLO ǅ')).toBe(false); // titlecase letter
    expect(pyIsLower('hello ß 1')).toBe(true);
    expect(pyIsLower('hello World')).toBe(false);
    expect(pyIsLower('')).toBe(false);
  });

  it('isspace needs at least one character', () => {
    expect(pyIsSpace('')).toBe(false);
    expect(pyIsSpace(' \x1e')).toBe(true);
  });

  it('deletes ASCII punctuation', () => {
    expect(deleteChars("it's-a (test)!", PY_PUNCTUATION)).toBe('itsa test');
  });
});

describe('strips scanning from the ends', () => {
  // Reference: the definition, character by character over code points.
  const reference = (s: string, set: (ch: string) => boolean, left: boolean, right: boolean): string => {
    const cps = [...s];
    let i = 0;
    let j = cps.length;
    if (left) while (i < j && set(cps[i]!)) i++;
    if (right) while (j > i && set(cps[j - 1]!)) j--;
    return cps.slice(i, j).join('');
  };
  const isWs = (ch: string): boolean => PY_WHITESPACE.includes(ch);

  it('classifies exactly the 29 Python whitespace characters among all BMP units', () => {
    const ws: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isPyWhitespaceCode(c)) ws.push(c);
    expect(ws.map((c) => String.fromCharCode(c)).join('')).toBe(PY_WHITESPACE);
    expect(ws.length).toBe(29);
  });

  it('agrees with the definition on whitespace-heavy text, with and without a strip set', () => {
    const text = fc.string({ unit: fc.constantFrom(...PY_WHITESPACE, 'a', '\ufeff', '😀', '"', '*'), maxLength: 40 });
    fc.assert(
      fc.property(text, (s) => {
        expect(pyStrip(s)).toBe(reference(s, isWs, true, true));
        expect(pyLstrip(s)).toBe(reference(s, isWs, true, false));
        expect(pyRstrip(s)).toBe(reference(s, isWs, false, true));
        expect(pyStrip(s, '"*')).toBe(reference(s, (c) => c === '"' || c === '*', true, true));
        expect(pyStrip(s, '😀a')).toBe(reference(s, (c) => c === '😀' || c === 'a', true, true));
      }),
      { numRuns: 500, seed: 1 },
    );
  });
});

describe('split and delete scanning units', () => {
  // References: Python's definitions, written the slow way over code points.
  const splitReference = (s: string): string[] => {
    const words: string[] = [];
    let word = '';
    for (const ch of s) {
      if (PY_WHITESPACE.includes(ch)) {
        if (word !== '') words.push(word);
        word = '';
      } else word += ch;
    }
    return word === '' ? words : [...words, word];
  };
  const deleteReference = (s: string, chars: string): string => [...s].filter((ch) => ![...chars].includes(ch)).join('');
  const unit = fc.constantFrom(...PY_WHITESPACE, 'a', 'b', '\ufeff', '😀', '\ud83d', '"', '*', '.', ',');

  it('splits as str.split() and deletes as str.translate, whatever the units', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), fc.constantFrom('', '"*', PY_PUNCTUATION, '😀a', '\ud83d', 'é'), (s, chars) => {
        expect(pySplit(s)).toEqual(splitReference(s));
        expect(deleteChars(s, chars)).toBe(deleteReference(s, chars));
        // A strip set met again is served from the cache: same answers.
        expect(deleteChars(s, chars)).toBe(deleteReference(s, chars));
        expect(pyStrip(s, chars)).toBe(pyStrip(s, chars));
      }),
      { numRuns: 800, seed: 2 },
    );
  });
});
