import { PY_END, PY_NOT_D, PY_S, PY_W, pyIgnoreCase, pyIsWhitespaceUnit } from './punkt-chars';

/**
 * NLTK 3.8 `NLTKWordTokenizer.tokenize(text)` (the improved Treebank tokenizer behind `word_tokenize`),
 * with its defaults: `convert_parentheses=False`. A fixed list of regex substitutions on the whole
 * sentence, then a whitespace split. We match 3.8 (the goldens). NLTK 3.10.3 differs: it splits off the
 * dashes U+2012–U+2015 (em/en dashes), collapses whitespace before the contraction rules and rewrote the
 * leading-apostrophe rule; 33 of the 541 IFEval GPT-4 responses and 17 of the 294 IFBench sample responses
 * get different `word_tokenize` tokens under it.
 */

// Each rule has a cheap gate (a substring it cannot match without); skipping the regex pass when the
// gate fails leaves the text unchanged, exactly as a pass without matches would, at a fraction of the cost.
interface Rule {
  readonly re: RegExp;
  readonly replacement: string;
  readonly gate: (text: string) => boolean;
  /** Closing characters allowed between the final `.` and the trailing whitespace (see `finalPeriod`). */
  readonly closers?: string;
}

const has =
  (...needles: string[]) =>
  (text: string): boolean =>
    needles.some((n) => text.includes(n));
const always = (): boolean => true;
const rule = (source: string, replacement: string, gate: (text: string) => boolean): Rule => ({
  re: new RegExp(source, 'gu'),
  replacement,
  gate,
});

// Python `\b` before a word character is "no word character behind", after one "none ahead".
const B_BEFORE = `(?<!${PY_W})`;
const B_AFTER = `(?!${PY_W})`;

const STARTING_QUOTES: readonly Rule[] = [
  rule('([«“‘„]|`+)', ' $1 ', has('«', '“', '‘', '„', '`')),
  rule('^"', '``', (t) => t.startsWith('"')),
  rule('(``)', ' $1 ', has('``')),
  rule('([ (\\[{<])("|\'{2})', '$1 `` ', has('"', "''")),
  // (?i)(\')(?!re|ve|ll|m|t|s|d|n)(\w)\b
  rule(`(')(?!${['re', 've', 'll', 'm', 't', 's', 'd', 'n'].map(pyIgnoreCase).join('|')})(${PY_W})${B_AFTER}`, '$1 $2', has("'")),
];

const PUNCTUATION: readonly Rule[] = [
  { ...rule(`([^.])(\\.)([\\])}>"'»”’ ]*)${PY_S}*${PY_END}`, '$1 $2 $3 ', always), closers: ']})>"\'»”’ ' },
  rule(`([:,])(${PY_NOT_D})`, ' $1 $2', has(':', ',')),
  rule(`([:,])${PY_END}`, ' $1 ', has(':', ',')),
  rule('\\.{2,}', ' $& ', has('..')),
  rule('[;@#$%&]', ' $& ', has(';', '@', '#', '$', '%', '&')),
  // Handles the final period (the first rule already spaced most of them out).
  { ...rule(`([^.])(\\.)([\\])}>"']*)${PY_S}*${PY_END}`, '$1 $2$3 ', always), closers: ']})>"\'' },
  rule('[?!]', ' $& ', has('?', '!')),
  rule("([^'])' ", "$1 ' ", has("' ")),
  rule('[*]', ' $& ', has('*')),
];

const PARENS_BRACKETS = rule('[\\][(){}<>]', ' $& ', has('[', ']', '(', ')', '{', '}', '<', '>'));
const DOUBLE_DASHES = rule('--', ' -- ', has('--'));

const ENDING_QUOTES: readonly Rule[] = [
  rule('([»”’])', ' $1 ', has('»', '”', '’')),
  rule("''", " '' ", has("''")),
  rule('"', " '' ", has('"')),
  rule("([^' ])('[sS]|'[mM]|'[dD]|') ", '$1 $2 ', has("' ", "'s ", "'S ", "'m ", "'M ", "'d ", "'D ")),
  rule("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", '$1 $2 ', has("'")),
];

// MacIntyre contractions: CONTRACTIONS2 and CONTRACTIONS3, all case-insensitive.
const CONTRACTION_PAIRS: ReadonlyArray<readonly [string, string, string, string]> = [
  [B_BEFORE, 'can', 'not', B_AFTER],
  [B_BEFORE, 'd', "'ye", B_AFTER],
  [B_BEFORE, 'gim', 'me', B_AFTER],
  [B_BEFORE, 'gon', 'na', B_AFTER],
  [B_BEFORE, 'got', 'ta', B_AFTER],
  [B_BEFORE, 'lem', 'me', B_AFTER],
  [B_BEFORE, 'more', "'n", B_AFTER],
  [B_BEFORE, 'wan', 'na', `(?=${PY_S})`],
  [' ', "'t", 'is', B_AFTER],
  [' ', "'t", 'was', B_AFTER],
];
const ANY_CONTRACTION = new RegExp(CONTRACTION_PAIRS.map(([, a, b]) => pyIgnoreCase(a + b)).join('|'), 'u');
const CONTRACTIONS: readonly Rule[] = CONTRACTION_PAIRS.map(([pre, a, b, post]) =>
  rule(`${pre}(${pyIgnoreCase(a)})(${pyIgnoreCase(b)})${post}`, ' $1 $2 ', always),
);

const WS_RUN = new RegExp(`${PY_S}+`, 'u');

/**
 * The final-period rules `([^.])(\.)([closers]*)\s*$` can only match at the last `.` (nothing after it
 * may be a `.`), and only if the rest is closers then whitespace. Checking that with one linear scan
 * first avoids the regex's quadratic backtracking on long blank runs ("e.g." + 100k spaces + "x") and
 * its attempt at every `.` of the text; when the check passes, the regex matches at once.
 */
function finalPeriod(text: string, r: Rule, closers: string): string {
  const p = text.lastIndexOf('.');
  if (p < 1 || text[p - 1] === '.') return text;
  let i = p + 1;
  while (i < text.length && closers.includes(text[i]!)) i++;
  while (i < text.length && pyIsWhitespaceUnit(text[i]!)) i++;
  if (i < text.length) return text;
  return text.slice(0, p - 1) + text.slice(p - 1).replace(r.re, r.replacement);
}

function applyAll(text: string, rules: readonly Rule[]): string {
  let out = text;
  for (const r of rules) {
    if (!r.gate(out)) continue;
    out = r.closers === undefined ? out.replace(r.re, r.replacement) : finalPeriod(out, r, r.closers);
  }
  return out;
}

/** Treebank word tokens of one sentence (`NLTKWordTokenizer().tokenize(sentence)`). */
export function treebankTokens(sentence: string): string[] {
  let text = applyAll(sentence, STARTING_QUOTES);
  text = applyAll(text, PUNCTUATION);
  text = applyAll(text, [PARENS_BRACKETS, DOUBLE_DASHES]);
  text = applyAll(` ${text} `, ENDING_QUOTES);
  if (ANY_CONTRACTION.test(text)) text = applyAll(text, CONTRACTIONS);
  return text.split(WS_RUN).filter((t) => t !== '');
}
