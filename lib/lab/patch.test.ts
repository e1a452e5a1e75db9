import { describe, expect, it } from 'vitest';
import { patch } from './patch';

describe('patch', () => {
  it('merges objects field by field and replaces everything else', () => {
    const base = { a: { b: 1, c: [1, 2] }, d: 'x' };
    expect(patch(base, { a: { c: [3] } })).toEqual({ a: { b: 1, c: [3] }, d: 'x' });
    expect(patch(base, { d: 'y' })).toEqual({ a: { b: 1, c: [1, 2] }, d: 'y' });
    expect(base).toEqual({ a: { b: 1, c: [1, 2] }, d: 'x' });
  });
});
