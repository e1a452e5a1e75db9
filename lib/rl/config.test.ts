import { describe, expect, it } from 'vitest';
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
    expect(() => parseGrpoConfig('x')).toThrow('GRPO config must be a JSON object, got "x"; start from GRPO_DEFAULTS');
  });

  it('rejects unknown fields, nested ones included, naming them', () => {
    expect(() => parseGrpoConfig({ lrate: 1 })).toThrow(/lrate/);
    expect(() => parseGrpoConfig({ lr: { peek: 1 } })).toThrow(/lr: .*peek/);
    expect(() => parseGrpoConfig({ advantage: { scale: 'groups' } })).toThrow(/advantage\.scale/);
  });
});
