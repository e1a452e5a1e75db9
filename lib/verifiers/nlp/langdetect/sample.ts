import type { Rng } from '../../../stats/rng';
import type { NgramDraw } from './detector';
import { extractNgramRows, gramRowAt, type WindowScan } from './features';
import type { ProfileModel } from './profiles';

/**
 * Rejection pays off when most of the 3 slots per position can hold a feature (ordinary prose: about 90%). In
 * words in capitals only the first letter counts, so slots are sparse; listing them is then cheaper.
 */
const MIN_CANDIDATE_SHARE = 0.25;
/** After this many accepted draws, switch to the list if rejection needed more than SWITCH_RATIO tries per draw. */
const SWITCH_AFTER = 32;
const SWITCH_RATIO = 3;

let rows = new Int32Array(0);

function listDraw(model: ProfileModel, scan: WindowScan, rng: Rng): NgramDraw | null {
  if (rows.length < 3 * scan.positions) rows = new Int32Array(3 * scan.positions);
  const count = extractNgramRows(model, scan, rows);
  if (count === 0) return null;
  const list = rows;
  return () => list[Math.floor(rng.next() * count)]!;
}

/**
 * Uniform draws from the n-grams Python's `_extract_ngrams` would list, or null when it would list none.
 * Python builds the whole list and picks from it; a trial needs only a few hundred picks, so instead we pick a
 * (position, n) slot uniformly and retry when that slot holds no collected n-gram. Accepted picks are uniform over
 * the same multiset, so the draws have Python's distribution without the list. Texts where few slots qualify, or
 * where retries turn out frequent, use the list (so does a text without a unigram hit, which may have no feature
 * at all and must then give null, as Python raises).
 */
export function ngramDraw(model: ProfileModel, scan: WindowScan, rng: Rng): NgramDraw | null {
  const positions = scan.positions;
  // unigramHits > 0 guarantees a feature, so the retry loop ends.
  if (scan.unigramHits === 0 || scan.candidateSlots < MIN_CANDIDATE_SHARE * 3 * positions) return listDraw(model, scan, rng);
  const slots = 3 * positions;
  let accepted = 0;
  let tries = 0;
  let fallback: NgramDraw | null = null;
  return () => {
    if (fallback) return fallback();
    if (accepted === SWITCH_AFTER && tries > SWITCH_RATIO * accepted) {
      fallback = listDraw(model, scan, rng)!;
      return fallback();
    }
    for (;;) {
      tries++;
      const slot = Math.floor(rng.next() * slots);
      const p = (slot / 3) | 0;
      const row = gramRowAt(model, scan, p, slot - 3 * p + 1);
      if (row >= 0) return accepted++, row;
    }
  };
}
