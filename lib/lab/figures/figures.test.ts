import { describe, expect, it } from 'vitest';
import type { ExperimentResults, RunResult } from '../experiments/define';
import { EXPERIMENTS, getExperiment } from '../experiments/registry';
import { TYPE_SETS } from '../experiments/diversity';
import { WORLD_TYPES } from '../tasks/world/constraint-types';
import { handRecord } from '../../analysis/hand-record';
import { promptMetrics } from '../../analysis/prompt-metrics';
import { tokenView } from '../../analysis/token-view';

/*
 * The experiments' figures from synthetic results: each figure carries the numbers of the runs it was given, at the
 * place the experiment's arms say (a recall on the x axis, a training count's line, a type's row).
 */

type Metrics = Record<string, number>;
const run = (arm: string, seed: number, afterM: Metrics, beforeM: Metrics = {}): RunResult => ({
  arm,
  seed,
  final: { before: beforeM, after: afterM },
  evals: [{ step: 0, ...beforeM }, { step: 10, ...afterM }],
  train: [1, 2, 3].map((step) => ({ step, extra: { 'train/reward': 0.5, 'train/allPass': 0.25 } })),
});
const results = (experiment: string, runs: RunResult[]): ExperimentResults => ({ experiment, size: 'quick', runs });
const figureOf = (experiment: string, r: ExperimentResults, name: string) => {
  const f = getExperiment(experiment).figures!(r).find((x) => x.name === name);
  if (!f) throw new Error(`no figure ${name}`);
  return f.figure;
};

describe("the experiments' figures", () => {
  it('names every figure of every experiment that has them (figures/<experiment>-<name>)', () => {
    const names = EXPERIMENTS.flatMap((e) => (e.figures ? e.figures(results(e.name, [])).map((f) => `${e.name}-${f.name}`) : []));
    expect(names).toEqual([
      'world-check-per-type',
      'reward-mix-hacking-curves',
      'reward-mix-pass-by-set',
      'judge-precision-hacking-curves',
      'judge-precision-pass-by-set',
      'judge-precision-pass-vs-recall',
      'constraint-count-pass-by-k',
      'diversity-seen-unseen',
      'hppt-pass-by-set',
      'hppt-training-curves',
      'attention-spans',
    ]);
  });

  it('judge-precision: TRUE pass at each recall, false accepts at 1 − p, mean over seeds', () => {
    const r = results('judge-precision', [
      run('recall-0.2', 1, { 'mixed/allPass': 0.1 }),
      run('recall-0.2', 2, { 'mixed/allPass': 0.3 }),
      run('recall-1', 1, { 'mixed/allPass': 0.6 }),
      run('false-accept-0.3', 1, { 'mixed/allPass': 0.4 }),
    ]);
    const fig = figureOf('judge-precision', r, 'pass-vs-recall');
    expect(fig.data[0]).toMatchObject({ x: [0.2, 1], text: ['recall-0.2', 'recall-1'] });
    expect((fig.data[0]!.y as number[])[0]).toBeCloseTo(0.2, 12);
    expect(fig.data[1]).toMatchObject({ x: [0.7], y: [0.4] });
    const hacking = figureOf('judge-precision', r, 'hacking-curves');
    expect((hacking.layout.annotations as { text: string }[]).map((a) => a.text)).toEqual(['recall-0.2', 'recall-1', 'false-accept-0.3']);
  });

  it('reward-mix: bars per arm and set', () => {
    const r = results('reward-mix', [run('hard-only.oracle', 1, { 'hard/allPass': 0.7, 'soft/allPass': 0.2, 'mixed/allPass': 0.3 }), run('mixed-22.noisy', 1, { 'hard/allPass': 0.5, 'soft/allPass': 0.4, 'mixed/allPass': 0.1 })]);
    const fig = figureOf('reward-mix', r, 'pass-by-set');
    expect(fig.data.map((t) => t.name)).toEqual(['hard set', 'soft set', 'mixed set']);
    expect(fig.data[2]).toMatchObject({ y: ['hard-only.oracle', 'mixed-22.noisy'], x: [0.3, 0.1] });
  });

  it('constraint-count: a line per training count and reward over the held-out counts', () => {
    const byK = (base: number): Metrics => Object.fromEntries([1, 2, 3, 4, 5, 6].map((k) => [`count/k/${k}`, base / k]));
    const r = results('constraint-count', [run('k1.oracle', 1, byK(0.6)), run('k6.oracle', 1, byK(0.9)), run('k1.noisy', 1, byK(0.3))]);
    const fig = figureOf('constraint-count', r, 'pass-by-k');
    expect(fig.data.map((t) => [t.name, t.xaxis])).toEqual([
      ['trained on k = 1', 'x'],
      ['trained on k = 6', 'x'],
      ['trained on k = 1', 'x2'],
    ]);
    expect((fig.data[1]!.y as number[])[2]).toBeCloseTo(0.3, 12);
  });

  it('diversity: the gain on seen and on unseen types', () => {
    // Every type on the mixed set (n = 10): seen types of types-1 gain 0.4, the others 0.1.
    const seen = TYPE_SETS['1']!;
    const rates = (gainSeen: number, gainOther: number, at: 'before' | 'after'): Metrics =>
      Object.fromEntries(WORLD_TYPES.flatMap((t) => [[`mixed/n/${t.name}`, 10], [`mixed/true/${t.name}`, at === 'before' ? 0.2 : 0.2 + (seen.includes(t.name) ? gainSeen : gainOther)]]));
    const r = results('diversity', [run('types-1.oracle', 1, rates(0.4, 0.1, 'after'), rates(0, 0, 'before'))]);
    const fig = figureOf('diversity', r, 'seen-unseen');
    expect((fig.data[0]!.y as number[])[0]).toBeCloseTo(0.4, 12);
    expect((fig.data[1]!.y as number[])[0]).toBeCloseTo(0.1, 12);
    expect((fig.data[0]!.y as (number | null)[])[1]).toBeNull();
  });

  it('world-check: each type before and after', () => {
    const m = (v: number): Metrics => Object.fromEntries(WORLD_TYPES.flatMap((t) => [[`soft/n/${t.name}`, 4], [`soft/true/${t.name}`, v]]));
    const r = results('world-check', [run('oracle', 1, m(0.75), m(0.25)), run('oracle', 2, m(0.25), m(0.25))]);
    const fig = figureOf('world-check', r, 'per-type');
    expect((fig.data[1]!.x as number[]).every((x) => x === 0.25)).toBe(true);
    expect((fig.data[2]!.x as number[]).every((x) => Math.abs(x - 0.5) < 1e-12)).toBe(true);
    // 14 types and a mean per kind, each mean closing its kind.
    const rows = (fig.layout.yaxis as { categoryarray: string[] }).categoryarray;
    expect(rows).toHaveLength(16);
    expect(rows[10]).toBe('mean over types (hard)');
    expect(rows[15]).toBe('mean over types (soft)');
  });
});

describe('the attention figures', () => {
  it('draw the per-head differences, the span bars and one prompt at token level from attention runs', () => {
    const record = handRecord();
    const prompt = promptMetrics(record, { sink: 'drop' });
    const att = (arm: string): RunResult => ({ arm, seed: 1, final: { prompts: [prompt], looks: [], example: tokenView(record, { layer: 0, head: 'mean', sink: 'drop' }) }, evals: [], train: [] });
    const figs = getExperiment('attention').figures!(results('attention', [att('warm-start'), att('hard-only')]));
    expect(figs.map((f) => f.name)).toEqual(['heads-mass-query', 'heads-entropy-constraint', 'spans', 'token-view']);
    // the same prompt before and after: every per-head difference is 0
    const z = (figs[0]!.figure.data[0] as { z: number[][] }).z;
    expect(z.flat().every((v) => v === 0)).toBe(true);
  });
});
