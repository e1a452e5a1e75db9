import { mapsFromArray, type AttentionRecord } from './maps';

/*
 * A tiny hand-made record for tests and examples: 6 tokens "<bos> write in exactly five words", response = the last
 * two. Its metrics are computed by hand in prompt-metrics.test.ts.
 *   head 0 rows:  t=4 [.5 .1 .2 .1 .1 0]   t=5 [.4 .2 .1 .1 .1 .1]
 *   head 1 rows:  uniform over the visible keys
 */
export function handRecord(): AttentionRecord {
  const sixth = 1 / 6;
  // (L=1, H=2, Q=2, T=6): rows of query positions 4 and 5
  const data = Float32Array.from([
    ...[0.5, 0.1, 0.2, 0.1, 0.1, 0],
    ...[0.4, 0.2, 0.1, 0.1, 0.1, 0.1],
    ...[0.2, 0.2, 0.2, 0.2, 0.2, 0],
    ...[sixth, sixth, sixth, sixth, sixth, sixth],
  ]);
  return {
    id: 'hand',
    tokenIds: [1, 10, 11, 12, 13, 14],
    tokens: ['<bos>', 'write', 'in', 'exactly', 'five', 'words'],
    spans: [
      { role: 'query', start: 1, end: 2 },
      { role: 'constraint', start: 2, end: 3, id: 'a' },
      { role: 'constraint', start: 3, end: 4, id: 'b' },
      { role: 'response', start: 4, end: 6 },
    ],
    maps: mapsFromArray(data, { layers: 1, heads: 2, length: 6, queryStart: 4 }),
  };
}
