import { describe, expect, it } from 'vitest';
import { createRng } from '../../../stats/rng';
import { allPass, labVerdicts } from './checks';
import { LAB_DEFAULTS, parseLabConfig } from './config';
import { teacherResponse, TEACHER_DEFAULTS } from './teacher';
import { allInstances, labTokenizer, labVocabulary, promptIds, promptText, splitInstances, TOPICS } from './world';

const coral = { topic: 'ocean', numWords: 4, keyword: 'coral' };

describe('the lab world', () => {
  it('has 8 topics × 15 distinct words, 1,200 instances, and a vocabulary without duplicates', () => {
    expect(Object.keys(TOPICS)).toHaveLength(8);
    for (const words of Object.values(TOPICS)) expect(new Set(words).size).toBe(15);
    expect(allInstances()).toHaveLength(1200);
    const vocab = labVocabulary();
    expect(new Set(vocab).size).toBe(vocab.length);
  });

  it('writes fixed-slot prompts, one token per word after bos', () => {
    expect(promptText(coral)).toBe('write about ocean in exactly 4 words all lowercase including the word coral');
    const tok = labTokenizer();
    const ids = promptIds(tok, coral);
    expect(ids).toHaveLength(1 + 13);
    expect(tok.decode(ids)).toBe(promptText(coral));
    expect(promptIds(tok, { topic: 'space', numWords: 12, keyword: 'probe' })).toHaveLength(14);
  });

  it('splits held-out instances away from training ones', () => {
    const { train, heldOut } = splitInstances(128, 1);
    expect(heldOut).toHaveLength(128);
    expect(train).toHaveLength(1072);
    const key = (m: { topic: string; numWords: number; keyword: string }) => `${m.topic}/${m.numWords}/${m.keyword}`;
    const held = new Set(heldOut.map(key));
    expect(train.some((m) => held.has(key(m)))).toBe(false);
    expect(splitInstances(128, 1).heldOut).toEqual(heldOut);
  });
});

describe('local checks (IFEval semantics)', () => {
  it.each([
    // response, length (4 words), keyword coral, lowercase
    ['coral reef wave tide', true, true, true],
    ['Coral reef wave tide', true, true, false], // keywords:existence is case-insensitive
    ['reef wave tide', false, false, true],
    ['coral, reef-wave tide', true, true, true], // \w+ tokens: coral, reef, wave, tide
    ['corals reef wave tide', true, true, true], // upstream re.search has no word boundaries: "coral" is in "corals"
    ['', false, false, false], // islower() needs a cased character
  ])('%j', (response, length, keyword, lowercase) => {
    const v = labVerdicts(response, coral, 'local');
    expect(v).toEqual({ length, keyword, lowercase });
    expect(allPass(v)).toBe(length && keyword && lowercase);
  });

  it("'registry' (the real IFEval checkers) agrees with 'local' on length and keyword", () => {
    for (const r of ['coral reef wave tide', 'Coral reef wave tide', 'reef wave tide', 'corals reef wave tide', 'coral, reef-wave tide']) {
      const local = labVerdicts(r, coral, 'local');
      const registry = labVerdicts(r, coral, 'registry');
      expect([registry.length, registry.keyword]).toEqual([local.length, local.keyword]);
    }
  });
});

describe('the teacher', () => {
  it('is imperfect at the advertised rates (all-pass ≈ .5 · .5 · .7 = .175)', () => {
    const rng = createRng(4);
    const inst = allInstances();
    let pass = 0;
    let length = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) {
      const m = inst[rng.int(0, inst.length - 1)]!;
      const v = labVerdicts(teacherResponse(m, rng, TEACHER_DEFAULTS), m, 'local');
      pass += allPass(v) ? 1 : 0;
      length += v.length ? 1 : 0;
    }
    // binomial sd at n = 4000 is ≤ .008; allow ~4 sd
    expect(pass / n).toBeGreaterThan(0.175 - 0.03);
    expect(pass / n).toBeLessThan(0.175 + 0.03);
    expect(length / n).toBeGreaterThan(0.47);
    expect(length / n).toBeLessThan(0.53);
  });
});

describe('parseLabConfig', () => {
  it('merges a partial config over the defaults and names bad fields', () => {
    const c = parseLabConfig({ sft: { steps: 10 }, grpo: { steps: 5, lr: { peak: 1e-3 } } });
    expect(c.sft).toEqual({ ...LAB_DEFAULTS.sft, steps: 10 });
    expect(c.grpo.steps).toBe(5);
    expect(c.grpo.lr).toEqual({ ...LAB_DEFAULTS.grpo.lr, peak: 1e-3 });
    expect(() => parseLabConfig({ grpo: { groupSize: 0 } })).toThrow(/groupSize/);
    expect(() => parseLabConfig({ model: { depth: 3 } })).toThrow(/model/);
  });
});
