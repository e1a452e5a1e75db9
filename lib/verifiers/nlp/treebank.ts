import { PY_B, PY_D, PY_END, PY_S, PY_W, pyIgnoreCase } from './punkt-chars';

/**
 * NLTK 3.8 `NLTKWordTokenizer.tokenize(text)` (the improved Treebank tokenizer behind `word_tokenize`),
 * with its defaults: `convert_parentheses=False`. A fixed list of regex substitutions on the whole
 * sentence, then a whitespace split. Unchanged in NLTK 3.9.
 */

type Rule = readonly [RegExp, string];

const rule = (source: string, replacement: string): Rule => [new RegExp(source, 'gu'), replacement];

const STARTING_QUOTES: readonly Rule[] = [
  rule('([«“‘„]|`+)', ' $1 '),
  rule('^"', '``'),
  rule('(``)', ' $1 '),
  rule('([ (\\[{<])("|\'{2})', '$1 `` '),
  // (?i)(\')(?!re|ve|ll|m|t|s|d|n)(\w)\b
  rule(`(')(?!${['re', 've', 'll', 'm', 't', 's', 'd', 'n'].map(pyIgnoreCase).join('|')})(${PY_W})${PY_B}`, '$1 $2'),
];

const PUNCTUATION: readonly Rule[] = [
  rule(`([^.])(\\.)([\\])}>"'»”’ ]*)${PY_S}*${PY_END}`, '$1 $2 $3 '),
  rule(`([:,])([^${PY_D}])`, ' $1 $2'),
  rule(`([:,])${PY_END}`, ' $1 '),
  rule('\\.{2,}', ' $& '),
  rule('[;@#$%&]', ' $& '),
  // Handles the final period (the first rule already spaced most of them out).
  rule(`([^.])(\\.)([\\])}>"']*)${PY_S}*${PY_END}`, '$1 $2$3 '),
  rule('[?!]', ' $& '),
  rule("([^'])' ", "$1 ' "),
  rule('[*]', ' $& '),
];

const PARENS_BRACKETS = rule('[\\][(){}<>]', ' $& ');
const DOUBLE_DASHES = rule('--', ' -- ');

const ENDING_QUOTES: readonly Rule[] = [
  rule('([»”’])', ' $1 '),
  rule("''", " '' "),
  rule('"', " '' "),
  rule("([^' ])('[sS]|'[mM]|'[dD]|') ", '$1 $2 '),
  rule("([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ", '$1 $2 '),
];

// MacIntyre contractions: CONTRACTIONS2 and CONTRACTIONS3, all case-insensitive.
const contraction = (pre: string, a: string, b: string, post: string): Rule =>
  rule(`${pre}(${pyIgnoreCase(a)})(${pyIgnoreCase(b)})${post}`, ' $1 $2 ');
const CONTRACTIONS: readonly Rule[] = [
  contraction(PY_B, 'can', 'not', PY_B),
  contraction(PY_B, 'd', "'ye", PY_B),
  contraction(PY_B, 'gim', 'me', PY_B),
  contraction(PY_B, 'gon', 'na', PY_B),
  contraction(PY_B, 'got', 'ta', PY_B),
  contraction(PY_B, 'lem', 'me', PY_B),
  contraction(PY_B, 'more', "'n", PY_B),
  contraction(PY_B, 'wan', 'na', `(?=${PY_S})`),
  contraction(' ', "'t", 'is', PY_B),
  contraction(' ', "'t", 'was', PY_B),
];

const WS_RUN = new RegExp(`${PY_S}+`, 'u');

function applyAll(text: string, rules: readonly Rule[]): string {
  let out = text;
  for (const [re, replacement] of rules) out = out.replace(re, replacement);
  return out;
}

/** Treebank word tokens of one sentence (`NLTKWordTokenizer().tokenize(sentence)`). */
export function treebankTokens(sentence: string): string[] {
  let text = applyAll(sentence, STARTING_QUOTES);
  text = applyAll(text, PUNCTUATION);
  text = text.replace(PARENS_BRACKETS[0], PARENS_BRACKETS[1]);
  text = text.replace(DOUBLE_DASHES[0], DOUBLE_DASHES[1]);
  text = applyAll(` ${text} `, ENDING_QUOTES);
  text = applyAll(text, CONTRACTIONS);
  return text.split(WS_RUN).filter((t) => t !== '');
}
