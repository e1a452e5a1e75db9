import { PY_S, pyStripLinear } from './punkt-chars';

/**
 * `split_into_sentences` of google-research `instruction_following_eval/instructions_util.py` (identical in
 * open-instruct IFEvalG and lm-eval): mark periods that do not end a sentence as `<prd>` and the ones that
 * do as `<stop>`, then split. Ported with its quirks: only `[A-Za-z]` counts as a letter, `\n` becomes a
 * space, a literal "<prd>"/"<stop>" in the input is taken as a marker, and pieces are stripped but kept
 * even when empty (only a final empty piece is dropped).
 */

const ALPHABETS = '([A-Za-z])';
const PREFIXES = '(Mr|St|Mrs|Ms|Dr)[.]';
const SUFFIXES = '(Inc|Ltd|Jr|Sr|Co)';
const STARTERS = `(Mr|Mrs|Ms|Dr|Prof|Capt|Cpt|Lt|He${PY_S}|She${PY_S}|It${PY_S}|They${PY_S}|Their${PY_S}|Our${PY_S}|We${PY_S}|But${PY_S}|However${PY_S}|That${PY_S}|This${PY_S}|Wherever)`;
const ACRONYMS = '([A-Z][.][A-Z][.](?:[A-Z][.])?)';
const WEBSITES = '[.](com|net|org|io|gov|edu|me)';
const DIGITS = '([0-9])';

const re = (source: string): RegExp => new RegExp(source, 'gu');
const RULES: ReadonlyArray<readonly [RegExp, string | ((m: string) => string)]> = [
  [re(PREFIXES), '$1<prd>'],
  [re(WEBSITES), '<prd>$1'],
  [re(`${DIGITS}[.]${DIGITS}`), '$1<prd>$2'],
  [re('\\.{2,}'), (m) => '<prd>'.repeat(m.length) + '<stop>'],
];
const RULES_AFTER_PHD: ReadonlyArray<readonly [RegExp, string]> = [
  [re(`${PY_S}${ALPHABETS}[.] `), ' $1<prd> '],
  [re(`${ACRONYMS} ${STARTERS}`), '$1<stop> $2'],
  [re(`${ALPHABETS}[.]${ALPHABETS}[.]${ALPHABETS}[.]`), '$1<prd>$2<prd>$3<prd>'],
  [re(`${ALPHABETS}[.]${ALPHABETS}[.]`), '$1<prd>$2<prd>'],
  [re(` ${SUFFIXES}[.] ${STARTERS}`), ' $1<stop> $2'],
  [re(` ${SUFFIXES}[.]`), ' $1<prd>'],
  [re(` ${ALPHABETS}[.]`), ' $1<prd>'],
];

/** The regex sentence split of IFEval's `instructions_util.split_into_sentences`. */
export function regexSentences(input: string): string[] {
  let text = ` ${input}  `.replaceAll('\n', ' ');
  for (const [pattern, replacement] of RULES) {
    text = typeof replacement === 'string' ? text.replace(pattern, replacement) : text.replace(pattern, replacement);
  }
  if (text.includes('Ph.D')) text = text.replaceAll('Ph.D.', 'Ph<prd>D<prd>');
  for (const [pattern, replacement] of RULES_AFTER_PHD) text = text.replace(pattern, replacement);
  if (text.includes('”')) text = text.replaceAll('.”', '”.');
  if (text.includes('"')) text = text.replaceAll('."', '".');
  if (text.includes('!')) text = text.replaceAll('!"', '"!');
  if (text.includes('?')) text = text.replaceAll('?"', '"?');
  text = text.replaceAll('.', '.<stop>').replaceAll('?', '?<stop>').replaceAll('!', '!<stop>').replaceAll('<prd>', '.');
  const sentences = text.split('<stop>').map(pyStripLinear);
  if (sentences.length > 0 && sentences.at(-1) === '') sentences.pop();
  return sentences;
}
