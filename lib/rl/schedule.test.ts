import { describe, expect, it } from 'vitest';
import { learningRate, type LrSchedule } from './schedule';

describe('learningRate', () => {
  const s: LrSchedule = { peak: 1e-3, warmupSteps: 10, totalSteps: 110, decay: 'cosine', minRatio: 0 };
  it('warms up linearly from 0 (transformers: lr · step / W)', () => {
    expect(learningRate(0, s)).toBe(0);
    expect(learningRate(5, s)).toBeCloseTo(5e-4, 15);
    expect(learningRate(10, s)).toBeCloseTo(1e-3, 15);
  });
  it('cosine: half-way (step 60 of 10..110) gives ½(1 + cos π/2) = .5 of peak; the end gives 0', () => {
    expect(learningRate(60, s)).toBeCloseTo(5e-4, 15);
    expect(learningRate(110, s)).toBeCloseTo(0, 15);
    expect(learningRate(500, s)).toBeCloseTo(0, 15);
  });
  it('linear, constant and a floor', () => {
    expect(learningRate(60, { ...s, decay: 'linear' })).toBeCloseTo(5e-4, 15);
    expect(learningRate(60, { ...s, decay: 'constant' })).toBe(1e-3);
    expect(learningRate(110, { ...s, minRatio: 0.1 })).toBeCloseTo(1e-4, 15);
  });
});
