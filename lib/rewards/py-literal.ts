/**
 * A reader for Python literals, the subset `ast.literal_eval` accepts that reward labels use: str, int, float,
 * True/False/None, list, tuple, dict and set. open-instruct stores IF labels as `str([{...}])`, i.e. Python repr.
 * None becomes null, tuples and sets become arrays.
 */

/** Thrown for text that is not a Python literal; names the offset and what was found there. */
export class PyLiteralError extends Error {
  constructor(readonly text: string, readonly offset: number, what: string) {
    super(`not a Python literal at offset ${offset} (${JSON.stringify(text.slice(offset, offset + 20))}): ${what}`);
    this.name = 'PyLiteralError';
  }
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\', "'": "'", '"': '"', n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '',
};

class Reader {
  i = 0;
  constructor(readonly s: string) {}

  fail(what: string): never {
    throw new PyLiteralError(this.s, this.i, what);
  }

  skip(): void {
    while (this.i < this.s.length) {
      const c = this.s[this.i]!;
      if (c === '#') while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
      else if (' \t\n\r\f\v'.includes(c)) this.i++;
      else break;
    }
  }

  value(): unknown {
    this.skip();
    const c = this.s[this.i];
    if (c === undefined) this.fail('unexpected end of text');
    if (c === '[') return this.sequence('[', ']');
    if (c === '(') {
      const items = this.sequence('(', ')', true);
      return items;
    }
    if (c === '{') return this.braces();
    if (c === "'" || c === '"' || /[rRuU]/.test(c) && /['"]/.test(this.s[this.i + 1] ?? '')) return this.strings();
    if (/[-+0-9.]/.test(c)) return this.number();
    const word = /^[A-Za-z_]\w*/.exec(this.s.slice(this.i))?.[0];
    if (word === 'True' || word === 'False' || word === 'None') {
      this.i += word.length;
      return word === 'True' ? true : word === 'False' ? false : null;
    }
    return this.fail(word ? `name ${word} is not a literal` : `unexpected character ${JSON.stringify(c)}`);
  }

  sequence(open: string, close: string, tuple = false): unknown[] {
    this.i++; // open
    const items: unknown[] = [];
    for (;;) {
      this.skip();
      if (this.s[this.i] === close) { this.i++; return items; }
      items.push(this.value());
      this.skip();
      if (this.s[this.i] === ',') { this.i++; continue; }
      if (this.s[this.i] === close) { this.i++; return items; }
      this.fail(`expected ',' or '${close}'${tuple ? ' in a tuple' : ''}`);
    }
  }

  braces(): unknown {
    this.i++; // {
    const dict: Record<string, unknown> = {};
    const set: unknown[] = [];
    let kind: 'dict' | 'set' | null = null;
    for (;;) {
      this.skip();
      if (this.s[this.i] === '}') { this.i++; return kind === 'set' ? set : dict; }
      const key = this.value();
      this.skip();
      if (this.s[this.i] === ':' && kind !== 'set') {
        kind = 'dict';
        this.i++;
        if (typeof key !== 'string' && typeof key !== 'number') this.fail('ifkit reads only str or int dict keys');
        dict[String(key)] = this.value();
      } else if (kind !== 'dict') {
        kind = 'set';
        set.push(key);
      } else this.fail("expected ':' in a dict");
      this.skip();
      if (this.s[this.i] === ',') { this.i++; continue; }
      if (this.s[this.i] !== '}') this.fail("expected ',' or '}'");
    }
  }

  /** Adjacent literals concatenate, as in Python ('a' 'b' == 'ab'). */
  strings(): string {
    let out = this.string();
    for (;;) {
      const save = this.i;
      this.skip();
      const c = this.s[this.i];
      if (c === "'" || c === '"' || (c && /[rRuU]/.test(c) && /['"]/.test(this.s[this.i + 1] ?? ''))) out += this.string();
      else { this.i = save; return out; }
    }
  }

  string(): string {
    let raw = false;
    while (/[rRuU]/.test(this.s[this.i]!)) { if (/[rR]/.test(this.s[this.i]!)) raw = true; this.i++; }
    const q = this.s[this.i]!;
    const triple = this.s.startsWith(q.repeat(3), this.i);
    const end = triple ? q.repeat(3) : q;
    this.i += end.length;
    let out = '';
    for (;;) {
      if (this.i >= this.s.length) this.fail('unterminated string');
      if (this.s.startsWith(end, this.i)) { this.i += end.length; return out; }
      const c = this.s[this.i]!;
      if (c === '\n' && !triple) this.fail('newline in a single-quoted string');
      if (c !== '\\') { out += c; this.i++; continue; }
      const e = this.s[this.i + 1] ?? '';
      if (raw) { out += c + e; this.i += 2; continue; }
      out += this.escape(e);
    }
  }

  escape(e: string): string {
    if (e in SIMPLE_ESCAPES) { this.i += 2; return SIMPLE_ESCAPES[e]!; }
    const len = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (len) {
      const hex = this.s.slice(this.i + 2, this.i + 2 + len);
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) this.fail(`truncated \\${e} escape`);
      this.i += 2 + len;
      return String.fromCodePoint(parseInt(hex, 16));
    }
    const oct = /^[0-7]{1,3}/.exec(this.s.slice(this.i + 1))?.[0];
    if (oct) { this.i += 1 + oct.length; return String.fromCodePoint(parseInt(oct, 8)); }
    // Python keeps unknown escapes as backslash + character.
    this.i += 2;
    return `\\${e}`;
  }

  number(): number {
    const m = /^[-+]?\s*(?:\d[\d_]*\.?[\d_]*(?:[eE][-+]?\d+)?|\.\d[\d_]*(?:[eE][-+]?\d+)?)/.exec(this.s.slice(this.i));
    if (!m) this.fail('malformed number');
    this.i += m[0].length;
    return Number(m[0].replace(/[\s_]/g, ''));
  }
}

/** Python `ast.literal_eval` for the literal subset above. @example parsePyLiteral("[{'a': None}]") // [{ a: null }] */
export function parsePyLiteral(text: string): unknown {
  const r = new Reader(text);
  const v = r.value();
  r.skip();
  if (r.i !== text.length) r.fail('trailing text after the literal');
  return v;
}
