/**
 * Adversarial response texts for timing every checker: each family is one shape that drives a scanner, tokenizer or
 * regex into its worst case when repeated (long runs of one punctuation mark, blank lines, unclosed brackets, words
 * that are all abbreviations, surrogate pairs). Deterministic: a family, a length and a seed give one text.
 */
import { pick, type Rng } from '../../stats/rng';

/** One family of fuzz texts: `make(n, rng)` returns a text of about n UTF-16 units. */
export interface InputFamily {
  readonly name: string;
  readonly make: (n: number, rng: Rng) => string;
}

/** `unit` repeated and cut to exactly n UTF-16 units (never mid surrogate pair). */
export function repeatTo(unit: string, n: number): string {
  if (unit === '' || n <= 0) return '';
  const text = unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? text.slice(0, -1) : text;
}

// Characters that matter to some checker: separators, markdown, quotes, brackets, case traps, wide Unicode.
const HOSTILE = ['*', '\n', '\r', ' ', '\t', '[', ']', '<', '>', '-', '.', '!', '?', '"', "'", ',', ';', ':', '(', ')', '#', '|', '{', '}',
  'a', 'A', 'I', 'É', 'ß', 'ı', 'İ', 'K', 'ſ', '😀', '🇫🇷', '\u0301', '\u200b', '\u2028', '\u00a0', '\u3000', 'P', 'S', '1', '0', '_', '~', '`', '@'];
const WORDS = ['the', 'The', 'sea', 'I', 'run', 'Paris', 'Mr.', 'e.g.', 'well-known', "don't", 'ÉCOLE', '42', '***', '* * *', '- item',
  '1.', '"Hi!"', 'P.S.', '§', 'سلام', '東京', 'apple', 'river', 'ocean', 'Title', '<<Title>>', '*bold*', 'SECTION', 'Section 1', 'PARAGRAPH', 'end.'];
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', '! ', '? ', '\n', '\n\n', '\n\n\n', ' - ', '; ', ': ', '\t', '  '];

/** Units whose repetition is a worst case for some scanner: one family each. */
const UNITS: readonly string[] = [
  '\n', '!', '.', '?', '*', '"', '[', '{', '<', '#', ' ', '😀', 'A', 'a', '\u00a0',
  '\n *', '\n\n', ' \n', '  line\n', '\tline\n', 'Mr. ', 'e.g. ', 'a,b;\n', 'ab ', '* * *\n', '***', '- ', '* ', '1. ', '<<', '>>',
  '*a*', '**', '# ', 'P.S. ', 'Section ', 'SECTION X\n', '...', '!?', 'Aa', 'aA ', 'I ', 'İı', '"a" ', "'", '()', '[]', '{"a":', '", "',
  'word ', 'Word. ', 'WORD ', '12 ', '1,2,3\n', '|a|b|\n', '---\n', '```\n', '<p>', '&amp;', '🇫🇷', 'é', 'e\u0301',
];

/** Every unit repeated (one family each), then the mixed shapes. */
export const INPUT_FAMILIES: readonly InputFamily[] = [
  ...UNITS.map((unit): InputFamily => ({ name: `repeat ${JSON.stringify(unit)}`, make: (n, rng) => framed(repeatTo(unit, n), n, rng) })),
  { name: 'random hostile characters', make: (n, rng) => randomText(n, () => pick(HOSTILE, rng)) },
  { name: 'word salad', make: (n, rng) => randomText(n, () => pick(WORDS, rng) + pick(SEPARATORS, rng)) },
  { name: 'punctuation run inside text', make: (n, rng) => embed('Hello world, here is my answer ', repeatTo(pick(['!', '?', '.', '*', '"', '-', '…', '!?'], rng), n - 60), ' and the end.') },
  { name: 'paragraphs of sentences', make: (n, rng) => randomText(n, () => `${pick(WORDS, rng)} ${pick(WORDS, rng)} ${pick(WORDS, rng)}.${pick([' ', ' ', '\n\n', '\n\n* * *\n\n', '\n'], rng)}`) },
  { name: 'markdown', make: (n, rng) => randomText(n, () => pick(['# Title\n', '* item\n', '- item\n', '1. item\n', '<<title>>\n', '*highlight* ', 'SECTION 1\n', '***\n', '```\ncode\n```\n', '> quote\n', 'P.S. note\n', '| a | b |\n'], rng)) },
  { name: 'nested brackets', make: (n, rng) => { const k = Math.floor(n / 2); return repeatTo(pick(['[', '{', '('], rng), k) + repeatTo(pick([']', '}', ')'], rng), n - k); } },
  { name: 'one long word', make: (n, rng) => repeatTo(pick(['A', 'a', 'Ab', 'İ', '😀', '1'], rng), n) },
  { name: 'long runs of blank lines between words', make: (n, rng) => randomText(n, () => pick(WORDS, rng) + repeatTo('\n', rng.int(1, 2000))) },
];

function randomText(n: number, piece: () => string): string {
  let out = '';
  while (out.length < n) out += piece();
  return repeatTo(out, n);
}

/**
 * Half the seeds frame a repeated unit with a little word salad on each side (the run still fills the text), so
 * that several seeds give several texts; the other half leave the pure repetition.
 */
function framed(run: string, n: number, rng: Rng): string {
  if (rng.int(0, 1) === 0) return run;
  const before = randomText(rng.int(1, 40), () => pick(WORDS, rng) + pick(SEPARATORS, rng));
  const after = randomText(rng.int(1, 40), () => pick(WORDS, rng) + pick(SEPARATORS, rng));
  return before + repeatTo(run, n - before.length - after.length) + after;
}

function embed(before: string, middle: string, after: string): string {
  return before + middle + after;
}
