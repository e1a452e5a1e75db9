/**
 * Python's `repr` for the values reward labels hold (str, int, float, bool, None, list, dict): the inverse of
 * py-literal.ts, so a label ifkit writes reads back with open-instruct's `ast.literal_eval` as upstream wrote it.
 */

// str.isprintable() is false for these (and for every space separator but ' ').
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}\p{Cs}]/u;

function escapeChar(c: string): string {
  const cp = c.codePointAt(0)!;
  if (c === ' ' || !NON_PRINTABLE.test(c)) return c;
  if (cp < 0x100) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp < 0x10000) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\U${cp.toString(16).padStart(8, '0')}`;
}

/** Python's repr of a str: single quotes unless the text has ' and no ". @example pyStrRepr("it's") // "\"it's\"" */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const c of s) {
    if (c === '\\') out += '\\\\';
    else if (c === quote) out += `\\${quote}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else out += escapeChar(c);
  }
  return out + quote;
}

/**
 * Python's repr of a JSON-like value (integers print without a decimal point: JavaScript cannot tell 1 from 1.0).
 * @example pyRepr([{ instruction_id: ['punctuation:no_comma'], kwargs: [null] }]) // "[{'instruction_id': ['punctuation:no_comma'], 'kwargs': [None]}]"
 */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return pyStrRepr(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`pyRepr: ${value} has no Python literal (ast.literal_eval rejects nan and inf)`);
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyStrRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
  }
  throw new Error(`pyRepr: cannot write a ${typeof value} as a Python literal`);
}
