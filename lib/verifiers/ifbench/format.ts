import { z } from 'zod';
import { deleteChars, PY_PUNCTUATION, pyIsSpaceChar, pySplit, pyStrip } from '../nlp/pytext';
import { pick } from '../../stats/rng';
import { fixedText, ifbench } from './spec';
import { deletePunct, stripPunct } from './text';

/** format:* ids that need no tokenizer (ifbench/instructions.py @db69a6f). */

// Brackets and quotes are ASCII, so the scans below read UTF-16 units: a half of a surrogate pair is never one of
// them, and the verdicts are those of a walk over code points (upstream's `for c in response`), with no string per
// character.
const [PAREN, BRACKET, BRACE] = ['(', '[', '{'].map((c) => c.charCodeAt(0)) as [number, number, number];
/** The opener a closer matches, by char code (0: not a closer). */
const OPENER_OF = new Uint8Array(128);
OPENER_OF[')'.charCodeAt(0)] = PAREN;
OPENER_OF[']'.charCodeAt(0)] = BRACKET;
OPENER_OF['}'.charCodeAt(0)] = BRACE;

export const parentheses = fixedText(
  'format:parentheses',
  'Nest parentheses (and [brackets {and braces}]) at least 5 levels deep.',
  (r) => {
    const open: number[] = [];
    let maxDepth = 0;
    for (let i = 0; i < r.length; i++) {
      const c = r.charCodeAt(i);
      if (c === PAREN || c === BRACKET || c === BRACE) {
        open.push(c);
        maxDepth = Math.max(maxDepth, open.length);
      } else if (c < 128 && OPENER_OF[c] !== 0) {
        if (open.length > 0 && open[open.length - 1] === OPENER_OF[c]) {
          open.pop();
          if (maxDepth >= 5 && open.length < maxDepth) return true;
        } else {
          // A mismatched closer resets everything, including the depth reached so far.
          open.length = 0;
          maxDepth = 0;
        }
      }
    }
    return false;
  },
);

const [DOUBLE_QUOTE, SINGLE_QUOTE] = ['"', "'"].map((c) => c.charCodeAt(0)) as [number, number];
export const quotes = fixedText(
  'format:quotes',
  'Include quotes within quotes within quotes, at least 3 levels deep, alternating between double quotes and single quotes.',
  (r) => {
    const open: number[] = [];
    let reached = 0;
    for (let i = 0; i < r.length; i++) {
      const c = r.charCodeAt(i);
      if (c !== DOUBLE_QUOTE && c !== SINGLE_QUOTE) continue;
      // A quote equal to the innermost open one closes it; any other quote opens a level (so "" '' is no nesting).
      if (open.length > 0 && c === open[open.length - 1]) {
        open.pop();
        if (reached - open.length >= 3) return true;
      } else {
        open.push(c);
        reached = Math.max(reached, open.length);
      }
    }
    return false;
  },
);

const optionsKwargs = z.object({ options: z.string({ error: 'must be a string' }) });
const OPTIONS_BANK = ['yes/no/maybe', "I know or I don't know", 'a), b), c), d)'];
const LETTER_OPTIONS = /^[^\p{L}\p{N}_]*[aA][^\p{L}\p{N}_]*[bB][^\p{L}\p{N}_]*[cC]/u;
function parseOptions(options: string): { strict: boolean; list: string[] } {
  // "or" is a substring test, so "north, south" would split inside "north" rather than on the comma.
  const separator = options.includes('/') ? '/' : options.includes('or') ? 'or' : ',';
  return { strict: LETTER_OPTIONS.test(options), list: options.split(separator).map((o) => pyStrip(o)) };
}
export const options = ifbench<z.infer<typeof optionsKwargs>>({
  id: 'format:options',
  kwargs: optionsKwargs,
  describe: (k) => `Answer with one of the following options: ${k.options}. Do not give any explanation.`,
  sampleKwargs: (rng) => ({ options: pick(OPTIONS_BANK, rng) }),
  check: (r, k) => {
    const { strict, list } = parseOptions(k.options);
    // Letter options must match exactly, with no stripping at all ("a)" passes, "a) " fails).
    if (strict) return list.includes(r);
    const answer = stripPunct(r).toLowerCase();
    return list.some((o) => stripPunct(o).toLowerCase() === answer);
  },
});

export const newline = fixedText('format:newline', 'Write each word on a new line.', (r) => {
  const text = pyStrip(deletePunct(r));
  // Lines holding only spaces still count as lines; only '' lines are dropped.
  const lines = text.split('\n').filter((l) => l !== '');
  return lines.length === pySplit(text).length;
});

/** Leading ASCII spaces only (`len(l) - len(l.lstrip(' '))`); tabs do not indent. */
function indentOf(line: string): number {
  return line.length - line.replace(/^ +/, '').length;
}
/**
 * Upstream's blank-line removal, `for line in lines: if line.strip() == '': lines.remove(line)`: `remove` deletes
 * the first equal line (perhaps an earlier one the loop skipped), and every removal makes the loop skip the next
 * line. Simulated in linear time (a splice(indexOf) per blank line took 22.8 s on 400k newlines): the remaining
 * lines are a linked list, each blank value keeps the queue of its remaining positions, and after a removal the loop
 * moves two remaining lines on, as Python's list index does.
 */
export function dropBlankLinesLikeUpstream(lines: readonly string[]): string[] {
  const n = lines.length;
  const next = new Int32Array(n);
  const prev = new Int32Array(n);
  for (let i = 0; i < n; i++) (next[i] = i + 1), (prev[i] = i - 1);
  const positions = new Map<string, { at: number[]; head: number }>();
  lines.forEach((line, i) => {
    if (pyStrip(line) !== '') return;
    const q = positions.get(line);
    if (q) q.at.push(i);
    else positions.set(line, { at: [i], head: 0 });
  });
  let first = 0;
  const unlink = (i: number): void => {
    if (prev[i]! >= 0) next[prev[i]!] = next[i]!;
    else first = next[i]!;
    if (next[i]! < n) prev[next[i]!] = prev[i]!;
  };
  for (let i = first; i < n; ) {
    const q = positions.get(lines[i]!);
    if (!q) {
      i = next[i]!;
      continue;
    }
    // The first remaining equal line goes; the loop's index then lands two remaining lines after this one.
    const after = next[i]! < n ? next[next[i]!]! : n;
    unlink(q.at[q.head++]!);
    i = after;
  }
  const out: string[] = [];
  for (let i = first; i < n; i = next[i]!) out.push(lines[i]!);
  return out;
}
function isStairs(lines: readonly string[]): boolean {
  return lines.every((l, i) => i === 0 || indentOf(l) > indentOf(lines[i - 1]!));
}
export const lineIndent = fixedText(
  'format:line_indent',
  'Create stairs by incrementally indenting each new line.',
  (r) => isStairs(dropBlankLinesLikeUpstream(r.split('\n'))),
  // Corrected: every blank line is dropped, however many follow each other.
  { checkCorrected: (r) => isStairs(r.split('\n').filter((l) => pyStrip(l) !== '')) },
);

const DIGITS_AND_PUNCT_BUT_QUOTE = '0123456789' + deleteChars(PY_PUNCTUATION, '"');
export const quoteUnquote = fixedText(
  'format:quote_unquote',
  'Every quoted phrase must be followed by an unquoted explanation.',
  (r) => {
    // Only ASCII " counts: upstream's curly-quote normalisation replaces '"' by '"' (a no-op).
    const text = [...r.replaceAll('\'"\'', '')].filter((c) => !pyIsSpaceChar(c)).join('');
    if (text.includes('""')) return false;
    return !pyStrip(text, DIGITS_AND_PUNCT_BUT_QUOTE).endsWith('"');
  },
);
