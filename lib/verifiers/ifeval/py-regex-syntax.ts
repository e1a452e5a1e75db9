/**
 * Whether CPython 3.11's `re` compiles a pattern, and if not, its error: checked before ifkit decides what it runs,
 * so that a refusal says the truth (a pattern Python rejects makes upstream's re call raise; one it accepts is merely
 * outside ifkit's linear-time subset). Covers the errors a kwarg realistically meets: nothing to repeat, multiple
 * repeat, min > max, bad character range, unterminated set, unbalanced parentheses, global flags not at the start,
 * a look-behind that is not fixed-width, and a trailing backslash.
 */

type Prev = 'none' | 'assert' | 'atom' | 'repeat';

const QUANT = /^\{(\d*)(?:(,)(\d*))?\}/;

interface Frame {
  readonly lookbehind: boolean;
  readonly start: number;
  /** Fixed width of the current branch so far, or null when not fixed. */
  width: number | null;
  branchWidths: Array<number | null>;
}

/** The re.error message CPython 3.11 would raise for `pattern`, or undefined when it compiles. */
export function pyRegexError(pattern: string): string | undefined {
  const cps = [...pattern];
  const stack: Frame[] = [{ lookbehind: false, start: 0, width: 0, branchWidths: [] }];
  let prev: Prev = 'none';
  let lastWidth = 0;
  const top = (): Frame => stack[stack.length - 1]!;
  const addWidth = (w: number | null): void => {
    const f = top();
    f.width = f.width === null || w === null ? null : f.width + w;
    lastWidth = w ?? 0;
  };
  for (let i = 0; i < cps.length; ) {
    const c = cps[i]!;
    if (c === '\\') {
      const n = cps[i + 1];
      if (n === undefined) return 'bad escape (end of pattern) at position ' + i;
      i += 2;
      if ('bBAZ'.includes(n)) (prev = 'assert'), addWidth(0);
      else (prev = 'atom'), addWidth(1);
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      if (cps[j] === '^') j++;
      if (cps[j] === ']') j++;
      while (j < cps.length && cps[j] !== ']') j += cps[j] === '\\' ? 2 : 1;
      if (j >= cps.length) return `unterminated character set at position ${i}`;
      for (let k = i + 1; k + 2 < j; k++) {
        if (cps[k + 1] === '-' && cps[k] !== '\\' && cps[k + 2] !== '\\' && cps[k + 2] !== ']' && cps[k + 2]!.codePointAt(0)! < cps[k]!.codePointAt(0)!) {
          return `bad character range ${cps[k]}-${cps[k + 2]} at position ${k}`;
        }
      }
      (i = j + 1), (prev = 'atom'), addWidth(1);
      continue;
    }
    const q = c === '?' || c === '*' || c === '+' ? { min: c === '+' ? 1 : 0, max: c === '?' ? 1 : Infinity, len: 1 } : c === '{' ? quant(cps, i) : undefined;
    if (q) {
      if (prev === 'none' || prev === 'assert') return `nothing to repeat at position ${i}`;
      if (prev === 'repeat') return `multiple repeat at position ${i}`;
      if (q.max < q.min) return `min repeat greater than max repeat at position ${i + 1}`;
      const f = top();
      if (f.width !== null) f.width = q.min === q.max ? f.width - lastWidth + lastWidth * q.min : null;
      i += q.len;
      // One lazy (?) or possessive (+, Python 3.11+) suffix is part of the repeat.
      if (cps[i] === '?' || cps[i] === '+') i++;
      prev = 'repeat';
      continue;
    }
    if (c === '(') {
      const rest = cps.slice(i, i + 16).join('');
      const flags = /^\(\?[aiLmsux]+\)/.exec(rest);
      if (flags) {
        if (i !== 0) return `global flags not at the start of the expression at position ${i}`;
        (i += flags[0].length), (prev = 'none');
        continue;
      }
      const opener = /^\(\?(?:<[=!]|[:=!>]|P<\w+>|[aiLmsux-]+:)?|^\(/.exec(rest)![0];
      stack.push({ lookbehind: /^\(\?<[=!]/.test(opener), start: i, width: 0, branchWidths: [] });
      (i += opener.length), (prev = 'none');
      continue;
    }
    if (c === '|') {
      const f = top();
      f.branchWidths.push(f.width);
      (f.width = 0), (prev = 'none'), i++;
      continue;
    }
    if (c === ')') {
      if (stack.length === 1) return `unbalanced parenthesis at position ${i}`;
      const f = stack.pop()!;
      const widths = [...f.branchWidths, f.width];
      const fixed = widths.every((w) => w !== null && w === widths[0]);
      if (f.lookbehind && !fixed) return 'look-behind requires fixed-width pattern';
      i++;
      // A lookaround can be repeated in Python (unlike ^, $ or \b); it takes no width.
      const lookaround = f.lookbehind || /^\(\?[=!]/.test(cps.slice(f.start, f.start + 3).join(''));
      prev = 'atom';
      addWidth(lookaround ? 0 : fixed ? widths[0]! : null);
      continue;
    }
    if (c === '^' || c === '$') (prev = 'assert'), addWidth(0);
    else (prev = 'atom'), addWidth(1);
    i++;
  }
  if (stack.length > 1) return `missing ), unterminated subpattern at position ${top().start}`;
  return undefined;
}

function quant(cps: readonly string[], i: number): { min: number; max: number; len: number } | undefined {
  const m = QUANT.exec(cps.slice(i, i + 24).join(''));
  if (!m || (m[1] === '' && m[2] === undefined)) return undefined;
  const min = m[1] === '' ? 0 : Number(m[1]);
  return { min, max: m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]), len: m[0].length };
}
