import { describe, expect, it } from 'vitest';
import { worldSpans } from '../tasks/world/spans';
import { promptOf } from '../tasks/world/instance';
import { worldTokenizer } from '../tasks/world/vocabulary';
import type { RunResult } from './define';
import { lookPredicts } from './attention-values';

const run = (looks: { mass: number; passed: boolean }[]): RunResult => ({
  arm: 'a',
  seed: 1,
  final: { looks: looks.map((l) => ({ prompt: 'p', type: 't', ...l })) },
  evals: [],
  train: [],
});

describe('attention values', () => {
  it('correlates attention on a constraint with satisfying it (point-biserial r)', () => {
    // mass [.1 .2 .3 .4], passed [0 0 1 1]: r = cov / sqrt(vx vy) = .1 / sqrt(.05 · 1) = .894427
    expect(lookPredicts(run([{ mass: 0.1, passed: false }, { mass: 0.2, passed: false }, { mass: 0.3, passed: true }, { mass: 0.4, passed: true }]))).toBeCloseTo(0.894427, 5);
    expect(lookPredicts(run([{ mass: 0.1, passed: true }, { mass: 0.2, passed: true }, { mass: 0.3, passed: true }]))).toBeNaN(); // no spread in passing
    expect(lookPredicts(run([{ mass: 0.1, passed: true }]))).toBeNaN();
  });

  it('labels a world prompt token by token: bos, the query, then each clause by its type', () => {
    const inst = { topic: 'ocean', subject: 'whale', clauses: [{ type: 'cheerful' }, { type: 'include', param: 'shell' }] };
    // tokens: <bos> write about ocean whale include shell sound cheerful
    expect(worldSpans(inst)).toEqual([
      { role: 'system', start: 0, end: 1 },
      { role: 'query', start: 1, end: 5 },
      { role: 'constraint', start: 5, end: 7, id: 'include' },
      { role: 'constraint', start: 7, end: 9, id: 'cheerful' },
    ]);
    expect(1 + worldTokenizer().encode(promptOf(inst)).length).toBe(9);
  });
});
