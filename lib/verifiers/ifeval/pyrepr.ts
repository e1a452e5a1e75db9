/**
 * Python `repr` of the values upstream formats into instruction texts (`str.format` of a list or tuple of str),
 * so `describe` writes byte-identical descriptions.
 */

/** Python `repr(s)` for a str: single quotes unless the text has `'` and no `"`; escapes as CPython does. */
export function pyReprStr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (!isPrintable(ch)) out += escapeNonPrintable(cp);
    else out += ch;
  }
  return out + quote;
}

// Python's str.isprintable(): not in categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs (except the ASCII space).
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

function isPrintable(ch: string): boolean {
  return ch === ' ' || !NON_PRINTABLE.test(ch);
}

function escapeNonPrintable(cp: number): string {
  if (cp <= 0xff) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp <= 0xffff) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

/** Python `repr(list_of_str)`: `['a', 'b']`. */
export function pyReprList(items: readonly string[]): string {
  return '[' + items.map(pyReprStr).join(', ') + ']';
}

/** Python `repr(tuple_of_str)`: `('a', 'b')` (a one-element tuple gets its trailing comma). */
export function pyReprTuple(items: readonly string[]): string {
  return '(' + items.map(pyReprStr).join(', ') + (items.length === 1 ? ',)' : ')');
}

/** Python `sorted()` of str: by code point, not by UTF-16 unit as JS `sort()` does. */
export function pySorted(items: readonly string[]): string[] {
  return [...items].sort((a, b) => {
    const x = [...a];
    const y = [...b];
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
      if (d !== 0) return d;
    }
    return x.length - y.length;
  });
}
