import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trigramSet } from './trigram-set';

/** The definition: Python's set(nltk.ngrams(text, 3)) over code points, as strings. */
function plain(text: string): Set<string> {
  const cps = Array.from(text);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= cps.length; i++) out.add(cps[i]! + cps[i + 1]! + cps[i + 2]!);
  return out;
}

describe('trigramSet', () => {
  it('counts distinct code-point trigrams and the ones shared, by hand', () => {
    expect(trigramSet('aaaa').size).toBe(1);
    expect(trigramSet('ab').size).toBe(0);
    expect(trigramSet('abcd').sharedWith(trigramSet('bcde'))).toBe(1); // bcd
    expect(trigramSet('x😀😀z😀😀y').size).toBe(5); // x😀😀 😀😀z 😀z😀 z😀😀 😀😀y
    expect(trigramSet('x😀😀z😀😀y').sharedWith(trigramSet('x😀😀y'))).toBe(2);
    expect(trigramSet('\u0000\u0000\u0000\u0000').size).toBe(1); // NUL is a character, not an empty slot
  });

  it('agrees with a set of trigram strings on random texts', () => {
    const unit = fc.constantFrom('a', 'b', '\u0000', '\uffff', '😀', '😁', '\ud83d', '\ude00', 'é');
    const text = fc.string({ unit, maxLength: 40 });
    fc.assert(
      fc.property(text, text, (x, y) => {
        const [px, py] = [plain(x), plain(y)];
        const shared = [...px].filter((t) => py.has(t)).length;
        expect([trigramSet(x).size, trigramSet(x).sharedWith(trigramSet(y))]).toEqual([px.size, shared]);
      }),
      { numRuns: 3000 },
    );
  });
});
