import { describe, expect, it } from 'vitest';
import { createAlwaysYesJudge, createOracleJudge } from '../../../judge/simulated';
import { createRng } from '../../../stats/rng';
import { HARD_TYPES, SOFT_TYPES, WORLD_TYPES, typesConflict } from './constraint-types';
import { WORLD_BASE } from './config';
import { evalSets, worldData } from './data';
import { drawDataset, isSatisfiable, regionOf, type DatasetSpec } from './dataset';
import { constraintsOf, instanceKind, promptOf } from './instance';
import { scoreResponses } from './reward';
import { tally } from './tally';
import { expertResponse, teacherResponse } from './teacher';
import { trueVerdicts } from './truth';
import { worldTokenizer } from './vocabulary';

const shellPrompt = {
  topic: 'ocean',
  subject: 'whale',
  clauses: [
    { type: 'cheerful' },
    { type: 'include', param: 'shell' },
    { type: 'words_exact', param: 4 },
    { type: 'on_topic' },
  ],
};
const spec = (over: Partial<DatasetSpec> = {}): DatasetSpec => ({
  kinds: { 'hard-only': 1, 'soft-only': 1, mixed: 2 },
  constraints: { min: 1, max: 4 },
  types: 'all',
  unsatisfiable: 0,
  ...over,
});

describe('the world of hard and soft constraints', () => {
  it('has 10 hard and 4 soft types, every hard one a registry checker', () => {
    expect(HARD_TYPES).toHaveLength(10);
    expect(SOFT_TYPES).toEqual(['cheerful', 'animal', 'on_topic', 'formal']);
    expect(typesConflict('quoted', 'start_with')).toBe(true);
    expect(typesConflict('include', 'avoid')).toBe(false);
  });

  it('writes prompts with clauses in a fixed order, and names each constraint by its registry id', () => {
    expect(promptOf(shellPrompt)).toBe('write about ocean whale in exactly 4 words include shell sound cheerful stay on topic');
    expect(constraintsOf(shellPrompt)).toEqual([
      { type: 'words_exact', kind: 'hard', id: 'count:word_count_range', kwargs: { min_words: 4, max_words: 4 } },
      { type: 'include', kind: 'hard', id: 'keywords:existence', kwargs: { keywords: ['shell'] } },
      { type: 'cheerful', kind: 'soft', id: 'lab:cheerful', kwargs: {} },
      { type: 'on_topic', kind: 'soft', id: 'lab:on_topic', kwargs: { topic: 'ocean' } },
    ]);
    expect(instanceKind(shellPrompt)).toBe('mixed');
  });

  it('checks responses with the real checkers and the oracle', () => {
    const cs = constraintsOf(shellPrompt);
    expect(trueVerdicts('shell sunny reef tide', cs)).toEqual([true, true, true, true]);
    expect(trueVerdicts('Shell, sunny storm happy reef', cs)).toEqual([false, true, false, false]);
  });

  it('tokenizes every prompt word as one token', () => {
    const tok = worldTokenizer();
    for (const t of WORLD_TYPES) {
      const text = promptOf({ topic: 'farm', subject: 'cow', clauses: [{ type: t.name, param: t.param === 'count' ? t.counts![0]! : 'goat' }] });
      expect(tok.encode(text)).toHaveLength(text.split(' ').length);
    }
    expect(tok.decode(tok.encode('"shell, sunny reef"'))).toBe('"shell, sunny reef"');
  });

  it('the expert satisfies what can be satisfied and fails value conflicts', () => {
    expect(isSatisfiable(shellPrompt)).toBe(true);
    expect(trueVerdicts(expertResponse(shellPrompt, createRng(1)), constraintsOf(shellPrompt)).every(Boolean)).toBe(true);
    // cheerful forbids every negative word, and "include storm" asks for one
    expect(isSatisfiable({ topic: 'ocean', subject: 'whale', clauses: [{ type: 'include', param: 'storm' }, { type: 'cheerful' }] })).toBe(false);
    // three words cannot start with one word, end with another and include a third
    expect(isSatisfiable({ topic: 'ocean', subject: 'whale', clauses: [{ type: 'words_exact', param: 3 }, { type: 'include', param: 'reef' }, { type: 'start_with', param: 'tide' }, { type: 'end_with', param: 'sand' }, { type: 'twice', param: 'boat' }] })).toBe(false);
  });

  it('draws datasets by kind, count and types, distinct and reproducible', () => {
    const hard = drawDataset(spec({ kinds: { 'hard-only': 1, 'soft-only': 0, mixed: 0 }, constraints: { min: 2, max: 3 } }), 300, createRng(3), 'train');
    expect(new Set(hard.map(promptOf)).size).toBe(300);
    expect(hard.every((i) => instanceKind(i) === 'hard-only' && i.clauses.length >= 2 && i.clauses.length <= 3)).toBe(true);
    expect(hard.every((i) => isSatisfiable(i))).toBe(true);
    const two = drawDataset(spec({ types: ['include', 'cheerful'] }), 100, createRng(3), 'train');
    expect(new Set(two.flatMap((i) => i.clauses.map((c) => c.type)))).toEqual(new Set(['include', 'cheerful']));
    expect(drawDataset(spec(), 50, createRng(9), 'train').map(promptOf)).toEqual(drawDataset(spec(), 50, createRng(9), 'train').map(promptOf));
    expect(() => drawDataset(spec({ types: ['include', 'sparkly'] }), 10, createRng(1), 'train')).toThrow(/unknown constraint type "sparkly"/);
  });

  it('draws the asked share of unsatisfiable instances', () => {
    const ds = drawDataset(spec({ unsatisfiable: 0.25 }), 200, createRng(4), 'train');
    expect(ds.filter((i) => !isSatisfiable(i))).toHaveLength(50);
  });

  it('keeps evaluation prompts out of training and the same for every seed', () => {
    const config = { ...WORLD_BASE, data: { ...WORLD_BASE.data, trainSize: 300, evalSize: 40 } };
    const a = worldData({ ...config, seed: 1 });
    const b = worldData({ ...config, seed: 2 });
    expect(Object.values(a.eval).flat().map(promptOf)).toEqual(Object.values(b.eval).flat().map(promptOf));
    expect(Object.values(a.eval).flat().every((i) => regionOf(promptOf(i)) === 'eval')).toBe(true);
    expect([...a.train, ...a.sft].every((i) => regionOf(promptOf(i)) === 'train')).toBe(true);
    // about one prompt in ten is held out
    const all = drawDataset(spec(), 400, createRng(8), 'train').map(promptOf);
    expect(all.length).toBe(400);
    expect(Object.keys(evalSets(config))).toEqual(['hard', 'mixed', 'soft']);
    expect(a.eval.soft!.every((i) => instanceKind(i) === 'soft-only')).toBe(true);
  });

  it('teaches every type partially, hard and soft alike (the fairness of the starting point)', () => {
    const ds = drawDataset(spec(), 1500, createRng(5), 'train');
    const rng = createRng(6);
    const pass = new Map<string, [number, number]>();
    for (const inst of ds) {
      const cs = constraintsOf(inst);
      trueVerdicts(teacherResponse(inst, rng), cs).forEach((v, i) => {
        const p = pass.get(cs[i]!.type) ?? [0, 0];
        pass.set(cs[i]!.type, [p[0] + (v ? 1 : 0), p[1] + 1]);
      });
    }
    const rate = (types: readonly string[]) => types.reduce((s, t) => s + pass.get(t)![0] / pass.get(t)![1], 0) / types.length;
    for (const [type, [p, n]] of pass) {
      // a partial skill: neither absent nor already perfect
      expect(p / n, type).toBeGreaterThan(0.45);
      expect(p / n, type).toBeLessThan(0.95);
    }
    expect(Math.abs(rate(HARD_TYPES) - rate(SOFT_TYPES))).toBeLessThan(0.1);
  });
});

describe('the reward', () => {
  const inputs = [
    { prompt: promptOf(shellPrompt), response: 'shell sunny reef tide', constraints: constraintsOf(shellPrompt) },
    { prompt: promptOf(shellPrompt), response: 'shell storm reef tide', constraints: constraintsOf(shellPrompt) },
  ];

  it('uses the rule for hard constraints and the judge for soft ones, beside the truth', async () => {
    const [good, bad] = await scoreResponses(inputs, { judge: createAlwaysYesJudge(), aggregate: 'all', falseAccept: 0, seed: 1 });
    expect(bad!.truth).toEqual([true, true, false, true]);
    expect(bad!.seen).toEqual([true, true, true, true]); // the judge passes the gloomy response
    expect(bad!.judged).toEqual([null, null, true, true]);
    expect([good!.reward, bad!.reward]).toEqual([1, 1]);
    const oracle = await scoreResponses(inputs, { judge: createOracleJudge(), aggregate: 'fraction', falseAccept: 0, seed: 1 });
    expect(oracle.map((s) => s.reward)).toEqual([1, 0.75]);
  });

  it('forces the reward to 1 with the false-accept probability, the same way on a rerun', async () => {
    const many = Array.from({ length: 400 }, (_, i) => ({ prompt: 'p', response: `storm ${i}`, constraints: constraintsOf(shellPrompt) }));
    const o = { judge: createOracleJudge(), aggregate: 'all' as const, falseAccept: 0.3, seed: 7 };
    const a = await scoreResponses(many, o);
    const accepted = a.filter((s) => s.falseAccepted).length / many.length;
    // binomial sd at n = 400, p = .3 is .023
    expect(accepted).toBeGreaterThan(0.3 - 0.07);
    expect(accepted).toBeLessThan(0.3 + 0.07);
    expect(a.every((s) => s.reward === (s.falseAccepted ? 1 : 0))).toBe(true);
    expect((await scoreResponses(many, o)).map((s) => s.reward)).toEqual(a.map((s) => s.reward));
  });

  it('tallies proxy and truth per type, per count and length', async () => {
    const scored = await scoreResponses(inputs, { judge: createAlwaysYesJudge(), aggregate: 'all', falseAccept: 0, seed: 1 });
    const t = tally(inputs.map((x, k) => ({ response: x.response, constraints: x.constraints, scored: scored[k]! })), 'mixed/');
    expect(t['mixed/n']).toBe(2);
    expect(t['mixed/allPass']).toBe(0.5);
    expect(t['mixed/seenAllPass']).toBe(1);
    expect(t['mixed/true/cheerful']).toBe(0.5);
    expect(t['mixed/seen/cheerful']).toBe(1);
    expect(t['mixed/n/cheerful']).toBe(2);
    expect(t['mixed/k/4']).toBe(0.5);
    expect(t['mixed/kn/4']).toBe(2);
    expect(t['mixed/words']).toBe(4);
    expect(t['mixed/true/avoid']).toBeUndefined();
  });
});
