import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pyLowerCodePoint, pyLowerText } from './py-case';

/** The definition: every code point through sre's lower, a lone surrogate unchanged. */
const byCodePoint = (text: string): string =>
  Array.from(text, (ch) => {
    const cp = ch.codePointAt(0)!;
    return ch.length === 1 && cp >= 0xd800 && cp <= 0xdfff ? ch : String.fromCodePoint(pyLowerCodePoint(cp));
  }).join('');

describe('pyLowerText', () => {
  it('lowers as sre does, by hand', () => {
    expect(pyLowerText('Hello, World')).toBe('hello, world');
    expect(pyLowerText('İSTANBUL')).toBe('istanbul'); // the first code point of İ's full lowercase (JS gives i̇)
    expect(pyLowerText('ΣΑΣ')).toBe('σασ'); // no final sigma
    expect(pyLowerText('𐐀x')).toBe('𐐨x'); // astral: Deseret capital long I
    expect(pyLowerText('\ud83dA')).toBe('\ud83da'); // a lone high surrogate does not swallow the next character
  });

  it('maps each code point through pyLowerCodePoint and keeps the UTF-16 length', () => {
    const unit = fc.constantFrom('A', 'z', 'İ', 'Σ', 'ß', 'Ǆ', '𐐀', '😀', '\ud83d', '\ude00', 'K', '\u0130', 'Ω', ' ', '1');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (t) => {
        const lowered = pyLowerText(t);
        return lowered === byCodePoint(t) && lowered.length === t.length;
      }),
      { numRuns: 3000 },
    );
  });
});
