import { describe, expect, it } from 'vitest';
import { createRng } from '../stats/rng';
import { argmax, sampleDistribution, sampleToken, sampleTokens, samplingRule } from './sampling';

const logits = [Math.log(1), Math.log(2), Math.log(4), Math.log(3)]; // probabilities 0.1 0.2 0.4 0.3

describe('sampling', () => {
  it('keeps the full softmax without cuts', () => {
    const d = sampleDistribution(logits, samplingRule({}));
    expect(d.ids).toEqual([0, 1, 2, 3]);
    d.probs.forEach((p, i) => expect(p).toBeCloseTo([0.1, 0.2, 0.4, 0.3][i]!, 12));
  });

  it('cuts to the top k and renormalises', () => {
    const d = sampleDistribution(logits, samplingRule({ topK: 2 }));
    expect(d.ids).toEqual([2, 3]);
    expect(d.probs[0]).toBeCloseTo(4 / 7, 12);
  });

  it('keeps the smallest nucleus reaching p', () => {
    // sorted masses .4 .3 .2 .1: p = .7 needs two tokens, p = .71 three
    expect(sampleDistribution(logits, samplingRule({ topP: 0.7 })).ids).toEqual([2, 3]);
    expect(sampleDistribution(logits, samplingRule({ topP: 0.71 })).ids).toEqual([2, 3, 1]);
    expect(sampleDistribution(logits, samplingRule({ topP: 0.01 })).ids).toEqual([2]);
  });

  it('sharpens with temperature', () => {
    // T = 0.5 squares the weights: 1 4 16 9 over 30
    expect(sampleDistribution(logits, samplingRule({ temperature: 0.5 })).probs[2]).toBeCloseTo(16 / 30, 12);
  });

  it('is greedy at temperature 0 and otherwise draws by inverse CDF from the rng', () => {
    expect(sampleToken(logits, samplingRule({ temperature: 0 }), createRng(1))).toBe(2);
    expect(argmax([1, 3, 3])).toBe(1);
    const rng = createRng(7);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 20000; i++) counts[sampleToken(logits, samplingRule({}), rng)]!++;
    expect(counts.map((c) => Math.round(c / 2000))).toEqual([1, 2, 4, 3]);
    const a = createRng(3);
    const b = createRng(3);
    const u = b.next(); // one draw per token: 0.1 0.2 0.4 0.3 cumulative
    const expected = u < 0.1 ? 0 : u < 0.3 ? 1 : u < 0.7 ? 2 : 3;
    expect(sampleToken(logits, samplingRule({}), a)).toBe(expected);
  });

  it('draws, without a cut (the wasm path), the inverse-CDF token of the float64 probabilities of sampleDistribution', () => {
    const rows = createRng(5);
    for (let trial = 0; trial < 300; trial++) {
      const row = Array.from({ length: 1 + rows.int(0, 40) }, () => 6 * rows.next() - 3);
      const rule = samplingRule({ temperature: trial % 3 === 0 ? 0.7 : 1 });
      const [a, b] = [createRng(trial), createRng(trial)];
      const { ids, probs } = sampleDistribution(row, rule);
      const u = b.next();
      let cum = 0;
      const want = ids.find((_, j) => u < (cum += probs[j]!)) ?? ids[ids.length - 1];
      expect(sampleToken(row, rule, a)).toBe(want);
    }
  });

  it('sampleTokens equals sampleToken row by row, drawing nothing for skipped rows', () => {
    const rows = createRng(9);
    const V = 37;
    const logits = Float32Array.from({ length: 5 * V }, () => 4 * rows.next() - 2);
    const skip = [false, true, false, false, true];
    for (const opts of [{}, { temperature: 0.5 }, { topK: 4 }, { temperature: 0 }]) {
      const rule = samplingRule(opts);
      const [a, b] = [createRng(4), createRng(4)];
      const one = skip.map((s, r) => (s ? -1 : sampleToken(logits.subarray(r * V, (r + 1) * V), rule, b)));
      expect(sampleTokens(logits, 5, rule, a, skip)).toEqual(one);
      expect(a.next()).toBe(b.next()); // the same number of draws
    }
  });

  it('rejects bad options with the value', () => {
    expect(() => samplingRule({ temperature: -1 })).toThrow('temperature=-1');
    expect(() => samplingRule({ topK: 1.5 })).toThrow('topK=1.5');
    expect(() => samplingRule({ topP: 0 })).toThrow('topP=0');
  });
});
