import { describe, expect, it } from 'vitest';
import { handRecord } from './hand-record';
import { mapsFromArray, mapsFromNested, mapsToArray, type AttentionRecord } from './maps';
import { promptMetrics, spanTargets } from './prompt-metrics';

// Hand computations for handRecord() (see hand-record.ts): response rows t = 4, 5; spans query [1,2), constraint a [2,3),
// constraint b [3,4), response [4,6). Each value is the mean of the two rows.
describe('promptMetrics on the hand record, sink kept', () => {
  const m = promptMetrics(handRecord(), { sink: 'keep' });
  const h0 = (g: readonly (readonly number[])[]) => g[0]![0]!;
  const h1 = (g: readonly (readonly number[])[]) => g[0]![1]!;

  it('averages over the response rows', () => {
    expect(m.rows).toEqual([4, 6]);
    expect([m.layers, m.heads]).toEqual([1, 2]);
  });

  it('row entropy and gini (head 0)', () => {
    // t=4: 1.35924 / ln 5 = .844541; t=5: −(.4 ln .4 + .2 ln .2 + 4 · .1 ln .1) / ln 6 = 1.60944 / 1.79176 = .898244
    expect(h0(m.entropy)).toBeCloseTo((0.844541 + 0.898244) / 2, 5);
    // t=4: .36 (row-metrics.test.ts); t=5: sorted [.1 .1 .1 .1 .2 .4] · (−5 −3 −1 1 3 5) = 1.8, / 6 = .3
    expect(h0(m.gini)).toBeCloseTo(0.33, 6);
  });

  it('a uniform head has entropy 1, gini 0 and lift 1 on every span', () => {
    expect(h1(m.entropy)).toBeCloseTo(1, 6);
    expect(h1(m.gini)).toBeCloseTo(0, 6);
    for (const span of ['query', 'constraint', 'constraint:a', 'response']) expect(h1(m.spans[span]!.lift)).toBeCloseTo(1, 6);
    // mass on the 2 constraint keys: t=4 2/5, t=5 2/6
    expect(h1(m.spans.constraint!.mass)).toBeCloseTo((0.4 + 1 / 3) / 2, 6);
  });

  it('mass and lift on the constraint span (both constraints together)', () => {
    // t=4: .2 + .1 = .3, uniform 2/5, lift .75; t=5: .1 + .1 = .2, uniform 2/6, lift .6
    expect(h0(m.spans.constraint!.mass)).toBeCloseTo(0.25, 6);
    expect(h0(m.spans.constraint!.lift)).toBeCloseTo(0.675, 6);
    // inside the span: t=4 [⅔, ⅓] → entropy .918296, gini ⅙; t=5 [½, ½] → 1, 0
    expect(h0(m.spans.constraint!.entropy)).toBeCloseTo((0.918296 + 1) / 2, 5);
    expect(h0(m.spans.constraint!.gini)).toBeCloseTo(1 / 12, 6);
  });

  it('each constraint on its own, by id', () => {
    // a = key 2: t=4 .2, lift .2 / (1/5) = 1; t=5 .1, lift .1 / (1/6) = .6
    expect(h0(m.spans['constraint:a']!.mass)).toBeCloseTo(0.15, 6);
    expect(h0(m.spans['constraint:a']!.lift)).toBeCloseTo(0.8, 6);
    expect(h0(m.spans['constraint:a']!.entropy)).toBeNaN(); // one key: no spread inside
    // b = key 3: .1 in both rows; lifts .5 and .6
    expect(h0(m.spans['constraint:b']!.lift)).toBeCloseTo(0.55, 6);
  });

  it('query, and the response attending to itself (its visible part grows)', () => {
    // query = key 1: t=4 .1 (lift .5), t=5 .2 (lift 1.2)
    expect(h0(m.spans.query!.mass)).toBeCloseTo(0.15, 6);
    expect(h0(m.spans.query!.lift)).toBeCloseTo(0.85, 6);
    // response: t=4 sees key 4 only (.1, share 1/5, lift .5); t=5 sees keys 4, 5 (.2, share 2/6, lift .6)
    expect(h0(m.spans.response!.mass)).toBeCloseTo(0.15, 6);
    expect(h0(m.spans.response!.lift)).toBeCloseTo(0.55, 6);
  });
});

describe('promptMetrics with the sink dropped', () => {
  const m = promptMetrics(handRecord(), { sink: 'drop' });
  const h0 = (g: readonly (readonly number[])[]) => g[0]![0]!;

  it('renormalises over keys 1..t', () => {
    // head 0, t=4: [.1 .2 .1 .1] / .5 = [.2 .4 .2 .2]; t=5: [.2 .1 .1 .1 .1] / .6 = [⅓ ⅙ ⅙ ⅙ ⅙]
    // constraint: t=4 .6 of 4 keys (lift 1.2), t=5 ⅓ of 5 keys (lift ⅚)
    expect(h0(m.spans.constraint!.mass)).toBeCloseTo((0.6 + 1 / 3) / 2, 6);
    expect(h0(m.spans.constraint!.lift)).toBeCloseTo((1.2 + 5 / 6) / 2, 6);
    // entropy: −(.4 ln .4 + 3 · .2 ln .2) / ln 4 = .960964; −(⅓ ln ⅓ + 4 · ⅙ ln ⅙) / ln 5 = .969724
    expect(h0(m.entropy)).toBeCloseTo((0.960964 + 0.969724) / 2, 5);
    // gini: [.2 .2 .2 .4] · (−3 −1 1 3) / 4 = .15; [⅙ ⅙ ⅙ ⅙ ⅓] · (−4 −2 0 2 4) / 5 = 2/15
    expect(h0(m.gini)).toBeCloseTo((0.15 + 2 / 15) / 2, 6);
  });

  it('leaves within-span concentration unchanged (renormalising scales the whole row)', () => {
    const kept = promptMetrics(handRecord(), { sink: 'keep' });
    expect(h0(m.spans.constraint!.entropy)).toBeCloseTo(h0(kept.spans.constraint!.entropy), 12);
    expect(h0(m.spans.constraint!.gini)).toBeCloseTo(h0(kept.spans.constraint!.gini), 12);
  });

  it('skips rows that put everything on the sink (their renormalisation is undefined)', () => {
    // T=3, rows t=1 [1 0 0] and t=2 [.5 .25 .25]; keep: entropy 0 and .946395 (mean .473197); drop: t=1 skipped, t=2 [½ ½] → 1
    const record: AttentionRecord = {
      id: 'sink',
      tokenIds: [1, 2, 3],
      tokens: ['<bos>', 'a', 'b'],
      spans: [{ role: 'response', start: 1, end: 3 }],
      maps: mapsFromArray(Float32Array.from([1, 0, 0, 0.5, 0.25, 0.25]), { layers: 1, heads: 1, length: 3, queryStart: 1 }),
    };
    expect(promptMetrics(record, { sink: 'keep' }).entropy[0]![0]).toBeCloseTo(0.473197, 5);
    expect(promptMetrics(record, { sink: 'drop' }).entropy[0]![0]).toBeCloseTo(1, 6);
  });
});

describe('promptMetrics options and errors', () => {
  it('averages over the rows asked for', () => {
    // row t=4 only, head 0: constraint mass .3
    expect(promptMetrics(handRecord(), { sink: 'keep', rows: [4, 5] }).spans.constraint!.mass[0]![0]).toBeCloseTo(0.3, 6);
  });

  it('refuses rows that are not stored, and a record without a response span or rows', () => {
    expect(() => promptMetrics(handRecord(), { sink: 'keep', rows: [3, 6] })).toThrow(/rows \[3, 6\) are not inside the stored query rows \[4, 6\)/);
    const noResponse = { ...handRecord(), spans: handRecord().spans.filter((s) => s.role !== 'response') };
    expect(() => promptMetrics(noResponse, { sink: 'keep' })).toThrow(/has no response span/);
  });
});

describe('spanTargets', () => {
  it('unions the spans of a role (merging touching ranges) and names single constraints by id', () => {
    expect(spanTargets(handRecord().spans)).toEqual({
      query: [[1, 2]],
      constraint: [[2, 4]],
      'constraint:a': [[2, 3]],
      'constraint:b': [[3, 4]],
      response: [[4, 6]],
    });
  });
});

describe('mapsFromNested', () => {
  it('keeps the rows from queryStart on, in (L, H, Q, T) order', () => {
    // [layer][head][query][key] with 1 layer, 1 head, T = 2
    const maps = mapsFromNested([[[[1, 0], [0.25, 0.75]]]], 1);
    expect([maps.queryStart, maps.queries, maps.length]).toEqual([1, 1, 2]);
    expect(Array.from(mapsToArray(maps))).toEqual([0.25, 0.75]);
  });
});
