/**
 * Python `re` character classes (str patterns, Unicode mode) written as JS `u`-flag regex source.
 * JS `\s`, `\w`, `\d` and `\b` disagree with Python's (JS `\s` has U+FEFF but not U+001C–U+001F or U+0085;
 * JS `\w`/`\b` are ASCII-only), so the NLTK ports build their regexes from these pieces instead.
 *
 * Checked code point by code point against CPython 3.11 (Unicode 14): identical on all 0x110000 code points.
 * Node knows a newer Unicode, so characters assigned after Unicode 14 are excluded explicitly, and the six
 * characters whose lowercase property changed since are patched. Not patched: `toLowerCase()` of characters
 * assigned after Unicode 14 (Python leaves them alone). That cannot change an output: lowercased words are only
 * looked up in the models, whose keys are all ASCII, and no such character lowercases to ASCII.
 */
import { UNASSIGNED_IN_UNICODE_14 as CN14 } from './punkt-unicode14';

/** Python `\s`: the characters for which `str.isspace()` is true. */
export const PY_S = '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';

/** Python `\S`. */
export const PY_NS = '[^\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';

/** Python `\w` (`str.isalnum()` or `_`). */
export const PY_W = `(?:(?!${CN14})[\\p{L}\\p{N}_])`;

/** Python `\d` (decimal digits, category Nd). */
export const PY_D = `(?:(?!${CN14})\\p{Nd})`;

/** Python `\D` (any character but a decimal digit, newline included). */
export const PY_NOT_D = `(?:(?!${PY_D})[^])`;

/** Python `[^\W\d]`: word characters that are not decimal digits ("alphabetic" in Punkt's comments). */
export const PY_W_NOT_D = `(?:(?!${CN14})[\\p{L}\\p{Nl}\\p{No}_])`;

/** Python `\b` in Unicode mode: a change between `\w` and non-`\w` (or the text edge). */
export const PY_B = `(?:(?<=${PY_W})(?!${PY_W})|(?<!${PY_W})(?=${PY_W}))`;

/** Python `$` without MULTILINE: the end, or just before a final `\n`. */
export const PY_END = '(?=\\n?$)';

// Numeric_Type=Digit characters that are not decimal (superscripts, circled digits, ...): Python's
// `str.isdigit()` accepts them, JS `\p{Nd}` does not.
const EXTRA_DIGITS =
  '\\u{b2}-\\u{b3}\\u{b9}\\u{1369}-\\u{1371}\\u{19da}\\u{2070}\\u{2074}-\\u{2079}\\u{2080}-\\u{2089}' +
  '\\u{2460}-\\u{2468}\\u{2474}-\\u{247c}\\u{2488}-\\u{2490}\\u{24ea}\\u{24f5}-\\u{24fd}\\u{24ff}' +
  '\\u{2776}-\\u{277e}\\u{2780}-\\u{2788}\\u{278a}-\\u{2792}\\u{10a40}-\\u{10a43}\\u{10e60}-\\u{10e68}' +
  '\\u{11052}-\\u{1105a}\\u{1f100}-\\u{1f10a}';
const IS_DIGITS = new RegExp(`^(?:(?!${CN14})[\\p{Nd}${EXTRA_DIGITS}])+$`, 'u');
const IS_UPPER_CHAR = new RegExp(`^(?!${CN14})\\p{Uppercase}`, 'u');
// Lowercase since Unicode 15 (Other_Lowercase), not in CPython 3.11: U+10FC, U+A7F2–U+A7F4, U+AB69.
const IS_LOWER_CHAR = new RegExp(`^(?:(?![\\u10fc\\ua7f2-\\ua7f4\\uab69])(?!${CN14})\\p{Lowercase}|\\u0295)`, 'u');

/** Python `s.isdigit()`. */
export function pyIsDigit(s: string): boolean {
  return IS_DIGITS.test(s);
}

/** Python `s[0].isupper()` (first code point; false for ''). */
export function pyFirstIsUpper(s: string): boolean {
  return IS_UPPER_CHAR.test(s);
}

/** Python `s[0].islower()` (first code point; false for ''). */
export function pyFirstIsLower(s: string): boolean {
  return IS_LOWER_CHAR.test(s);
}

// Python IGNORECASE matches these extra characters for ASCII letters; JS `iu` misses the Turkish i's.
const FOLD_EXTRA: Readonly<Record<string, string>> = { i: '\u0130\u0131', k: '\u212a', s: '\u017f' };

/** Regex source matching `literal` as Python's `(?i)` would (ASCII letters get case classes). */
export function pyIgnoreCase(literal: string): string {
  let out = '';
  for (const ch of literal) {
    const lo = ch.toLowerCase();
    if (/^[a-z]$/.test(lo)) out += `[${lo}${lo.toUpperCase()}${FOLD_EXTRA[lo] ?? ''}]`;
    else out += ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
  }
  return out;
}

const IS_WS_CHAR = new RegExp(`^${PY_S}$`, 'u');

/** Python `c.isspace()` for one UTF-16 unit (every Python whitespace character is in the BMP). */
export function pyIsWhitespaceUnit(c: string): boolean {
  return IS_WS_CHAR.test(c);
}

/**
 * `len(s.rstrip())` in linear time. (`/\s+$/` retries each position of a blank run that is followed by
 * text, which is quadratic: 30k inner spaces take seconds.)
 */
export function pyRstripLength(s: string): number {
  let end = s.length;
  while (end > 0 && IS_WS_CHAR.test(s[end - 1]!)) end--;
  return end;
}

/** Python `s.strip()` in linear time. */
export function pyStripLinear(s: string): string {
  const end = pyRstripLength(s);
  let start = 0;
  while (start < end && IS_WS_CHAR.test(s[start]!)) start++;
  return s.slice(start, end);
}
