import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PY_WHITESPACE, pyIsSpaceChar, pyStrip } from '../nlp/pytext';
import { isPyWhitespaceCode, stripAsciiChar, stripEnds } from './fast-strip';

describe('fast strips', () => {
  it('classifies every BMP unit as pytext does', () => {
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isPyWhitespaceCode(c) !== pyIsSpaceChar(String.fromCharCode(c))) differ.push(c.toString(16));
    expect(differ).toEqual([]);
  });

  it('agrees with pyStrip on whitespace-heavy text', () => {
    const text = fc.string({ unit: fc.constantFrom(...PY_WHITESPACE, 'a', '\ufeff', '😀', '"'), maxLength: 40 });
    fc.assert(
      fc.property(text, (s) => {
        expect(stripEnds(s)).toBe(pyStrip(s));
        expect(stripAsciiChar(s, '"')).toBe(pyStrip(s, '"'));
      }),
      { numRuns: 500, seed: 1 },
    );
  });
});
