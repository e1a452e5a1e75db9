import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../stats/rng';
import { IFEVAL_CONSTRAINTS } from './index';

// Characters that drive the hand-written scanners and the regexes into their worst cases, plus wide Unicode.
const HOSTILE = ['*', '\n', '\r', ' ', '\t', '[', ']', '<', '>', '-', '.', '"', "'", ',', 'a', 'A', 'É', 'ß', '😀', '\u0301', '\u2028', '#', 'P', 'S', '1'];

/** Texts up to 100k characters: a random seed string (any code points, or hostile ones) repeated. */
const longText = fc
  .tuple(
    fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: fc.constantFrom(...HOSTILE), maxLength: 60 })),
    fc.integer({ min: 1, max: 100_000 }),
  )
  .map(([seed, n]) => (seed === '' ? '' : seed.repeat(Math.ceil(n / seed.length)).slice(0, n)));

const rng = createRng(3);
const prepared = IFEVAL_CONSTRAINTS.map((c) => ({
  id: c.id,
  check: c.prepare(c.sampleKwargs ? c.sampleKwargs(rng) : { prompt_to_repeat: 'Repeat me.' }),
}));

describe('every IFEval checker on arbitrary Unicode up to 100k characters', () => {
  it.each(prepared)('$id returns a verdict without throwing or hanging', ({ check }) => {
    fc.assert(
      fc.property(longText, (text) => {
        const started = performance.now();
        const verdict = check(text);
        expect([true, false, 'unverifiable']).toContain(verdict);
        // Generous for a loaded 2-core machine; a quadratic scan of 100k characters takes minutes, not seconds.
        expect(performance.now() - started).toBeLessThan(10_000);
      }),
      { numRuns: 12, seed: 42 },
    );
  });
});

// Inputs that make the upstream regexes quadratic (findall over long runs without a closing token).
const WORST_CASES: Array<[string, string]> = [
  ['100k "["', '['.repeat(100_000)],
  ['100k "<"', '<'.repeat(100_000)],
  ['"<<" then 100k ">"-free text', '<<' + 'x'.repeat(100_000)],
  ['100k newlines', '\n'.repeat(100_000)],
  ['100k spaces then a star', ' '.repeat(100_000) + '*'],
  ['33k "\\n *"', '\n *'.repeat(33_333)],
  ['100k "*"', '*'.repeat(100_000)],
  ['50k emoji (surrogate pairs)', '😀'.repeat(50_000)],
  ['100k letters', 'ab '.repeat(33_333)],
];

describe('every IFEval checker on 100k-character worst cases', () => {
  it.each(WORST_CASES)('%s', (_label, text) => {
    for (const { id, check } of prepared) {
      const started = performance.now();
      expect([true, false, 'unverifiable'], id).toContain(check(text));
      expect(performance.now() - started, id).toBeLessThan(10_000);
    }
  });
});
