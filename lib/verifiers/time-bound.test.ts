import { describe, expect, it } from 'vitest';
import { runWithin } from './time-bound';

describe('runWithin', () => {
  it('returns the value of a check that finishes', () => {
    expect(runWithin(1000, () => 'a,b'.includes(','))).toEqual({ done: true, value: true });
  });

  it('stops a catastrophic regex and an endless loop, and the process carries on', () => {
    const started = performance.now();
    expect(runWithin(200, () => /^(a+)+$/.test(`${'a'.repeat(40)}b`))).toEqual({ done: false });
    expect(runWithin(200, () => {
      for (;;);
    })).toEqual({ done: false });
    // Generous for a loaded machine; unbounded, the regex alone would run for hours.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(runWithin(1000, () => /^(a+)+$/.test('aaa'))).toEqual({ done: true, value: true });
  });

  it('lets other errors through', () => {
    expect(() => runWithin(1000, () => {
      throw new RangeError('bad kwargs');
    })).toThrow(RangeError);
  });
});
