import { afterEach, describe, expect, it } from 'vitest';
import { setupNotebook } from './notebook';

describe('setupNotebook', () => {
  const saved = process.env.QUICK;
  afterEach(() => {
    if (saved === undefined) delete process.env.QUICK;
    else process.env.QUICK = saved;
  });

  it.each([
    [undefined, true, 'quick'],
    ['1', true, 'quick'],
    ['0', false, 'full'],
    ['smoke', true, 'smoke'],
  ] as const)('QUICK=%s: quick %s, lab size %s', (q, quick, size) => {
    if (q === undefined) delete process.env.QUICK;
    else process.env.QUICK = q;
    expect(setupNotebook({ seed: 3 })).toEqual({ seed: 3, quick, size });
  });
});
