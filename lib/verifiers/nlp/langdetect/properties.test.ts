import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLanguage, detectLanguages } from './index';
import { profileModel } from './profiles';

const LANGS = new Set([...profileModel().langs, 'unknown']);
// Pieces that exercise every rule: URL and e-mail shapes, Vietnamese marks, capitals, CJK, kana, Hangul, astral.
const PIECES = ['http://a.b/', '@', 'x.y', 'a', 'B', 'é', '\u0301', 'ș', ' ', '\n', '1', '*', '東', 'の', 'ア', '한', 'Ж', '😀', '𝐀', '\ud800'];

describe('langdetect on arbitrary input', () => {
  it('never throws and answers null, a profile language or "unknown"', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 400 })), (text) => {
        const lang = detectLanguage(text);
        expect(lang === null || LANGS.has(lang)).toBe(true);
        const guesses = detectLanguages(text);
        expect(guesses === null).toBe(lang === null);
      }),
      { numRuns: 120, seed: 7 },
    );
  });

  it('handles 100k-character hostile texts in well under a second each', () => {
    const hostile = [
      'a'.repeat(100_000),
      'a@'.repeat(50_000),
      ('x'.repeat(63) + '@').repeat(1_500),
      'http://'.repeat(14_000),
      'A'.repeat(100_000),
      '😀'.repeat(50_000),
      'e\u0301'.repeat(50_000),
    ];
    for (const text of hostile) {
      const start = performance.now();
      detectLanguage(text);
      expect(performance.now() - start, text.slice(0, 20)).toBeLessThan(1000);
    }
  });
});
