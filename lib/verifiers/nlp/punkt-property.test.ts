import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { posTag, sentenceSpans, sentTokenize, splitIntoSentences, wordTokenize } from './nltk';

// Pieces that reach every rule of the ports (abbreviations, initials, numbers, ellipses, quotes, brackets,
// contractions, odd whitespace, astral characters); repeating a short mix of them to 100k characters is
// how a quadratic regex shows itself (a 100k blank run once took 40 s before the strip loops).
const PIECES = [
  'Mr.', 'e.g.', 'U.S.', 'J.', '3.', '1,000.', '...', '. . .', '?!', '!', '.', ',', ';', ':', '--', '"', "'", '``', "''",
  '“', '”', '«', '(', ')', '[', ']', '{', '}', '<', '*', "don't", 'cannot', "'tis", 'gonna', 'The', 'it', 'İ', 'ſ', '😀',
  'a', 'x.com', 'Ph.D.', '<stop>', '<prd>',
];
const SEPARATORS = [' ', '', '\n', '\r\n', '\t', '\u00a0', '\u2003', '\x85', '   ', '\n\n'];

const piecesText = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { maxLength: 40 })
  .map((parts) => parts.map(([p, s]) => p + s).join(''));
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), piecesText);

function checkInvariants(text: string): void {
  const spans = sentenceSpans(text);
  const sentences = sentTokenize(text);
  expect(sentences).toEqual(spans.map(([s, e]) => text.slice(s, e)));
  let prevEnd = 0;
  for (const [s, e] of spans) {
    expect(s).toBeGreaterThanOrEqual(prevEnd);
    expect(e).toBeGreaterThan(s);
    prevEnd = e;
  }
  expect(prevEnd).toBeLessThanOrEqual(text.length);
  const tokens = wordTokenize(text);
  for (const t of tokens) expect(t).toMatch(/^\S+$/u);
  expect(posTag(tokens).map(([w]) => w)).toEqual(tokens);
  for (const s of splitIntoSentences(text)) expect(typeof s).toBe('string');
}

const BUDGET_MS = 1000;

/** Time of `f`; over budget, the better of two runs, so a load spike on the shared machine is not a failure. */
function elapsedMs(f: () => unknown): number {
  const once = (): number => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };
  const first = once();
  return first < BUDGET_MS ? first : Math.min(first, once());
}

describe('NLTK ports on arbitrary text', () => {
  it('never throw, spans are ordered and non-empty, tokens hold no whitespace', () => {
    fc.assert(fc.property(anyText, checkInvariants), { numRuns: 300, seed: 1 });
  });

  // Budget: 1 s per call on a shared 2-core machine; a typical 100k run takes 1–400 ms.
  it('stay linear: 100k characters of arbitrary Unicode or of a repeated mix in well under a second', () => {
    const long = fc.oneof(
      fc.string({ unit: 'binary', minLength: 100_000, maxLength: 100_000 }),
      fc.tuple(piecesText, fc.constantFrom(...SEPARATORS)).map(([t, s]) => {
        const unit = t + s || '.';
        return unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
      }),
    );
    fc.assert(
      fc.property(long, (text) => {
        expect(elapsedMs(() => sentTokenize(text))).toBeLessThan(BUDGET_MS);
        expect(elapsedMs(() => wordTokenize(text))).toBeLessThan(BUDGET_MS);
        expect(elapsedMs(() => splitIntoSentences(text))).toBeLessThan(BUDGET_MS);
      }),
      { numRuns: 12, seed: 2 },
    );
  }, 60_000);

  it.each([
    ['a long blank run inside one sentence', 'e.g.' + ' '.repeat(100_000) + 'x'],
    ['a long blank run before the last period', 'x' + ' '.repeat(100_000) + 'y.'],
    ['only exclamation marks', '!'.repeat(100_000)],
    ['spaced periods', '. '.repeat(50_000)],
  ])('stays linear on %s', (_name, text) => {
    expect(elapsedMs(() => sentTokenize(text))).toBeLessThan(BUDGET_MS);
    expect(elapsedMs(() => wordTokenize(text))).toBeLessThan(BUDGET_MS);
    expect(elapsedMs(() => splitIntoSentences(text))).toBeLessThan(BUDGET_MS);
  });
});
