/**
 * Python `re` patterns run in JavaScript. Several IFEvalG kwargs (keywords, phrase words) are used upstream as raw
 * regexes, and Python's `\w`, `\b`, `\s`, `.` and `$` differ from JS's; this translates the common subset and refuses
 * the rest loudly instead of matching something else. See docs/python-vs-js.md.
 */
import { PY_WHITESPACE } from '../nlp/pytext';

const WORD = '\\p{L}\\p{N}_';
const SPACE = [...PY_WHITESPACE].map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join('');
const SYNTAX = '^$\\.*+?()[]{}|/';

/** Thrown for a pattern Python would reject, or whose Python meaning this translator does not cover. */
export class PyRegexError extends Error {
  constructor(readonly pattern: string, reason: string) {
    super(`Python regex ${JSON.stringify(pattern)}: ${reason}`);
    this.name = 'PyRegexError';
  }
}

/** A translated pattern: the JS source and the number of capturing groups (Python findall returns groups). */
export interface PyPattern {
  readonly source: string;
  readonly groups: number;
  readonly regex: RegExp;
}

/** JS with the u flag allows identity escapes only for syntax characters (and `-` inside a class). */
function escapeLiteral(c: string, inClass: boolean): string {
  return SYNTAX.includes(c) || (inClass && c === '-') ? `\\${c}` : c;
}

/** Translate one escape (`\` already consumed); returns [js, charsConsumed]. */
function translateEscape(p: string, i: number, inClass: boolean, pattern: string): [string, number] {
  const c = p[i];
  if (c === undefined) throw new PyRegexError(pattern, 'ends with a lone backslash');
  switch (c) {
    case 'd': return [inClass ? '\\p{Nd}' : '\\p{Nd}', 1];
    case 'w': return [inClass ? WORD : `[${WORD}]`, 1];
    case 's': return [inClass ? SPACE : `[${SPACE}]`, 1];
    case 'D': case 'W': case 'S':
      if (inClass) throw new PyRegexError(pattern, `\\${c} inside a character class is not supported`);
      return [c === 'D' ? '\\P{Nd}' : c === 'W' ? `[^${WORD}]` : `[^${SPACE}]`, 1];
    case 'b':
      if (inClass) return ['\\x08', 1];
      return [`(?:(?<=[${WORD}])(?![${WORD}])|(?<![${WORD}])(?=[${WORD}]))`, 1];
    case 'B':
      if (inClass) throw new PyRegexError(pattern, 'bad escape \\B in a character class');
      return [`(?:(?<=[${WORD}])(?=[${WORD}])|(?<![${WORD}])(?![${WORD}]))`, 1];
    case 'A': return ['(?<![\\s\\S])', 1];
    case 'Z': return ['(?![\\s\\S])', 1];
    case 'n': case 't': case 'r': case 'f': case 'v': return [`\\${c}`, 1];
    case 'a': return ['\\x07', 1];
    case 'x': {
      const hex = p.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new PyRegexError(pattern, 'incomplete \\x escape');
      return [`\\x${hex}`, 3];
    }
    case 'u': {
      const hex = p.slice(i + 1, i + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new PyRegexError(pattern, 'incomplete \\u escape');
      return [`\\u{${hex}}`, 5];
    }
    case 'U': {
      const hex = p.slice(i + 1, i + 9);
      if (!/^[0-9a-fA-F]{8}$/.test(hex)) throw new PyRegexError(pattern, 'incomplete \\U escape');
      return [`\\u{${hex.replace(/^0+(?=.)/, '')}}`, 9];
    }
  }
  if (/[1-9]/.test(c) && !inClass) {
    const m = /^[1-9][0-9]?/.exec(p.slice(i))!;
    return [`\\${m[0]}`, m[0].length];
  }
  if (/[0-9]/.test(c)) throw new PyRegexError(pattern, 'octal escapes are not supported');
  if (/[A-Za-z]/.test(c)) throw new PyRegexError(pattern, `bad escape \\${c}`);
  // Python reads an escaped non-letter as itself; JS with the u flag allows only syntax characters.
  const cp = String.fromCodePoint(p.codePointAt(i)!);
  return [escapeLiteral(cp, inClass), cp.length];
}

function translateClass(p: string, start: number, pattern: string): [string, number] {
  let i = start + 1;
  let out = '[';
  if (p[i] === '^') { out += '^'; i++; }
  if (p[i] === ']') { out += '\\]'; i++; }
  while (i < p.length && p[i] !== ']') {
    const c = p[i]!;
    if (c === '\\') {
      const [js, n] = translateEscape(p, i + 1, true, pattern);
      out += js;
      i += 1 + n;
    } else if (c === '[') {
      out += '\\[';
      i++;
    } else {
      const cp = String.fromCodePoint(p.codePointAt(i)!);
      out += cp;
      i += cp.length;
    }
  }
  if (i >= p.length) throw new PyRegexError(pattern, 'unterminated character set');
  return [`${out}]`, i + 1 - start];
}

const QUANTIFIER = /^\{(\d*)(,?)(\d*)\}/;

/** Translate a Python `re` pattern (no inline flags) to a JS RegExp with the `u` and `g` flags. */
export function compilePyRegex(pattern: string, opts: { ignoreCase?: boolean; multiline?: boolean } = {}): PyPattern {
  let p = pattern;
  let ignoreCase = opts.ignoreCase ?? false;
  if (p.startsWith('(?i)')) { ignoreCase = true; p = p.slice(4); }
  let out = '';
  let groups = 0;
  for (let i = 0; i < p.length; ) {
    const c = p[i]!;
    if (c === '\\') {
      const [js, n] = translateEscape(p, i + 1, false, pattern);
      out += js;
      i += 1 + n;
    } else if (c === '[') {
      const [js, n] = translateClass(p, i, pattern);
      out += js;
      i += n;
    } else if (c === '(') {
      const rest = p.slice(i);
      const named = /^\(\?P<([A-Za-z_]\w*)>/.exec(rest);
      const backref = /^\(\?P=([A-Za-z_]\w*)\)/.exec(rest);
      if (named) { out += `(?<${named[1]}>`; groups++; i += named[0].length; }
      else if (backref) { out += `\\k<${backref[1]}>`; i += backref[0].length; }
      else if (rest.startsWith('(?#')) { const end = p.indexOf(')', i); if (end < 0) throw new PyRegexError(pattern, 'unterminated comment'); i = end + 1; }
      else if (/^\(\?(?:[:=!]|<[=!])/.test(rest)) { const m = /^\(\?(?:[:=!]|<[=!])/.exec(rest)!; out += m[0]; i += m[0].length; }
      else if (rest.startsWith('(?')) throw new PyRegexError(pattern, 'inline flags and conditionals are not supported');
      else { out += '('; groups++; i++; }
    } else if (c === '{') {
      const q = QUANTIFIER.exec(p.slice(i));
      // Python reads `{` that does not open a valid quantifier as a literal; JS (u flag) rejects it.
      if (q && (q[1] !== '' || q[3] !== '') && !(q[2] === '' && q[3] !== '')) {
        out += `{${q[1] || '0'}${q[2]}${q[3]}}`;
        i += q[0].length;
      } else { out += '\\{'; i++; }
    } else if (c === '}' || c === ']') { out += `\\${c}`; i++; }
    else if (c === '.') { out += '[^\\n]'; i++; }
    else if (c === '$') { out += opts.multiline ? '(?=\\n|(?![\\s\\S]))' : '(?=\\n?(?![\\s\\S]))'; i++; }
    else if (c === '^') { out += opts.multiline ? '(?:(?<![\\s\\S])|(?<=\\n))' : '(?<![\\s\\S])'; i++; }
    else { const cp = String.fromCodePoint(p.codePointAt(i)!); out += cp; i += cp.length; }
  }
  let regex: RegExp;
  try {
    regex = new RegExp(out, ignoreCase ? 'giu' : 'gu');
  } catch (e) {
    throw new PyRegexError(pattern, `not a valid pattern (${(e as Error).message})`);
  }
  return { source: out, groups, regex };
}

/** Python `re.findall`: whole matches without groups, group 1 with one group; tuples are not supported. */
export function pyFindall(pat: PyPattern, text: string): string[] {
  if (pat.groups > 1) throw new PyRegexError(pat.source, 'findall with several groups returns tuples; not supported');
  const out: string[] = [];
  for (const m of text.matchAll(pat.regex)) out.push(pat.groups === 1 ? (m[1] ?? '') : m[0]);
  return out;
}

/** Number of non-overlapping matches (`len(re.findall(...))`). */
export function pyCountMatches(pat: PyPattern, text: string): number {
  let n = 0;
  for (const _ of text.matchAll(pat.regex)) n++;
  return n;
}

/** True if `pattern` compiles; for zod refinements on regex-valued kwargs. */
export function isPyRegex(pattern: string): boolean {
  try {
    compilePyRegex(pattern);
    return true;
  } catch {
    return false;
  }
}

const CACHE = new Map<string, PyPattern>();
const CACHE_LIMIT = 512;

/** `compilePyRegex` memoised by pattern and flags (checkers see the same kwargs on every response). */
export function cachedPyRegex(pattern: string, opts: { ignoreCase?: boolean; multiline?: boolean } = {}): PyPattern {
  const key = `${opts.ignoreCase ? 'i' : '-'}${opts.multiline ? 'm' : '-'}${pattern}`;
  let hit = CACHE.get(key);
  if (!hit) {
    hit = compilePyRegex(pattern, opts);
    if (CACHE.size >= CACHE_LIMIT) CACHE.delete(CACHE.keys().next().value!);
    CACHE.set(key, hit);
  }
  return hit;
}
