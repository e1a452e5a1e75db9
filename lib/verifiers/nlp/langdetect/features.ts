import { normalizationTable } from './normalize';
import type { ProfileModel } from './profiles';

const SPACE = 0x20;
const UPPERCASE = /^\p{Uppercase}$/u;

// 0 = not computed yet, 1 = uppercase, 2 = not; filled per character on first sight (most texts use few).
const upperBmp = new Uint8Array(0x10000);

/**
 * Uppercase letters added after Unicode 14, the version of Python 3.11 that made the official verdicts; Node's
 * newer ICU calls them uppercase, Python 3.11 does not.
 */
function isNewerThanUnicode14(cp: number): boolean {
  return (
    cp === 0x1c89 || cp === 0xa7cb || cp === 0xa7cc || cp === 0xa7ce || cp === 0xa7d2 || cp === 0xa7d4 ||
    cp === 0xa7da || cp === 0xa7dc || (cp >= 0x10d50 && cp <= 0x10d65) || (cp >= 0x16ea0 && cp <= 0x16eb8)
  );
}

/** Python 3.11 `ch.isupper()` for one code point (Unicode's Uppercase property, as of Unicode 14). */
export function isUpperCodePoint(cp: number): boolean {
  if (cp > 0xffff) return !isNewerThanUnicode14(cp) && UPPERCASE.test(String.fromCodePoint(cp));
  let flag = upperBmp[cp]!;
  if (flag === 0) upperBmp[cp] = flag = !isNewerThanUnicode14(cp) && UPPERCASE.test(String.fromCharCode(cp)) ? 1 : 2;
  return flag === 1;
}

/**
 * The NGram window after each character of a text: how many of its last 1..3 grams Python would look up
 * (`length[p]`, 0 inside a word in capitals) and the alphabet ids of the window (`id3` newest; 0 = in no profile).
 */
export interface WindowScan {
  positions: number;
  length: Uint8Array;
  id1: Uint16Array;
  id2: Uint16Array;
  id3: Uint16Array;
  /** Positions whose unigram is in the profiles: a lower bound on the number of features. */
  unigramHits: number;
  /** (position, n) slots that pass every rule but the profile lookup: an upper bound on the features. */
  candidateSlots: number;
}

/** Scratch space for texts of up to `capacity` code points. */
export function createWindowScan(capacity: number): WindowScan {
  const n = capacity;
  return { positions: 0, length: new Uint8Array(n), id1: new Uint16Array(n), id2: new Uint16Array(n), id3: new Uint16Array(n), unigramHits: 0, candidateSlots: 0 };
}

/**
 * Run Python's NGram.add_char over `codePoints[0..count)` (normalise, reset at a space, keep three characters,
 * flag words in capitals after their first letter) and record each window in `scan`, which it returns.
 */
export function scanWindows(codePoints: Int32Array, count: number, model: ProfileModel, scan: WindowScan): WindowScan {
  const norm = normalizationTable();
  const { alphabetId, unigramRow } = model;
  let c3 = SPACE; // newest character of the window
  let a1 = 0;
  let a2 = 0;
  let a3 = alphabetId[SPACE]!;
  let length = 1;
  let capitalWord = false;
  let lastUpper = false; // isupper of c3, carried over so each character is classified once
  let hits = 0;
  let candidates = 0;
  for (let p = 0; p < count; p++) {
    const raw = codePoints[p]!;
    const ch = raw > 0xffff ? raw : norm[raw]!;
    const last = c3;
    if (last === SPACE) {
      length = 1;
      capitalWord = false;
    } else if (length >= 3) {
      length = 2;
    }
    if (last === SPACE && ch === SPACE) {
      scan.length[p] = 0; // Python returns before touching the window; the lone ' ' is no feature
      continue;
    }
    const upper = ch === SPACE ? false : isUpperCodePoint(ch);
    if (!upper) capitalWord = false;
    else if (lastUpper) capitalWord = true;
    lastUpper = upper;
    c3 = ch;
    a1 = a2;
    a2 = a3;
    a3 = ch > 0xffff ? 0 : alphabetId[ch]!;
    length++;
    scan.length[p] = capitalWord ? 0 : length;
    scan.id1[p] = a1;
    scan.id2[p] = a2;
    scan.id3[p] = a3;
    if (!capitalWord) {
      const slots = length > 3 ? 3 : length;
      candidates += ch === SPACE ? slots - 1 : slots;
      if (ch !== SPACE && unigramRow[a3]! >= 0) hits++;
    }
  }
  scan.positions = count;
  scan.unigramHits = hits;
  scan.candidateSlots = candidates;
  return scan;
}

/** The profile row of the `n`-gram ending at position `p` if Python would collect it, else -1. */
export function gramRowAt(model: ProfileModel, scan: WindowScan, p: number, n: number): number {
  if (n > scan.length[p]!) return -1;
  const id3 = scan.id3[p]!;
  if (id3 === 0) return -1;
  if (n === 1) return id3 === model.alphabetId[SPACE] ? -1 : model.unigramRow[id3]!;
  const id2 = scan.id2[p]!;
  if (id2 === 0) return -1;
  if (n === 2) {
    const pair = model.pairIndex.get(id2 * model.radix + id3);
    return pair < 0 ? -1 : model.bigramRow[pair]!;
  }
  const id1 = scan.id1[p]!;
  if (id1 === 0) return -1;
  const prefix = model.pairIndex.get(id1 * model.radix + id2);
  return prefix < 0 ? -1 : model.trigramRow.get(prefix * model.radix + id3);
}

/**
 * Python `Detector._extract_ngrams`: the rows of every collected n-gram, in Python's order, written to `out`
 * (3 per position at most). Returns how many.
 */
export function extractNgramRows(model: ProfileModel, scan: WindowScan, out: Int32Array): number {
  let count = 0;
  for (let p = 0; p < scan.positions; p++) {
    for (let n = 1; n <= 3; n++) {
      const row = gramRowAt(model, scan, p, n);
      if (row >= 0) out[count++] = row;
    }
  }
  return count;
}
