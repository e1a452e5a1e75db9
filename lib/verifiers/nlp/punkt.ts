import { rememberBounded } from '../../data/bounded-map';
import { PY_NS, PY_S, pyRstripLength } from './punkt-chars';
import { textContainsSentbreak } from './punkt-annotate';
import type { PunktParams } from './punkt-model';

/**
 * NLTK 3.8 `PunktSentenceTokenizer.span_tokenize` / `tokenize` (inference with a trained model).
 *
 * Version notes: the algorithm is the one rewritten in NLTK 3.7 (PR #3014, the ReDoS fix that finds the
 * word before each candidate separately); we match 3.8, which produced the goldens. NLTK 3.10.3 (read for
 * comparison) loads the model from punkt_tab text files instead of the pickle (same values) and also treats
 * the curly quotes ‘ ’ “ ” and guillemets « » as non-word characters and as closers to realign. That changes
 * splits where such a quote touches a `.`/`?`/`!`: 0 of the 541 IFEval GPT-4 responses and 1 of the 294
 * IFBench sample responses split differently under it.
 * Offsets are UTF-16 code units (JS string indices), not Python code point indices; they differ only
 * after characters outside the BMP (emoji), and the sentence strings are identical either way.
 */

// `_period_context_fmt`: a sentence-end char followed by other punctuation or by whitespace and a token.
const PERIOD_CONTEXT = new RegExp(`[.?!](?=([)";}\\]*:@'({\\[?!]|${PY_S}+(${PY_NS}+)))`, 'gu');
// `re_boundary_realignment` (MULTILINE): closing quotes/brackets that belong to the previous sentence.
const BOUNDARY_REALIGNMENT = new RegExp(`^["')\\]}]+?(?:${PY_S}+|(?=--)|(?=\\n|$))`, 'u');

// Decisions per context, per model. Contexts are short ("word. Next") and repeat a lot, above all across
// the loose-mode variants of one response, which share nearly all of their sentences.
const MAX_CACHED_CONTEXT = 120;
const MAX_CACHE_SIZE = 20_000;
const decisionCache = new WeakMap<PunktParams, Map<string, boolean>>();

function containsBreak(context: string, params: PunktParams): boolean {
  if (context.length > MAX_CACHED_CONTEXT) return textContainsSentbreak(context, params);
  let cache = decisionCache.get(params);
  if (cache === undefined) decisionCache.set(params, (cache = new Map()));
  return cache.get(context) ?? rememberBounded(cache, context, textContainsSentbreak(context, params), MAX_CACHE_SIZE);
}

/** Python `string.whitespace`, which `_get_last_whitespace_index` uses (ASCII only, unlike `\s`). */
function isAsciiWhitespace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/**
 * `_slices_from_text`: candidate breaks from `_match_potential_end_contexts`, kept when their context
 * (previous word + end char + following token) contains a break. Returns flat [start, end, ...] pairs.
 */
function rawSlices(text: string, params: PunktParams): number[] {
  const out: number[] = [];
  let lastBreak = 0;
  const decide = (matchStart: number, after: string, nextTok: string | undefined, prevStart: number): void => {
    const context = text.slice(prevStart, matchStart + 1) + after;
    if (!containsBreak(context, params)) return;
    out.push(lastBreak, matchStart + 1);
    lastBreak = nextTok ? matchStart + 1 + after.length - nextTok.length : matchStart + 1;
  };
  let prevStart = 0;
  let prevStop = 0;
  let prev: { start: number; after: string; nextTok: string | undefined } | null = null;
  PERIOD_CONTEXT.lastIndex = 0;
  for (let m = PERIOD_CONTEXT.exec(text); m !== null; m = PERIOD_CONTEXT.exec(text)) {
    // The previous word starts after the last ASCII whitespace between the previous match and this one;
    // NLTK treats "found at offset 0" like "not found" and then reuses the previous word's start.
    let ws = 0;
    for (let i = m.index - 1; i >= prevStop; i--) {
      if (isAsciiWhitespace(text.charCodeAt(i))) {
        ws = i - prevStop;
        break;
      }
    }
    const wordStart = ws ? prevStop + ws + 1 : prevStart;
    if (prev !== null && prevStop <= wordStart) decide(prev.start, prev.after, prev.nextTok, prevStart);
    prev = { start: m.index, after: m[1]!, nextTok: m[2] };
    prevStart = wordStart;
    prevStop = m.index;
  }
  if (prev !== null) decide(prev.start, prev.after, prev.nextTok, prevStart);
  out.push(lastBreak, pyRstripLength(text));
  return out;
}

/** `_realign_boundaries`: move closing quotes/brackets after a break onto the earlier sentence; drop empties. */
function realign(text: string, raw: readonly number[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let shift = 0;
  for (let k = 0; k < raw.length; k += 2) {
    const start = raw[k]! + shift;
    const stop = raw[k + 1]!;
    if (k + 2 >= raw.length) {
      if (stop > start) spans.push([start, stop]);
      continue;
    }
    const nextStart = raw[k + 2]!;
    const m = BOUNDARY_REALIGNMENT.exec(text.slice(nextStart, raw[k + 3]!));
    if (m !== null) {
      spans.push([start, nextStart + pyRstripLength(m[0])]);
      shift = m[0].length;
    } else {
      shift = 0;
      if (stop > start) spans.push([start, stop]);
    }
  }
  return spans;
}

/** Sentence spans `[start, end)` of `text` in UTF-16 offsets (`span_tokenize(text)`, realigned). */
export function punktSpans(text: string, params: PunktParams): Array<[number, number]> {
  // The common empty line costs nothing (what the full path also returns: no span).
  if (text === '') return [];
  return realign(text, rawSlices(text, params));
}

/** Sentences of `text` (`PunktSentenceTokenizer.tokenize(text)`). */
export function punktSentences(text: string, params: PunktParams): string[] {
  return punktSpans(text, params).map(([s, e]) => text.slice(s, e));
}
