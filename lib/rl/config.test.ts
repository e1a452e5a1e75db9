import { describe, expect, it } from 'vitest';
import { parseLabConfig } from '../lab/tasks/first-task/config';
import { GRPO_DEFAULTS, parseGrpoConfig } from './config';

describe('parseGrpoConfig', () => {
  it('merges partial sections over the defaults', () => {
    const c = parseGrpoConfig({ steps: 5, lr: { peak: 1e-3 } });
    expect(c.steps).toBe(5);
    expect(c.lr).toEqual({ ...GRPO_DEFAULTS.lr, peak: 1e-3 });
  });

  it('rejects a section that is not an object instead of falling back to its defaults', () => {
    expect(() => parseGrpoConfig({ lr: 'fast' })).toThrow('GRPO config: "lr" must be an object like');
    expect(() => parseGrpoConfig({ adam: [0.9] })).toThrow('"adam" must be an object');
  });

  it('rejects unknown fields, nested ones included, naming them', () => {
    expect(() => parseGrpoConfig({ lrate: 1 })).toThrow(/lrate/);
    expect(() => parseGrpoConfig({ lr: { peek: 1 } })).toThrow(/lr: .*peek/);
    expect(() => parseGrpoConfig({ advantage: { scale: 'groups' } })).toThrow(/advantage\.scale/);
  });
});

describe('parseLabConfig', () => {
  it('rejects non-object sections and unknown nested fields', () => {
    expect(() => parseLabConfig({ sft: 800 })).toThrow('lab config: "sft" must be an object like');
    expect(() => parseLabConfig({ model: { width: 64 } })).toThrow(/model: .*width/);
    expect(() => parseLabConfig({ grpo: { lr: 'fast' } })).toThrow('"lr" must be an object');
    expect(() => parseLabConfig([1])).toThrow('lab config must be a JSON object, got [1]; see LAB_DEFAULTS');
    expect(() => parseGrpoConfig('x')).toThrow('GRPO config must be a JSON object, got "x"; start from GRPO_DEFAULTS');
    expect(parseLabConfig({ seed: 3, sft: { steps: 10 } })).toMatchObject({ seed: 3, sft: { steps: 10, batchSize: 64 } });
  });
});
