import { normalizationTable } from './normalize';
import type { ProfileModel } from './profiles';

const SPACE = 0x20;
const UPPERCASE = /^\p{Uppercase}$/u;

let upperBmp: Uint8Array | undefined;

/** Python `ch.isupper()` for one code point (Unicode's Uppercase property). */
export function isUpperCodePoint(cp: number): boolean {
  if (cp > 0xffff) return UPPERCASE.test(String.fromCodePoint(cp));
  if (!upperBmp) {
    upperBmp = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) upperBmp[c] = UPPERCASE.test(String.fromCharCode(c)) ? 1 : 0;
  }
  return upperBmp[cp] === 1;
}

/**
 * Python `Detector._extract_ngrams`: feed each character through NGram (normalise, reset at a space, a
 * three-character window, skip words in capitals after their first letter) and collect the profile rows of the
 * 1-, 2- and 3-grams that end at it. Writes rows into `out` (which must hold 3 per code point) and returns
 * how many it wrote, in the order Python appends them.
 */
export function extractNgramRows(codePoints: readonly number[], model: ProfileModel, out: Int32Array): number {
  const norm = normalizationTable();
  const { alphabetId, radix, unigramRow, pairIndex, bigramRow, trigramRow } = model;
  let count = 0;
  // The window as normalised code points (c1 oldest), its length, and alphabet ids (0 = in no profile).
  let c1 = 0;
  let c2 = 0;
  let c3 = SPACE;
  let length = 1;
  let capitalWord = false;
  for (const raw of codePoints) {
    const ch = raw > 0xffff ? raw : norm[raw]!;
    const last = c3;
    if (last === SPACE) {
      length = 1;
      capitalWord = false;
      if (ch === SPACE) continue;
    } else if (length >= 3) {
      length = 2;
    }
    c1 = c2;
    c2 = c3;
    c3 = ch;
    length++;
    if (isUpperCodePoint(ch)) {
      if (isUpperCodePoint(last)) capitalWord = true;
    } else {
      capitalWord = false;
    }
    if (capitalWord) continue;

    const id3 = ch > 0xffff ? 0 : alphabetId[ch]!;
    if (id3 === 0) continue; // every gram ending here contains a character no profile has
    if (ch !== SPACE) {
      const row = unigramRow[id3]!;
      if (row >= 0) out[count++] = row;
    }
    const id2 = c2 > 0xffff ? 0 : alphabetId[c2]!;
    if (id2 === 0) continue;
    const pair = pairIndex.get(id2 * radix + id3);
    if (pair !== undefined && bigramRow[pair]! >= 0) out[count++] = bigramRow[pair]!;
    if (length < 3) continue;
    const id1 = c1 > 0xffff ? 0 : alphabetId[c1]!;
    if (id1 === 0) continue;
    const prefix = pairIndex.get(id1 * radix + id2);
    if (prefix === undefined) continue;
    const row3 = trigramRow.get(prefix * radix + id3);
    if (row3 !== undefined) out[count++] = row3;
  }
  return count;
}
