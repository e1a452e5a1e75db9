import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { parseConfigOver } from './parse-config';

const shape = z.object({ seed: z.number().int(), opt: z.object({ lr: z.number().positive(), decay: z.enum(['none', 'cosine']) }).strict() }).strict();
type Toy = z.infer<typeof shape>;
const BASE: Toy = { seed: 1, opt: { lr: 0.1, decay: 'none' } };
const parse = (raw: unknown): Toy => parseConfigOver('toy config', shape, BASE, raw, ['opt'], 'start from BASE');

describe('parseConfigOver', () => {
  it('merges top-level fields and partial sections over the base', () => {
    expect(parse({})).toEqual(BASE);
    expect(parse({ seed: 7, opt: { decay: 'cosine' } })).toEqual({ seed: 7, opt: { lr: 0.1, decay: 'cosine' } });
  });

  it('rejects a non-object config or section instead of falling back to the defaults', () => {
    expect(() => parse([1])).toThrow('toy config must be a JSON object, got [1]; start from BASE');
    expect(() => parse({ opt: 'fast' })).toThrow('toy config: "opt" must be an object like {"lr":0.1,"decay":"none"}, got "fast"');
  });

  it('names every bad field, nested and unknown ones included', () => {
    expect(() => parse({ seed: 1.5, opt: { lr: -1 } })).toThrow(/^toy config is invalid \(seed: .*; opt\.lr: .*\); fix these fields or drop them to use the defaults$/);
    expect(() => parse({ sead: 1 })).toThrow(/\(root\): .*sead/);
    expect(() => parse({ opt: { lrr: 1 } })).toThrow(/opt: .*lrr/);
  });
});
