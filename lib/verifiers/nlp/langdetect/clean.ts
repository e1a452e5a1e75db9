import { normalizeVi } from './normalize';

/** langdetect's Detector.max_text_length: code points of input read after URL/e-mail removal. */
export const MAX_TEXT_LENGTH = 10000;

// The same patterns as langdetect's URL_RE and MAIL_RE; ASCII-only classes, so JS and Python regexes agree.
const URL_RE = /https?:\/\/[-_.?&~;+=/#0-9A-Za-z]{1,2076}/g;
const MAIL_RE = /[-_.0-9A-Za-z]{1,64}@[-_0-9A-Za-z]{1,255}[-_.0-9A-Za-z]{1,255}/g;

/**
 * Python `Detector.append` into `out`: URLs and e-mail addresses become a space, Vietnamese letters are composed,
 * then the first `maxLength` code points are kept, with runs of ASCII spaces collapsed to one. Returns the count.
 * `out` must hold `maxLength` entries.
 * @example appendText('a  b http://x.y c', buf) // 5: the code points of 'a b c'
 */
export function appendText(text: string, out: Int32Array, maxLength = MAX_TEXT_LENGTH): number {
  // The regexes cost more than the scan for their anchors, and most texts have neither.
  let prepared = text.includes('http') ? text.replace(URL_RE, ' ') : text;
  if (prepared.includes('@')) prepared = prepared.replace(MAIL_RE, ' ');
  prepared = normalizeVi(prepared);
  let count = 0;
  let pre = -1;
  let read = 0;
  for (let i = 0; i < prepared.length && read < maxLength; read++) {
    let cp = prepared.charCodeAt(i++);
    if (cp >= 0xd800 && cp <= 0xdbff && i < prepared.length) {
      const low = prepared.charCodeAt(i);
      if (low >= 0xdc00 && low <= 0xdfff) ((cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00)), i++);
    }
    if (cp !== 0x20 || pre !== 0x20) out[count++] = cp;
    pre = cp;
  }
  return count;
}

/**
 * Python `Detector.cleaning_text`, in place on `codePoints[0..count)`: when characters in 'A'..'z' (the ASCII range,
 * which includes `[\]^_` and a backtick) are fewer than half the characters at or above U+0300, drop that range.
 * Upstream meant to leave Latin Extended Additional out of the non-Latin count, but compares a block number with a
 * block name, so nothing is left out; we keep that because the official verdicts depend on it. Returns the new count.
 */
export function dropLatinIfMinority(codePoints: Int32Array, count: number): number {
  let latin = 0;
  let nonLatin = 0;
  for (let i = 0; i < count; i++) {
    const cp = codePoints[i]!;
    if (cp >= 0x41 && cp <= 0x7a) latin++;
    else if (cp >= 0x0300) nonLatin++;
  }
  if (latin * 2 >= nonLatin) return count;
  let kept = 0;
  for (let i = 0; i < count; i++) {
    const cp = codePoints[i]!;
    if (cp < 0x41 || cp > 0x7a) codePoints[kept++] = cp;
  }
  return kept;
}
