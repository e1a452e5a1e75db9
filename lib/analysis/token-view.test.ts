import { describe, expect, it } from 'vitest';
import { handRecord } from './hand-record';
import { tokenView } from './token-view';

describe('tokenView', () => {
  it('one head, sink kept: the stored rows, blank (NaN) after each query', () => {
    const v = tokenView(handRecord(), { layer: 0, head: 0, sink: 'keep' });
    expect(v.queries).toEqual([4, 5]);
    expect(v.weights[0]!.slice(0, 5).map((x) => +x.toFixed(6))).toEqual([0.5, 0.1, 0.2, 0.1, 0.1]);
    expect(v.weights[0]![5]).toBeNaN();
    expect(v.tokens[4]).toBe('five');
  });

  it('mean over heads with the sink dropped: each head renormalised over keys 1..t, then averaged', () => {
    // t=4: head 0 [.1 .2 .1 .1]/.5 = [.2 .4 .2 .2]; head 1 [.25 .25 .25 .25] → [.225 .325 .225 .225]
    const v = tokenView(handRecord(), { layer: 0, head: 'mean', sink: 'drop' });
    expect(v.weights[0]![0]).toBeNaN();
    expect(v.weights[0]!.slice(1, 5).map((x) => +x.toFixed(6))).toEqual([0.225, 0.325, 0.225, 0.225]);
  });

  it('refuses a head or rows that do not exist', () => {
    expect(() => tokenView(handRecord(), { layer: 0, head: 2, sink: 'keep' })).toThrow(/head 2 is outside \[0, 1\]/);
    expect(() => tokenView(handRecord(), { layer: 0, head: 0, sink: 'keep', rows: [0, 6] })).toThrow(/rows \[0, 6\)/);
  });
});
