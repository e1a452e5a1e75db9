import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../stats/rng';
import type { PreparedCheck } from './define';
import { kwargsFromData } from './fuzz/kwargs';
import { pyStrip } from './nlp/pytext';
import { listConstraints } from './registry';
import { passes, type Verdict } from './types';
import { looseVariants } from './variants';

// Every registered id, on arbitrary Unicode: no throw, no hang, a valid verdict, and loose passes whenever strict does.
// Kwargs: the id's seeded sampler; else the first kwargs of that id in the IFEval/IFBench data; else HAND_KWARGS.

const PROMPT = 'Write a short poem about the sea, in three stanzas, and explain the metaphors you chose.';
/** IFTrain ids that need the prompt and appear in neither benchmark file. */
const HAND_KWARGS: Readonly<Record<string, Record<string, unknown>>> = {
  'copy:copy': { prompt_to_repeat: PROMPT },
  'copy:copying_simple': { prompt_to_repeat: PROMPT },
  'copy:copying_multiple': { prompt_to_repeat: PROMPT, N: 3 },
  'new:copy_span_idx': { prompt_to_repeat: PROMPT, n_start: 6, n_end: 30 },
};

const rng = createRng(11);
const fromData = kwargsFromData();
const ALL = listConstraints();
const prepared = ALL.map((c) => {
  const kwargs = c.sampleKwargs ? c.sampleKwargs(rng) : (fromData.get(c.id) ?? HAND_KWARGS[c.id]);
  return { id: c.id, kwargs, check: kwargs === undefined ? undefined : c.prepare(kwargs) };
});

// Characters that drive scanners, tokenizers and regexes into their edge cases, plus wide Unicode.
const HOSTILE = ['*', '\n', '\r', ' ', '\t', '[', ']', '<', '>', '-', '.', '!', '?', '"', "'", ',', ';', ':', '(', ')', '#', '|',
  'a', 'A', 'I', 'É', 'ß', 'ı', '😀', '🇫🇷', '\u0301', '\u200b', '\u2028', '\u00a0', 'P', 'S', '1', '0'];
const WORDS = ['the', 'The', 'sea', 'I', 'run', 'Paris', 'Mr.', 'e.g.', 'well-known', 'don\'t', 'ÉCOLE', '42', '***', '* * *', '- item', '1.', '"Hi!"', 'P.S.', '§', 'سلام', '東京'];

const seedString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(...HOSTILE), maxLength: 60 }),
  fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', ' ', ', ', '. ', '\n', '\n\n')), { maxLength: 30 }).map((ws) => ws.flat().join('')),
);
/**
 * A seed string repeated to a length in [0, max], half the time in the top half of the range (fast-check's integer
 * bias would otherwise keep most lengths small); repetition hits the quadratic paths a scanner might have.
 */
const text = (max: number) =>
  fc
    .tuple(seedString, fc.oneof(fc.integer({ min: 0, max }), fc.integer({ min: max / 2, max })))
    .map(([s, n]) => (s === '' ? '' : s.repeat(Math.ceil(n / s.length)).slice(0, n)));

const VERDICTS: readonly Verdict[] = [true, false, 'unverifiable'];
// Generous for a loaded 2-core machine; a quadratic scan of 100k characters takes minutes, not seconds.
const BUDGET_MS = 10_000;

function timedCheck(check: PreparedCheck, input: string): Verdict {
  const started = performance.now();
  const verdict = check(input);
  expect(performance.now() - started).toBeLessThan(BUDGET_MS);
  expect(VERDICTS).toContain(verdict);
  return verdict;
}

describe('the registry', () => {
  it('registers 116 ids (IFEval 25, IFBench 58, IFTrain 29, the 4 soft ones of the lab), each with kwargs to test it with', () => {
    expect(ALL).toHaveLength(116);
    expect(ALL.filter((c) => c.kind === 'soft').map((c) => c.id)).toEqual(['lab:cheerful', 'lab:mentions_animal', 'lab:on_topic', 'lab:formal']);
    expect(prepared.filter((p) => p.check === undefined).map((p) => p.id)).toEqual([]);
  });
});

describe.each(prepared)('$id on arbitrary Unicode', ({ check }) => {
  it('returns a verdict on texts up to 100k characters without throwing or hanging', () => {
    fc.assert(
      fc.property(text(100_000), (t) => void timedCheck(check!, t)),
      { numRuns: 10, seed: 7 },
    );
  });

  it('passes loose (some non-blank variant passes) whenever it passes strict; every variant gets a verdict', () => {
    fc.assert(
      fc.property(text(2_000), (t) => {
        const strict = timedCheck(check!, t);
        const variants = looseVariants(t).filter((v) => v.text !== null);
        const loose = variants.map((v) => timedCheck(check!, v.text!)).some(passes);
        // Upstream strict mode fails a blank response before calling the checker (Python's strip, not JS trim).
        if (passes(strict) && pyStrip(t) !== '') expect(loose).toBe(true);
      }),
      { numRuns: 25, seed: 7 },
    );
  });
});

// Inputs that make scanners and tokenizers quadratic or deeply recursive if they are going to be.
const WORST_CASES: Array<[string, string]> = [
  ['100k "["', '['.repeat(100_000)],
  ['"<<" then 100k ">"-free text', '<<' + 'x'.repeat(100_000)],
  ['100k newlines', '\n'.repeat(100_000)],
  ['100k spaces then a star', ' '.repeat(100_000) + '*'],
  ['33k "\\n *"', '\n *'.repeat(33_333)],
  ['100k "*"', '*'.repeat(100_000)],
  ['100k "."', '.'.repeat(100_000)],
  ['100k \'"\'', '"'.repeat(100_000)],
  ['one 100k-letter word', 'A'.repeat(100_000)],
  ['25k "Mr. " (punkt abbreviations)', 'Mr. '.repeat(25_000)],
  ['50k emoji (surrogate pairs)', '😀'.repeat(50_000)],
  ['33k "ab "', 'ab '.repeat(33_333)],
  ['20k "a,b;" (csv)', 'a,b;\n'.repeat(20_000)],
];

describe('every registered checker on 100k-character worst cases', () => {
  it.each(WORST_CASES)('%s', (_label, t) => {
    for (const { id, check } of prepared) {
      const started = performance.now();
      expect(VERDICTS, id).toContain(check!(t));
      expect(performance.now() - started, id).toBeLessThan(BUDGET_MS);
    }
  });
});
