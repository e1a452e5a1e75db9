import { normalizeVi } from './normalize';

/** langdetect's Detector.max_text_length: code points of input read after URL/e-mail removal. */
export const MAX_TEXT_LENGTH = 10000;

// The same patterns as langdetect's URL_RE and MAIL_RE; ASCII-only classes, so JS and Python regexes agree.
const URL_RE = /https?:\/\/[-_.?&~;+=/#0-9A-Za-z]{1,2076}/g;
const MAIL_RE = /[-_.0-9A-Za-z]{1,64}@[-_0-9A-Za-z]{1,255}[-_.0-9A-Za-z]{1,255}/g;

/**
 * Python `Detector.append`: URLs and e-mail addresses become a space, Vietnamese letters are composed, then the first
 * `maxLength` code points are kept, with runs of ASCII spaces collapsed to one.
 * @example appendText('a  b http://x.y c') // [0x61, 0x20, 0x62, 0x20, 0x63] as code points of 'a b c'
 */
export function appendText(text: string, maxLength = MAX_TEXT_LENGTH): number[] {
  const prepared = normalizeVi(text.replace(URL_RE, ' ').replace(MAIL_RE, ' '));
  const out: number[] = [];
  let pre = -1;
  let read = 0;
  for (let i = 0; i < prepared.length && read < maxLength; read++) {
    const cp = prepared.codePointAt(i)!;
    i += cp > 0xffff ? 2 : 1;
    if (cp !== 0x20 || pre !== 0x20) out.push(cp);
    pre = cp;
  }
  return out;
}

/**
 * Python `Detector.cleaning_text`: when letters A–z (the ASCII range 'A'..'z', which includes `[\]^_` and a
 * backtick) are fewer than half the characters at or above U+0300, drop every character in that range.
 * Upstream meant to exclude Latin Extended Additional from the non-Latin count, but compares a block number
 * with a block name, so nothing is excluded; we keep that behaviour because the official verdicts depend on it.
 */
export function dropLatinIfMinority(codePoints: readonly number[]): readonly number[] {
  let latin = 0;
  let nonLatin = 0;
  for (const cp of codePoints) {
    if (cp >= 0x41 && cp <= 0x7a) latin++;
    else if (cp >= 0x0300) nonLatin++;
  }
  if (latin * 2 >= nonLatin) return codePoints;
  return codePoints.filter((cp) => cp < 0x41 || cp > 0x7a);
}
