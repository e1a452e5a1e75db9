import { insideSurrogatePair, PY_PUNCTUATION, PY_WORD_CHAR, pyWordBoundary } from '../nlp/pytext';

/**
 * The Python string idioms the IFBench checkers repeat, in one place.
 * "P" is `string.punctuation`; IFBench strips words with `P + ' '` and deletes P with `str.translate`.
 */

const PUNCT_CLASS = PY_PUNCTUATION.replace(/[\\\]^-]/g, '\\$&');
const ANY_PUNCT = new RegExp(`[${PUNCT_CLASS}]`, 'g');
/** Which ASCII codes `string.punctuation + ' '` holds. */
const PUNCT_OR_SPACE = new Uint8Array(128);
for (const ch of PY_PUNCTUATION + ' ') PUNCT_OR_SPACE[ch.charCodeAt(0)] = 1;

/**
 * `s.strip(string.punctuation + ' ')`, scanning inward from both ends: linear, like Python's. (A regex such as
 * `^[P ]+|[P ]+$` retries the right-hand run from every position of an inner run: 5.7 s on 80k "!".)
 */
export function stripPunct(s: string): string {
  let i = 0;
  let j = s.length;
  while (i < j && PUNCT_OR_SPACE[s.charCodeAt(i)] === 1) i++;
  while (j > i && PUNCT_OR_SPACE[s.charCodeAt(j - 1)] === 1) j--;
  return i === 0 && j === s.length ? s : s.slice(i, j);
}

/** `s.translate(str.maketrans('', '', string.punctuation))`. */
export function deletePunct(s: string): string {
  return s.replace(ANY_PUNCT, '');
}

/** Python `s[0]`: the first code point (undefined when empty). */
export function firstChar(s: string): string | undefined {
  const cp = s.codePointAt(0);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

/** The code points of `s`, as Python indexes a str. */
export function chars(s: string): string[] {
  return [...s];
}

// Python's `\d` (Unicode decimal digits) and its `\w` / `\W` / `\s` classes, for RegExp sources with the `u` flag.
export const PY_DIGIT = '\\p{Nd}';
export const PY_WORD = PY_WORD_CHAR;
export const PY_NON_WORD = '[^\\p{L}\\p{N}_]';
export const PY_SPACE_CLASS = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

const WORD_CHAR = new RegExp(`^${PY_WORD_CHAR}$`, 'u');

/**
 * A RegExp source for Python's `\b<literal>\b`: Python's `\b` is Unicode-aware and JS's is not, so each `\b` becomes
 * a lookaround that depends on whether the literal starts or ends with a word character. `body` replaces the
 * escaped literal (e.g. its IGNORECASE form from nlp/py-case.ts).
 */
export function pyBoundedLiteral(literal: string, body?: string): string {
  // '-' is only special inside a class, and escaping it outside one is an error under the u flag.
  const escaped = body ?? literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const first = firstChar(literal);
  const last = [...literal].pop();
  if (first === undefined || last === undefined) return `(?:(?<=${PY_WORD})(?=${PY_NON_WORD}|$)|(?<=${PY_NON_WORD}|^)(?=${PY_WORD}))`;
  const before = WORD_CHAR.test(first) ? `(?<!${PY_WORD})` : `(?<=${PY_WORD})`;
  const after = WORD_CHAR.test(last) ? `(?!${PY_WORD})` : `(?=${PY_WORD})`;
  return `${before}${escaped}${after}`;
}

/**
 * Python `re.search(r'\b' + re.escape(literal) + r'\b', text) is not None`, as `new RegExp(pyBoundedLiteral(literal),
 * 'u').test(text)` answers it, without a regex: each occurrence found by `indexOf`, then the code point on either
 * side: count:person_names ran ~80 lookbehind regexes over each response (11 ms on a first short one in a fresh
 * process, every regex compiled and interpreted before V8 tiers it up), now a native search per name.
 * @example pyContainsBounded('Emma, Emmanuel', 'Emma') // true; pyContainsBounded('Emmanuel', 'Emma') // false
 */
export function pyContainsBounded(text: string, literal: string): boolean {
  if (literal === '') return new RegExp(pyBoundedLiteral(literal), 'u').test(text);
  for (let at = text.indexOf(literal); at !== -1; at = text.indexOf(literal, at + 1)) {
    const end = at + literal.length;
    // A regex with the u flag reads code points: it never matches from or up to the middle of a surrogate pair.
    if (insideSurrogatePair(text, at) || insideSurrogatePair(text, end)) continue;
    if (pyWordBoundary(text, at) && pyWordBoundary(text, end)) return true;
  }
  return false;
}

// Code points with Numeric_Type=Digit (superscripts, circled digits, …): `str.isdigit()` but not `isdecimal()`.
// Listed from Python 3.11 (Unicode 14) because JS has no property for them.
const DIGIT_NOT_DECIMAL =
  '\\u00b2\\u00b3\\u00b9\\u1369-\\u1371\\u19da\\u2070\\u2074-\\u2079\\u2080-\\u2089\\u2460-\\u2468\\u2474-\\u247c' +
  '\\u2488-\\u2490\\u24ea\\u24f5-\\u24fd\\u24ff\\u2776-\\u277e\\u2780-\\u2788\\u278a-\\u2792\\u{10a40}-\\u{10a43}' +
  '\\u{10e60}-\\u{10e68}\\u{11052}-\\u{1105a}\\u{1f100}-\\u{1f10a}';
const ALL_DIGITS = new RegExp(`^[\\p{Nd}${DIGIT_NOT_DECIMAL}]+$`, 'u');

/** Python `str.isdigit()`. */
export function pyIsDigit(s: string): boolean {
  return ALL_DIGITS.test(s);
}

const ALNUM = /[\p{L}\p{N}]/u;

/** Python `any(ch.isalnum() for ch in s)`. */
export function hasAlnum(s: string): boolean {
  return ALNUM.test(s);
}

const ND = /^\p{Nd}$/u;

/** Python `int(s)` for a string of Unicode decimal digits (Nd digits come in runs of ten, 0 to 9). */
export function pyDigitsToInt(s: string): number {
  let n = 0;
  for (const ch of s) {
    let cp = ch.codePointAt(0)!;
    let start = cp;
    while (ND.test(String.fromCodePoint(start - 1))) start--;
    cp = (cp - start) % 10;
    n = n * 10 + cp;
  }
  return n;
}
