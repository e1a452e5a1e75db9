import type { Rng } from '../../../stats/rng';
import type { NgramDraw } from './detector';
import { extractNgramRows, gramRowAt, type WindowScan } from './features';
import type { ProfileModel } from './profiles';

/** Below one unigram hit per this many positions, rejection could spin; list the features instead. */
const SPARSE_TEXT_RATIO = 8;

let rows = new Int32Array(0);

/**
 * Uniform draws from the n-grams Python's `_extract_ngrams` would list, or null when it would list none.
 * Python builds the whole list and picks from it; a trial needs only a few hundred picks, so instead we pick a
 * (position, n) slot uniformly and retry when that slot holds no collected n-gram. Accepted picks are uniform over
 * the same multiset, so the draws have Python's distribution without the list. Texts where hits are rare (or
 * absent, which must end in null exactly as in Python) fall back to the list.
 */
export function ngramDraw(model: ProfileModel, scan: WindowScan, rng: Rng): NgramDraw | null {
  const positions = scan.positions;
  if (scan.unigramHits > 0 && scan.unigramHits * SPARSE_TEXT_RATIO >= positions) {
    const slots = 3 * positions;
    return () => {
      for (;;) {
        const slot = Math.floor(rng.next() * slots);
        const p = (slot / 3) | 0;
        const row = gramRowAt(model, scan, p, slot - 3 * p + 1);
        if (row >= 0) return row;
      }
    };
  }
  if (rows.length < 3 * positions) rows = new Int32Array(3 * positions);
  const count = extractNgramRows(model, scan, rows);
  if (count === 0) return null;
  const list = rows;
  return () => list[Math.floor(rng.next() * count)]!;
}
