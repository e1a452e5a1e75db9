import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../stats/rng';
import { IFEVAL_CONSTRAINTS } from '../verifiers/ifeval/index';
import { passes, type Verdict } from '../verifiers/types';
import { checkLoose, checkStrict, scorePrompts, variantVerdicts } from './score';

const noComma = IFEVAL_CONSTRAINTS.find((c) => c.id === 'punctuation:no_comma')!.prepare({});

describe('strict and loose scoring', () => {
  it('fails every instruction of a blank response in strict mode, as upstream', () => {
    expect(checkStrict(noComma, '')).toBe(false);
    expect(checkStrict(noComma, ' \r\n\t')).toBe(false);
    expect(checkStrict(noComma, 'ok')).toBe(true);
  });

  it('passes loose when a variant without the first or last line passes', () => {
    const response = 'Sure, here it is:\nno commas here\nBye, then';
    expect(checkStrict(noComma, response)).toBe(false);
    expect(checkLoose(noComma, response)).toBe(true);
    expect(variantVerdicts(noComma, response).map((v) => [v.name, v.verdict])).toEqual([
      ['original', false],
      ['no_asterisks', false],
      ['remove_first_line', false],
      ['remove_last_line', false],
      ['remove_first_and_last_line', true],
      ['no_asterisks_remove_first_line', false],
      ['no_asterisks_remove_last_line', false],
      ['no_asterisks_remove_first_and_last_line', true],
    ]);
  });

  it('skips blank variants (null verdict)', () => {
    expect(variantVerdicts(noComma, 'one line').map((v) => v.verdict)).toEqual([true, true, null, null, null, null, null, null]);
  });

  it('checks each distinct variant text once, in upstream order (a checker is a pure function of its text)', () => {
    const seen: string[] = [];
    const failing = (text: string): Verdict => (seen.push(text), false);
    // Upstream checks 7 texts here ('a\nb' twice, 'b' twice, 'a' twice, plus 'a\nb' once more as original).
    expect(checkLoose(failing, 'a\nb')).toBe(false);
    expect(seen).toEqual(['a\nb', 'b', 'a']);
    seen.length = 0;
    expect(checkLoose(failing, 'x\n*y*\nz', true)).toBe(false);
    // The original failed strict: no_asterisks, then the three line cuts, then those without asterisks.
    expect(seen).toEqual(['x\ny\nz', '*y*\nz', 'x\n*y*', '*y*', 'y\nz', 'x\ny', 'y']);
    seen.length = 0;
    expect(variantVerdicts(failing, 'a\nb').map((v) => v.verdict)).toEqual([false, false, false, false, null, false, false, null]);
    expect(seen).toEqual(['a\nb', 'b', 'a']);
  });

  it('scores a missing response as all-false in both modes', () => {
    const prompt = { key: 9, prompt: 'p', instructionIds: ['punctuation:no_comma'], kwargs: [{}], checks: [noComma] };
    expect(scorePrompts([prompt], [null])[0]).toMatchObject({ response: null, strict: [false], loose: [false] });
  });

  it('property: loose passes whenever strict passes, for every checker', () => {
    const rng = createRng(11);
    const checks = IFEVAL_CONSTRAINTS.map((c) => c.prepare(c.sampleKwargs ? c.sampleKwargs(rng) : { prompt_to_repeat: 'Say it.' }));
    const text = fc.string({ unit: fc.constantFrom('*', '\n', ' ', ',', 'a', 'B', '"', '.', '<', '>', '[', ']', '-', 'é', 'Say it.'), maxLength: 300 });
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: checks.length - 1 }), (response, i) => {
        const strict: Verdict = checkStrict(checks[i]!, response);
        if (passes(strict)) expect(passes(checkLoose(checks[i]!, response))).toBe(true);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
