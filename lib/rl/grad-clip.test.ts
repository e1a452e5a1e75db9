import { describe, expect, it } from 'vitest';
import { globalNormClip } from './grad-clip';

describe('globalNormClip', () => {
  it('norm of [3] and [4] is 5; clipping to 1 scales by 1/(5 + 1e-6)', () => {
    const r = globalNormClip([[3], [4]], 1);
    expect(r.norm).toBe(5);
    expect(r.scale).toBeCloseTo(0.19999996, 8);
    expect(globalNormClip([[0.3], [0.4]], 1).scale).toBe(1);
  });
});
