/**
 * Python's `re.IGNORECASE` in JavaScript. sre compares `lower(ch)` (the first code point of the full lowercase,
 * so 'İ' → 'i') and treats a few more letters as equal (re/_casefix.py: i/ı, s/ſ, µ/μ, θ/ϑ, ...); JavaScript's
 * `i` flag uses simple case folding instead, under which 'İ' and 'ı' match only themselves. So a caseless pattern
 * is matched without the `i` flag against the text mapped through `lower`, with every cased literal of the pattern
 * widened to the letters sre accepts for it. `lower` keeps each code point's UTF-16 length, so match offsets in the
 * mapped text are offsets in the original.
 */

/** CPython 3.11 `re._casefix._EXTRA_CASES`: lowercase letters sre also accepts for each (from Unicode 14 folding). */
const EXTRA_CASES: ReadonlyMap<number, readonly number[]> = new Map([
  [105, [305]], [115, [383]], [181, [956]], [305, [105]], [383, [115]], [837, [953, 8126]], [912, [8147]], [944, [8163]],
  [946, [976]], [949, [1013]], [952, [977]], [953, [837, 8126]], [954, [1008]], [956, [181]], [960, [982]], [961, [1009]],
  [962, [963]], [963, [962]], [966, [981]], [976, [946]], [977, [952]], [981, [966]], [982, [960]], [1008, [954]],
  [1009, [961]], [1013, [949]], [1074, [7296]], [1076, [7297]], [1086, [7298]], [1089, [7299]], [1090, [7300, 7301]],
  [1098, [7302]], [1123, [7303]], [7296, [1074]], [7297, [1076]], [7298, [1086]], [7299, [1089]], [7300, [1090, 7301]],
  [7301, [1090, 7300]], [7302, [1098]], [7303, [1123]], [7304, [42571]], [7777, [7835]], [7835, [7777]],
  [8126, [837, 953]], [8147, [912]], [8163, [944]], [42571, [7304]], [64261, [64262]], [64262, [64261]],
]);

// Letters that gained case mappings after Unicode 14 (Python 3.11's database): node's newer ICU maps them, sre
// does not. Found by comparing both over every code point.
const NEWER_CASED: ReadonlyArray<readonly [number, number]> = [
  [0x19b, 0x19b], [0x264, 0x264], [0x1c89, 0x1c8a], [0xa7cb, 0xa7cf], [0xa7d2, 0xa7d5], [0xa7da, 0xa7dc],
  [0x10d50, 0x10d65], [0x10d70, 0x10d85], [0x16ea0, 0x16eb8], [0x16ebb, 0x16ed3],
];
const isNewer = (cp: number): boolean => NEWER_CASED.some(([a, b]) => cp >= a && cp <= b);

/** sre's `lower(cp)`: the first code point of the full lowercase mapping. */
export function pyLowerCodePoint(cp: number): number {
  if (isNewer(cp)) return cp;
  return String.fromCodePoint(cp).toLowerCase().codePointAt(0)!;
}

/** sre's `iscased(cp)`: lowercase or uppercase (first code points) differ from it. */
export function pyIsCased(cp: number): boolean {
  if (isNewer(cp)) return false;
  const s = String.fromCodePoint(cp);
  return s.toLowerCase().codePointAt(0) !== cp || s.toUpperCase().codePointAt(0) !== cp;
}

// sre's lower of each BMP code unit, filled in as texts meet them (0: not known yet; only U+0000 lowers to 0, and
// recomputing it costs nothing). Filling all 65,536 up front cost ~15 ms of every process that lowered a text.
const bmpLower = new Uint16Array(0x10000);
const NON_ASCII = /[^\0-\x7f]/;

/** `text` with every code point mapped through sre's `lower` (same UTF-16 length, same offsets). */
export function pyLowerText(text: string): string {
  // On ASCII, sre's lower and JS's toLowerCase are both A-Z -> a-z (no expansion, no final sigma).
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  let out = '';
  const codes: number[] = [];
  const flush = (): void => {
    out += String.fromCharCode(...codes);
    codes.length = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is one code point; a lone surrogate is left as it is.
    if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      const cp = text.codePointAt(i)!;
      const low = String.fromCodePoint(pyLowerCodePoint(cp));
      codes.push(low.charCodeAt(0), low.charCodeAt(1));
      i++;
    } else {
      let low = bmpLower[c]!;
      if (low === 0) low = bmpLower[c] = c >= 0xd800 && c <= 0xdfff ? c : pyLowerCodePoint(c);
      codes.push(low);
    }
    if (codes.length >= 8192) flush();
  }
  flush();
  return out;
}

/** The lowercased code points sre accepts for `cp` under IGNORECASE (itself alone when uncased). */
export function pyCaselessSet(cp: number): number[] {
  if (!pyIsCased(cp)) return [cp];
  const low = pyLowerCodePoint(cp);
  return [low, ...(EXTRA_CASES.get(low) ?? [])];
}

/** The members of a character set item under IGNORECASE: lower(cp) and its extra cases (sre's charset fixup). */
export function pyCaselessMembers(cp: number): number[] {
  const low = pyLowerCodePoint(cp);
  return [low, ...(EXTRA_CASES.get(low) ?? [])];
}

const escapeChar = (ch: string): string => (/[.*+?^${}()|[\]\\/-]/.test(ch) ? `\\${ch}` : ch);

/**
 * A RegExp source (u flag, no i flag) matching `literal` in the lowered text as sre does under IGNORECASE.
 * @example new RegExp(pyCaselessLiteral('İstanbul'), 'u').test(pyLowerText('ISTANBUL')) // true
 */
export function pyCaselessLiteral(literal: string): string {
  let out = '';
  for (const ch of literal) {
    const set = pyCaselessSet(ch.codePointAt(0)!).map((cp) => escapeChar(String.fromCodePoint(cp)));
    out += set.length === 1 ? set[0] : `[${set.join('')}]`;
  }
  return out;
}
