import { describe, expect, it } from 'vitest';
import { bootstrapCI } from '../stats/bootstrap';
import type { Verdict } from '../verifiers/types';
import { summarize } from './metrics';
import type { ScoredPrompt } from './score';

const row = (key: number, ids: string[], strict: Verdict[], loose: Verdict[]): ScoredPrompt => ({
  key, prompt: `p${key}`, response: 'r', instructionIds: ids, strict, loose,
});

// Hand-computed: strict prompts [T,T] [T,F] [F] -> 1/3 prompt-level; 3/5 instructions (micro, not the 0.5 macro mean).
const SCORED = [
  row(1, ['a:x', 'b:y'], [true, true], [true, true]),
  row(2, ['a:x', 'a:z'], [true, false], [true, 'unverifiable']),
  row(3, ['b:y'], [false], [false]),
];

describe('summarize', () => {
  it('computes prompt-level and micro-averaged instruction-level accuracy', () => {
    const s = summarize(SCORED, { seed: 0, resamples: 0 });
    expect([s.promptLevelStrict.followed, s.promptLevelStrict.total]).toEqual([1, 3]);
    expect([s.instructionLevelStrict.followed, s.instructionLevelStrict.total]).toEqual([3, 5]);
    expect(s.instructionLevelStrict.accuracy).toBeCloseTo(0.6, 12);
    // Loose: 'unverifiable' counts as followed, as upstream counts a failed language detection.
    expect([s.promptLevelLoose.followed, s.instructionLevelLoose.followed]).toEqual([2, 4]);
    expect(s.unverifiable).toEqual({ strict: 0, loose: 1 });
    expect(Number.isNaN(s.promptLevelStrict.ci.lo)).toBe(true);
  });

  it('groups per id and per category (id prefix), sorted', () => {
    const s = summarize(SCORED, { seed: 0, resamples: 0 });
    expect(s.perId.map((g) => [g.name, g.strict.followed, g.strict.total])).toEqual([['a:x', 2, 2], ['a:z', 0, 1], ['b:y', 1, 2]]);
    expect(s.perCategory.map((g) => [g.name, g.strict.followed, g.loose.followed, g.strict.total])).toEqual([['a', 2, 3, 3], ['b', 1, 1, 2]]);
  });

  it('gives each interval exactly what bootstrapCI gives that ratio alone (prompts resampled, seeded)', () => {
    const s = summarize(SCORED, { seed: 5, resamples: 200 });
    const instStrict = bootstrapCI(
      SCORED,
      (sample) => sample.reduce((n, p) => n + p.strict.filter((v) => v !== false).length, 0) / sample.reduce((n, p) => n + p.strict.length, 0),
      { seed: 5, resamples: 200 },
    );
    expect(s.instructionLevelStrict.ci).toEqual(instStrict);
    const promptLoose = bootstrapCI(SCORED, (sample) => sample.filter((p) => p.loose.every((v) => v !== false)).length / sample.length, {
      seed: 5,
      resamples: 200,
    });
    expect(s.promptLevelLoose.ci).toEqual(promptLoose);
    expect(s.promptLevelLoose.ci.lo).toBeLessThanOrEqual(s.promptLevelLoose.accuracy);
  });

  it('keeps missing responses in the denominators and reports their keys', () => {
    const missing = row(4, ['a:x'], [false], [false]);
    const s = summarize([...SCORED, { ...missing, response: null }], { seed: 0, resamples: 0 }, [4]);
    expect(s.promptLevelStrict.total).toBe(4);
    expect(s.missingResponses).toEqual([4]);
  });
});
