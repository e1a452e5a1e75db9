import { rememberBounded } from '../../data/bounded-map';
import { pyCaselessMembers, pyCaselessSet, pyLowerText } from '../nlp/py-case';
import { PY_WHITESPACE, pyWordBoundary } from '../nlp/pytext';
import { pyRegexError } from './py-regex-syntax';

/*
 * Upstream uses some kwargs as raw Python regular expressions (keywords, forbidden words, the section splitter,
 * the postscript marker). JS RegExp backtracks, so a crafted kwarg such as `(a+)+$` or `\w*\w*\w*x` could hang the
 * process on a long response. How we keep upstream semantics and stay safe:
 *
 * - A kwarg without metacharacters (every kwarg in the IFEval, IFBench and IFTrain data) is a literal: matching
 *   it is linear and gives exactly upstream's matches.
 * - A kwarg with metacharacters is translated from Python `re` syntax when it stays in a subset whose cost per
 *   start position is bounded: literals, escapes, `.`, `\d \w \s \D \W \S \b \B`, character classes, and the
 *   bounded quantifiers `?`, `{m}`, `{m,n}` on single atoms, with at most 256 ways to backtrack in total.
 *   Matching such a pattern over n characters costs O(256 · n).
 * - Anything else (`*`, `+`, `{m,}`, groups, alternation, anchors, backreferences, lookaround, inline flags,
 *   more than 200 characters) is rejected when the kwargs are validated, naming the field: no silent rewrite.
 *
 * Translation keeps Python's meaning where JS differs: `\w`/`\b` are Unicode-aware (`[\p{L}\p{N}_]`), `\d` is
 * `\p{Nd}`, `\s` is Python's whitespace set, `.` excludes only `\n`, `\B` never matches in an empty string, and
 * IGNORECASE is sre's rule (İ, ı, I and i are one letter, as are ſ/s, K/k, µ/μ; see nlp/py-case.ts), matched in the
 * lowered text instead of with JS's `i` flag. Known remaining difference: after an empty match JS resumes one code
 * point later where Python may retry a non-empty match at the same position (only lazy patterns that can match empty).
 */

/** Bounds on the accepted regex subset (see the comment above). */
export const PATTERN_LIMITS = { maxLength: 200, maxBacktracking: 256 } as const;

const WORD = '\\p{L}\\p{N}_';
const WS = [...PY_WHITESPACE].map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join('');
const BOUNDARY = `(?:(?<=[${WORD}])(?![${WORD}])|(?<![${WORD}])(?=[${WORD}]))`;

/** JS (u flag) sources for Python `re` pieces that upstream puts around a kwarg pattern. */
export const PY_RE = { s: `[${WS}]`, d: '\\p{Nd}', b: BOUNDARY } as const;
// Python's \B never matches in an empty string (sre checks that first); elsewhere: both sides word or both not.
const NON_BOUNDARY = `(?!(?<![\\s\\S])(?![\\s\\S]))(?:(?<=[${WORD}])(?=[${WORD}])|(?<![${WORD}])(?![${WORD}]))`;

const ATOM_ESCAPES: Readonly<Record<string, string>> = {
  d: '\\p{Nd}', D: '\\P{Nd}', w: `[${WORD}]`, W: `[^${WORD}]`, s: `[${WS}]`, S: `[^${WS}]`,
  n: '\\n', t: '\\t', r: '\\r', f: '\\f', v: '\\v',
};
const CLASS_ESCAPES: Readonly<Record<string, string>> = {
  d: '\\p{Nd}', D: '\\P{Nd}', w: WORD, s: WS, n: '\\n', t: '\\t', r: '\\r', f: '\\f', v: '\\v', b: '\\u{8}',
};
// Characters that need a backslash in a u-mode pattern; "-" is escapable (and needs it) only inside a class.
const SYNTAX = new Set('^$\\.*+?()[]{}|/');

/** A kwarg that cannot be run safely or is not a valid pattern; the message says why and what to do. */
export class PatternError extends Error {}

function lit(ch: string): string {
  return SYNTAX.has(ch) ? '\\' + ch : ch;
}

function classLit(ch: string): string {
  return SYNTAX.has(ch) || ch === '-' ? '\\' + ch : ch;
}

function unsupported(what: string, why = 'a crafted pattern could hang the checker'): never {
  throw new PatternError(`uses ${what}, which ifkit does not run because ${why}; use plain words`);
}

type ClassItem = { readonly lo: number; readonly hi: number } | { readonly src: string };

/** One class item at `i` (an escape or a character): [item, next index]. */
function classItem(cps: readonly string[], i: number): [ClassItem, number] | undefined {
  const c = cps[i];
  if (c === undefined) return undefined;
  if (c !== '\\') return [{ lo: c.codePointAt(0)!, hi: c.codePointAt(0)! }, i + 1];
  const n = cps[i + 1];
  if (n === undefined) return undefined;
  if (n === 'b') return [{ lo: 8, hi: 8 }, i + 2];
  if (n in CLASS_ESCAPES) return [{ src: CLASS_ESCAPES[n]! }, i + 2];
  if (/[\p{L}\p{N}]/u.test(n)) unsupported(`the escape \\${n} inside a character class`);
  return [{ lo: n.codePointAt(0)!, hi: n.codePointAt(0)! }, i + 2];
}

const classChar = (cp: number): string => classLit(String.fromCodePoint(cp));

/** Sorted code points as class ranges (`a-c` for runs of three or more). */
function rangesSource(cps: readonly number[]): string {
  let out = '';
  for (let k = 0; k < cps.length; ) {
    let j = k;
    while (j + 1 < cps.length && cps[j + 1] === cps[j]! + 1) j++;
    out += j - k >= 2 ? `${classChar(cps[k]!)}-${classChar(cps[j]!)}` : cps.slice(k, j + 1).map(classChar).join('');
    k = j + 1;
  }
  return out;
}

/**
 * A Python character set → a JS class. Under IGNORECASE (`caseless`) every member becomes sre's lower(member) and
 * its extra cases, to be tested against the lowered text (see nlp/py-case.ts), as sre's charset fixup does.
 */
function translateClass(cps: readonly string[], start: number, caseless: boolean): [string, number] {
  let i = start + 1;
  const negate = cps[i] === '^';
  if (negate) i++;
  const items: ClassItem[] = [];
  for (let first = true; i < cps.length; first = false) {
    if (cps[i] === ']' && !first) {
      const escapes = items.flatMap((it) => ('src' in it ? [it.src] : []));
      const ranges = items.flatMap((it) => ('src' in it ? [] : [it]));
      let members: string;
      if (caseless) {
        const set = new Set<number>();
        for (const r of ranges) {
          if (r.hi > 0xffff) unsupported('a character range beyond U+FFFF under IGNORECASE');
          for (let cp = r.lo; cp <= r.hi; cp++) for (const m of pyCaselessMembers(cp)) set.add(m);
        }
        members = rangesSource([...set].sort((a, b) => a - b));
      } else members = ranges.map((r) => (r.lo === r.hi ? classChar(r.lo) : `${classChar(r.lo)}-${classChar(r.hi)}`)).join('');
      return [`[${negate ? '^' : ''}${members}${escapes.join('')}]`, i + 1];
    }
    const got = classItem(cps, i);
    if (!got) break;
    const [item, next] = got;
    i = next;
    // A range: a character, "-", and a character that does not close the set.
    if ('lo' in item && cps[i] === '-' && cps[i + 1] !== undefined && cps[i + 1] !== ']') {
      const end = classItem(cps, i + 1);
      if (!end) break;
      const [hiItem, after] = end;
      if (!('lo' in hiItem) || hiItem.lo < item.lo) {
        throw new PatternError(`is not a valid Python pattern: bad character range ${cps.slice(i - 1, after).join('')} (Python's re raises re.error, so upstream's check fails)`);
      }
      items.push({ lo: item.lo, hi: hiItem.lo });
      i = after;
    } else items.push(item);
  }
  throw new PatternError('has an unterminated character set "["; close it with "]" or escape the bracket');
}

/** A literal outside a class: under IGNORECASE a cased one becomes the class of what sre accepts for it. */
function literal(ch: string, caseless: boolean): string {
  const cp = ch.codePointAt(0)!;
  const set = caseless ? pyCaselessSet(cp) : [cp];
  return set.length === 1 ? lit(String.fromCodePoint(set[0]!)) : `[${rangesSource([...set].sort((a, b) => a - b))}]`;
}

const QUANT = /^\{(\d*)(?:(,)(\d*))?\}/;

/** A repeat at `i` (`?`, `*`, `+`, or `{m}`, `{m,}`, `{,n}`, `{m,n}`, `{,}`); `{` starting no repeat is a literal. */
function quantifierAt(cps: readonly string[], i: number): { min: number; max: number; len: number } | undefined {
  const c = cps[i];
  if (c === '?') return { min: 0, max: 1, len: 1 };
  if (c === '*') return { min: 0, max: Infinity, len: 1 };
  if (c === '+') return { min: 1, max: Infinity, len: 1 };
  if (c !== '{') return undefined;
  const m = QUANT.exec(cps.slice(i, i + 24).join(''));
  if (!m || (m[1] === '' && m[2] === undefined)) return undefined;
  const min = m[1] === '' ? 0 : Number(m[1]);
  const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
  return { min, max, len: m[0].length };
}

/** A pattern Python's re rejects: upstream's re.findall raises re.error, so its reward call fails. */
function pyInvalid(reason: string, position: number): never {
  throw new PatternError(`is not a valid Python pattern (re.error: ${reason} at position ${position}); upstream's re call raises on it, so its reward call fails`);
}

/** What a "(" opens, named for the refusal (all valid Python, none in the subset ifkit runs). */
function groupKind(cps: readonly string[], i: number): string {
  const head = cps.slice(i, i + 4).join('');
  if (head.startsWith('(?>')) return 'the atomic group "(?>…)" (Python 3.11+)';
  if (/^\(\?[aiLmsux-]+:/.test(cps.slice(i, i + 12).join(''))) return 'scoped inline flags "(?flags:…)"';
  if (/^\(\?[aiLmsux]+\)/.test(cps.slice(i, i + 12).join(''))) return 'inline flags "(?flags)"';
  if (head.startsWith('(?<=') || head.startsWith('(?<!') || head.startsWith('(?=') || head.startsWith('(?!')) return 'a lookaround';
  return 'groups or alternation';
}

/** Python-syntax pattern → JS source (u flag; caseless: for the lowered text), or PatternError. */
function translate(pattern: string, caseless: boolean): string {
  // First what Python says: a pattern it rejects is refused as such, not as merely unsupported.
  const error = pyRegexError(pattern);
  if (error) throw new PatternError(`is not a valid Python pattern (re.error: ${error}); upstream's re call raises on it, so its reward call fails`);
  const cps = [...pattern];
  if (cps.length > PATTERN_LIMITS.maxLength) throw new PatternError(`is longer than ${PATTERN_LIMITS.maxLength} characters`);
  let out = '';
  let canRepeat = false;
  let justRepeated = false;
  let branching = 1;
  // The shortest match's length, and whether a repeat is lazy: see the check after the loop.
  let minLength = 0;
  let lazy = false;
  for (let i = 0; i < cps.length; ) {
    const c = cps[i]!;
    if (c === '\\') {
      const n = cps[i + 1];
      if (n === undefined) pyInvalid('bad escape (end of pattern)', i);
      i += 2;
      justRepeated = false;
      if (n === 'b' || n === 'B') (out += n === 'b' ? BOUNDARY : NON_BOUNDARY), (canRepeat = false);
      else if (n in ATOM_ESCAPES) (out += ATOM_ESCAPES[n]), (canRepeat = true), minLength++;
      else if (/[\p{L}\p{N}]/u.test(n)) unsupported(`the escape \\${n}`);
      else (out += literal(n, caseless)), (canRepeat = true), minLength++;
      continue;
    }
    if (c === '.') {
      (out += '[^\\n]'), (canRepeat = true), (justRepeated = false), minLength++, i++;
      continue;
    }
    if (c === '[') {
      const [src, next] = translateClass(cps, i, caseless);
      (out += src), (i = next), (canRepeat = true), (justRepeated = false), minLength++;
      continue;
    }
    const q = quantifierAt(cps, i);
    if (q) {
      // What Python's parser says of a repeat with nothing before it: the pattern does not compile upstream.
      if (!canRepeat) pyInvalid(justRepeated ? 'multiple repeat' : 'nothing to repeat', i);
      const text = cps.slice(i, i + q.len).join('');
      if (cps[i + q.len] === '+') unsupported(`the possessive repeat "${text}+" (valid in Python 3.11+)`);
      if (q.max === Infinity) unsupported(`the unbounded repeat "${text}"${text === '{,}' ? ' (Python reads a{,} as a*)' : ''}`);
      if (q.max < q.min) pyInvalid('min repeat greater than max repeat', i + 1);
      i += q.len;
      branching *= q.max - q.min + 1;
      if (branching > PATTERN_LIMITS.maxBacktracking) unsupported('too many optional or ranged repeats');
      out += text === '?' ? '?' : `{${q.min},${q.max}}`;
      minLength += q.min - 1;
      if (cps[i] === '?') (out += '?'), (lazy = true), i++;
      (canRepeat = false), (justRepeated = true);
      continue;
    }
    if (c === '(') unsupported(groupKind(cps, i));
    if (c === '|' || c === ')') unsupported('groups or alternation');
    if ('^$'.includes(c)) unsupported(`the anchor "${c}"`);
    (out += literal(c, caseless)), (canRepeat = true), (justRepeated = false), minLength++, i++;
  }
  // After an empty match Python tries a non-empty one at the same position and JS moves on, so a lazy pattern
  // that can match empty ("x{,2}?") would be counted differently.
  if (lazy && minLength === 0) unsupported('a lazy repeat in a pattern that can match the empty string', "Python's findall and JavaScript's count its empty matches differently");
  return out;
}

/** Why `pattern` cannot be used as a regex kwarg, or undefined when it can. */
export function kwargPatternProblem(pattern: string): string | undefined {
  try {
    compileKwargPattern(pattern, { ignoreCase: false });
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

export interface PatternOptions {
  /** Python `re.IGNORECASE`. */
  readonly ignoreCase: boolean;
  /** Fixed JS-source pieces upstream puts before and after the kwarg (e.g. `\b`, built from `PY_RE`). */
  readonly around?: readonly [string, string];
}

/** A compiled kwarg pattern; a caseless one is matched against `pyLowerText(text)` (hasMatch and countMatches do it). */
export type KwargRegExp = RegExp & { readonly pyCaseless?: boolean };

const cache = new Map<string, KwargRegExp>();

// A response is checked against several keywords in a row: lower it once.
let lastText: string | undefined;
let lastLowered = '';
function subjectOf(re: KwargRegExp, text: string): string {
  if (!re.pyCaseless) return text;
  if (text !== lastText) (lastLowered = pyLowerText(text)), (lastText = text);
  return lastLowered;
}
// `around` pairs are module constants in practice; a small id per pair keeps cache keys short.
const aroundIds = new WeakMap<readonly [string, string], number>();
let nextAroundId = 1;

function cacheKey(pattern: string, opts: PatternOptions): string {
  let around = 0;
  if (opts.around) {
    around = aroundIds.get(opts.around) ?? nextAroundId++;
    aroundIds.set(opts.around, around);
  }
  return `${opts.ignoreCase ? 'i' : 'c'}${around}\u0000${pattern}`;
}

/**
 * A global RegExp with Python `re` semantics for a kwarg used as a raw pattern (memoised; reset `lastIndex`).
 * @example countMatches(compileKwargPattern('cat', { ignoreCase: true }), 'Cat category') // 2
 */
export function compileKwargPattern(pattern: string, opts: PatternOptions): KwargRegExp {
  const [before, after] = opts.around ?? ['', ''];
  const key = cacheKey(pattern, opts);
  const hit = cache.get(key);
  if (hit) return hit;
  const body = translate(pattern, opts.ignoreCase);
  const source = opts.around ? `${before}(?:${body})${after}` : body;
  let re: KwargRegExp;
  try {
    // Never JS's `i` flag: IGNORECASE is sre's rule, applied to the lowered text (nlp/py-case.ts).
    re = Object.assign(new RegExp(source, 'gu'), { pyCaseless: opts.ignoreCase });
  } catch (e) {
    throw new PatternError(`is not a valid regular expression (${(e as Error).message})`);
  }
  return rememberBounded(cache, key, re, 1000);
}

/** Python `bool(re.search(...))`. */
export function hasMatch(re: KwargRegExp, text: string): boolean {
  re.lastIndex = 0;
  const found = re.test(subjectOf(re, text));
  re.lastIndex = 0;
  return found;
}

/** Python `len(re.findall(...))` (non-overlapping, empty matches included). */
export function countMatches(re: KwargRegExp, original: string): number {
  const text = subjectOf(re, original);
  re.lastIndex = 0;
  let n = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    n++;
    if (m[0] === '') {
      const cp = text.codePointAt(m.index);
      re.lastIndex = m.index + (cp !== undefined && cp > 0xffff ? 2 : 1);
      if (re.lastIndex > text.length) break;
    }
  }
  re.lastIndex = 0;
  return n;
}

const PY_META = /[.^$*+?{}[\]\\|()]/;
/**
 * Python `bool(re.search(r"\b" + pattern + r"\b", text, re.IGNORECASE))`. A literal pattern is searched as a
 * literal and its word boundaries checked by hand at each occurrence (overlapping ones included), which is much
 * faster than running the lookbehind at every position; other patterns run the translated regex.
 */
export function hasWholeWordMatch(pattern: string, text: string): boolean {
  if (PY_META.test(pattern)) return hasMatch(compileKwargPattern(pattern, { ignoreCase: true, around: WORD_BOUNDS }), text);
  const re = compileKwargPattern(pattern, { ignoreCase: true });
  const lowered = subjectOf(re, text);
  re.lastIndex = 0;
  try {
    for (let m = re.exec(lowered); m !== null; m = re.exec(lowered)) {
      if (pyWordBoundary(text, m.index) && pyWordBoundary(text, m.index + m[0].length)) return true;
      // Retry one code point later (u-mode exec moves an index inside a surrogate pair back to its start).
      re.lastIndex = m.index + (text.codePointAt(m.index)! > 0xffff ? 2 : 1);
    }
    return false;
  } finally {
    re.lastIndex = 0;
  }
}

const WORD_BOUNDS = [BOUNDARY, BOUNDARY] as const;
