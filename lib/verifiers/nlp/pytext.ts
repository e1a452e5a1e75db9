import { rememberBounded } from '../../data/bounded-map';

/**
 * Python `str` semantics that the official checkers rely on, in JavaScript.
 * JS and Python disagree on whitespace, word characters, case predicates and string length;
 * every checker uses these helpers instead of the JS built-ins. See docs/python-vs-js.md.
 */

/** Characters for which Python's `str.isspace()` is true (and so `strip()`/`split()` use). */
export const PY_WHITESPACE =
  '\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

const WS_CLASS = '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const WS_RUN = new RegExp(`${WS_CLASS}+`);

/** Python `str.isspace()` for one UTF-16 unit (every Python whitespace character is a single unit). */
export function isPyWhitespaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return (
    c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** Python `string.punctuation`. */
export const PY_PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';

/** True if `ch` (one code point) is Python whitespace. */
export function pyIsSpaceChar(ch: string): boolean {
  return ch.length === 1 && isPyWhitespaceCode(ch.charCodeAt(0));
}

/** Python `str.isspace()`: non-empty and every character is whitespace. */
export function pyIsSpace(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isPyWhitespaceCode(s.charCodeAt(i))) return false;
  return true;
}

// Strips scan inward from the ends: O(stripped characters), not O(length). The scorer strips every loose-mode
// variant of every response, so a regex that walks the whole text (as /\s+$/ does) costs real time.
function stripUnits(s: string, strip: (code: number) => boolean, left: boolean, right: boolean): string {
  let i = 0;
  let j = s.length;
  if (left) while (i < j && strip(s.charCodeAt(i))) i++;
  if (right) while (j > i && strip(s.charCodeAt(j - 1))) j--;
  return i === 0 && j === s.length ? s : s.slice(i, j);
}

// The `chars` of strip calls are a handful of fixed sets (string.punctuation and friends), met per word: the set of
// UTF-16 units of each is built once. Bounded, in case a set comes from a kwarg.
const UNIT_SETS_LIMIT = 64;
const unitSets = new Map<string, ReadonlySet<number> | null>();

/** The units of `chars` as a set, or null when one is a surrogate (half of a character outside the BMP, or alone). */
function unitSet(chars: string): ReadonlySet<number> | null {
  const hit = unitSets.get(chars);
  if (hit !== undefined) return hit;
  const units = /[\ud800-\udfff]/.test(chars) ? null : new Set(Array.from(chars, (ch) => ch.charCodeAt(0)));
  return rememberBounded(unitSets, chars, units, UNIT_SETS_LIMIT);
}

function stripSet(s: string, chars: string, left: boolean, right: boolean): string {
  const units = unitSet(chars);
  if (units !== null) {
    let i = 0;
    let j = s.length;
    if (left) while (i < j && units.has(s.charCodeAt(i))) i++;
    if (right) while (j > i && units.has(s.charCodeAt(j - 1))) j--;
    return i === 0 && j === s.length ? s : s.slice(i, j);
  }
  // Characters outside the BMP take two units: strip by code point then (rare: emoji in the strip set).
  const set = new Set(chars);
  const cps = [...s];
  let i = 0;
  let j = cps.length;
  if (left) while (i < j && set.has(cps[i]!)) i++;
  if (right) while (j > i && set.has(cps[j - 1]!)) j--;
  return cps.slice(i, j).join('');
}

/** Python `s.strip(chars)`; without `chars`, strips Python whitespace. */
export function pyStrip(s: string, chars?: string): string {
  return chars === undefined ? stripUnits(s, isPyWhitespaceCode, true, true) : stripSet(s, chars, true, true);
}

/** Python `s.lstrip(chars)`. */
export function pyLstrip(s: string, chars?: string): string {
  return chars === undefined ? stripUnits(s, isPyWhitespaceCode, true, false) : stripSet(s, chars, true, false);
}

/** Python `s.rstrip(chars)`. */
export function pyRstrip(s: string, chars?: string): string {
  return chars === undefined ? stripUnits(s, isPyWhitespaceCode, false, true) : stripSet(s, chars, false, true);
}

/** Python `s.split()` with no separator: split on whitespace runs, no empty pieces. */
export function pySplit(s: string): string[] {
  const t = pyStrip(s);
  return t === '' ? [] : t.split(WS_RUN);
}

/** Python `len(s)`: the number of code points (JS `length` counts UTF-16 units). */
export function pyLen(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Python `s[start:end]` on code points (negative indices count from the end, as in Python). */
export function pySlice(s: string, start?: number, end?: number): string {
  return [...s].slice(start, end).join('');
}

/** Python's Unicode `\w` (letters, numbers, underscore); JS `\w` is ASCII-only even with the `u` flag. */
export const PY_WORD_CHAR = '[\\p{L}\\p{N}_]';
const WORDS = new RegExp(`${PY_WORD_CHAR}+`, 'gu');
const ONE_WORD_CHAR = new RegExp(`^${PY_WORD_CHAR}$`, 'u');

const isHigh = (s: string, i: number): boolean => (s.charCodeAt(i) & 0xfc00) === 0xd800;
const isLow = (s: string, i: number): boolean => (s.charCodeAt(i) & 0xfc00) === 0xdc00;

/** Whether the code point that ends just before index `i` of `text` is a Python `\w` character (false at 0). */
function pyWordCharBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const start = isLow(text, i - 1) && i >= 2 && isHigh(text, i - 2) ? i - 2 : i - 1;
  return ONE_WORD_CHAR.test(String.fromCodePoint(text.codePointAt(start)!));
}

/** Whether the code point that starts at index `i` of `text` is a Python `\w` character (false at the end). */
function pyWordCharAt(text: string, i: number): boolean {
  return i < text.length && ONE_WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** Python's `\b` at index `i` of `text`: a word character on one side and not on the other (Unicode `\w`). */
export function pyWordBoundary(text: string, i: number): boolean {
  return pyWordCharBefore(text, i) !== pyWordCharAt(text, i);
}

/** Whether index `i` falls between the two halves of a surrogate pair (where a u-flag regex never starts or ends). */
export function insideSurrogatePair(text: string, i: number): boolean {
  return i > 0 && isLow(text, i) && isHigh(text, i - 1);
}

/** Number of Python `\w+` matches: IFEval's `count_words` (nltk RegexpTokenizer(r"\w+")). */
export function countWords(s: string): number {
  let n = 0;
  WORDS.lastIndex = 0;
  while (WORDS.exec(s) !== null) n++;
  return n;
}

/** The Python `\w+` tokens of `s`. */
export function wordTokens(s: string): string[] {
  return s.match(WORDS) ?? [];
}

const HAS_LOWER_OR_TITLE = /[\p{Lowercase}\p{Lt}]/u;
const HAS_UPPER_OR_TITLE = /[\p{Uppercase}\p{Lt}]/u;
const HAS_UPPER = /\p{Uppercase}/u;
const HAS_LOWER = /\p{Lowercase}/u;

/** Python `str.isupper()`: at least one cased character and no lowercase or titlecase one. */
export function pyIsUpper(s: string): boolean {
  return HAS_UPPER.test(s) && !HAS_LOWER_OR_TITLE.test(s);
}

/** Python `str.islower()`: at least one cased character and no uppercase or titlecase one. */
export function pyIsLower(s: string): boolean {
  return HAS_LOWER.test(s) && !HAS_UPPER_OR_TITLE.test(s);
}

/** Escape a string for literal use inside a RegExp (Python `re.escape`). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Remove every character of `chars` from `s` (Python `s.translate(str.maketrans('', '', chars))`). */
export function deleteChars(s: string, chars: string): string {
  const units = unitSet(chars);
  if (units === null) {
    const set = new Set(chars);
    let out = '';
    for (const ch of s) if (!set.has(ch)) out += ch;
    return out;
  }
  // Whole runs of kept units at a time; a surrogate half is never in `units`, so pairs are kept whole.
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (!units.has(s.charCodeAt(i))) continue;
    out += s.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}
