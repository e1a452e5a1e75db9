import { PY_D, PY_NS, PY_S, PY_W_NOT_D, pyFirstIsLower, pyFirstIsUpper } from './punkt-chars';
import type { PunktParams } from './punkt-model';

/**
 * Punkt's token annotation (NLTK 3.8 `PunktBaseClass._tokenize_words`, `_first_pass_annotation`,
 * `PunktSentenceTokenizer._second_pass_annotation`, `_ortho_heuristic`), used to decide whether a short
 * context around a `.`, `?` or `!` holds a sentence break. Inference only: no training statistics.
 */

// PunktLanguageVars for English: `_re_non_word_chars`, `_re_multi_char_punct`, `_re_word_start`.
const NON_WORD = `[)";}\\]*:@'({\\[?!]`;
const MULTI_CHAR = `(?:-{2,}|\\.{2,}|(?:\\.${PY_S}){2,}\\.)`;
const WORD_START = '[^("`{\\[:;&#*@)}\\]\\-,]';
const WORD_TOKEN = new RegExp(
  `${MULTI_CHAR}|(?=${WORD_START})${PY_NS}+?(?=${PY_S}|$|${NON_WORD}|${MULTI_CHAR}|,(?=$|${PY_S}|${NON_WORD}|${MULTI_CHAR}))|${PY_NS}`,
  'gu',
);
const NOT_BLANK = new RegExp(PY_NS, 'u');

const RE_NUMERIC = new RegExp(`^-?[.,]?${PY_D}(?:${PY_D}|[,.\\-])*\\.?$`, 'u');
const RE_ELLIPSIS = /^\.\.+$/;
const RE_INITIAL = new RegExp(`^${PY_W_NOT_D}\\.$`, 'u');

const ORTHO_BEG_UC = 1 << 1;
const ORTHO_MID_UC = 1 << 2;
const ORTHO_UNK_UC = 1 << 3;
const ORTHO_BEG_LC = 1 << 4;
const ORTHO_MID_LC = 1 << 5;
const ORTHO_UNK_LC = 1 << 6;
const ORTHO_UC = ORTHO_BEG_UC | ORTHO_MID_UC | ORTHO_UNK_UC;
const ORTHO_LC = ORTHO_BEG_LC | ORTHO_MID_LC | ORTHO_UNK_LC;

/** `PunktSentenceTokenizer.PUNCTUATION`: sentences never start with these. */
const NEVER_STARTS = new Set([';', ':', ',', '.', '!', '?']);

interface Token {
  readonly tok: string;
  readonly type: string;
  readonly periodFinal: boolean;
  sentbreak: boolean;
  abbr: boolean;
  ellipsis: boolean;
}

/** Punkt's word tokens of `text`: per `\n`-separated line that is not blank, the findall of its word regex. */
export function punktWords(text: string): string[] {
  const out: string[] = [];
  for (const line of text.includes('\n') ? text.split('\n') : [text]) {
    if (!NOT_BLANK.test(line)) continue;
    WORD_TOKEN.lastIndex = 0;
    for (let m = WORD_TOKEN.exec(line); m !== null; m = WORD_TOKEN.exec(line)) out.push(m[0]);
  }
  return out;
}

function typeNoPeriod(type: string): string {
  return type.length > 1 && type.endsWith('.') ? type.slice(0, -1) : type;
}

function typeNoSentperiod(t: Token): string {
  return t.sentbreak ? typeNoPeriod(t.type) : t.type;
}

/** A token after the first pass (type-based: sentence-end chars, ellipses, known abbreviations). */
function firstPass(tok: string, params: PunktParams): Token {
  const lower = tok.toLowerCase();
  const t: Token = {
    tok,
    type: RE_NUMERIC.test(lower) ? '##number##' : lower,
    periodFinal: tok.endsWith('.'),
    sentbreak: false,
    abbr: false,
    ellipsis: false,
  };
  if (tok === '.' || tok === '?' || tok === '!') t.sentbreak = true;
  else if (RE_ELLIPSIS.test(tok)) t.ellipsis = true;
  else if (t.periodFinal && !tok.endsWith('..')) {
    const base = tok.slice(0, -1).toLowerCase();
    const lastPart = base.slice(base.lastIndexOf('-') + 1);
    if (params.abbrevTypes.has(base) || params.abbrevTypes.has(lastPart)) t.abbr = true;
    else t.sentbreak = true;
  }
  return t;
}

/** `_ortho_heuristic`: does orthographic evidence say `t` starts a sentence? */
function orthoHeuristic(t: Token, params: PunktParams): boolean | 'unknown' {
  if (NEVER_STARTS.has(t.tok)) return false;
  const ortho = params.orthoContext.get(typeNoSentperiod(t)) ?? 0;
  const upper = pyFirstIsUpper(t.tok);
  if (upper && ortho & ORTHO_LC && !(ortho & ORTHO_MID_UC)) return true;
  if (pyFirstIsLower(t.tok) && (ortho & ORTHO_UC || !(ortho & ORTHO_BEG_LC))) return false;
  return 'unknown';
}

/** `_second_pass_annotation` of `t1` given the (first-pass) next token `t2`: collocations, ortho, starters. */
function secondPass(t1: Token, t2: Token, params: PunktParams): void {
  if (!t1.periodFinal) return;
  const typ = typeNoPeriod(t1.type);
  const nextTyp = typeNoSentperiod(t2);
  const isInitial = RE_INITIAL.test(t1.tok);
  if (params.collocations.has(`${typ}\t${nextTyp}`)) {
    t1.sentbreak = false;
    t1.abbr = true;
    return;
  }
  if ((t1.abbr || t1.ellipsis) && !isInitial) {
    if (orthoHeuristic(t2, params) === true) {
      t1.sentbreak = true;
      return;
    }
    if (pyFirstIsUpper(t2.tok) && params.sentStarters.has(nextTyp)) {
      t1.sentbreak = true;
      return;
    }
  }
  if (isInitial || typ === '##number##') {
    const starter = orthoHeuristic(t2, params);
    if (starter === false) {
      t1.sentbreak = false;
      t1.abbr = true;
      return;
    }
    if (
      starter === 'unknown' &&
      isInitial &&
      pyFirstIsUpper(t2.tok) &&
      !((params.orthoContext.get(nextTyp) ?? 0) & ORTHO_LC)
    ) {
      t1.sentbreak = false;
      t1.abbr = true;
    }
  }
}

/**
 * `PunktSentenceTokenizer.text_contains_sentbreak`: true if some token other than the last is a
 * sentence break after both annotation passes. The second pass of token i sees token i+1 after its
 * first pass only, exactly as NLTK's generator pipeline does.
 */
export function textContainsSentbreak(text: string, params: PunktParams): boolean {
  const words = punktWords(text);
  if (words.length < 2) return false;
  let next = firstPass(words[0]!, params);
  for (let i = 0; i + 1 < words.length; i++) {
    const cur = next;
    next = firstPass(words[i + 1]!, params);
    secondPass(cur, next, params);
    if (cur.sentbreak) return true;
  }
  return false;
}
