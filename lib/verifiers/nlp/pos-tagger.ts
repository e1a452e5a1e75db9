import { rememberBounded } from '../../data/bounded-map';
import { pyIsDigit } from './punkt-chars';
import type { PerceptronModel } from './pos-tagger-model';
import { findKey, type StringIndex } from './string-index';

/**
 * NLTK 3.8 `PerceptronTagger.tag(tokens)` (greedy averaged perceptron, as used by `nltk.pos_tag`):
 * tagdict shortcut, 14 context features, dot product, argmax. NLTK 3.10.3 tags the same way (it only
 * reads the model from JSON files, the ones we load).
 */

const START = ['-START-', '-START2-'] as const;
const END = ['-END-', '-END2-'] as const;

/** `PerceptronTagger.normalize`: hyphenated words, 4-digit years and numbers collapse to a marker. */
export function normalizeWord(word: string): string {
  if (word.includes('-') && word[0] !== '-') return '!HYPHEN';
  if (pyIsDigit(word) && [...word].length === 4) return '!YEAR';
  if (word !== '' && pyIsDigit(String.fromCodePoint(word.codePointAt(0)!))) return '!DIGITS';
  return word.toLowerCase();
}

/** Python `s[-3:]` (code points, not UTF-16 units). */
function suffix3(s: string): string {
  let start = s.length;
  for (let n = 0; n < 3 && start > 0; n++) {
    const low = s.charCodeAt(start - 1);
    start -= low >= 0xdc00 && low <= 0xdfff && start >= 2 && (s.charCodeAt(start - 2) & 0xfc00) === 0xd800 ? 2 : 1;
  }
  return s.slice(start);
}

/**
 * The feature templates of `PerceptronTagger._get_features`, in Python's insertion (= summation) order, each as the
 * start of its key: Python's key is `" ".join((name,) + args)`.
 */
const BIAS = 'bias';
const SUFFIX = 'i suffix ';
const PREF1 = 'i pref1 ';
const PREV_TAG = 'i-1 tag ';
const PREV2_TAG = 'i-2 tag ';
const TAG_PAIR = 'i tag+i-2 tag ';
const WORD = 'i word ';
const PREV_TAG_WORD = 'i-1 tag+i word ';
const PREV_WORD = 'i-1 word ';
const PREV_SUFFIX = 'i-1 suffix ';
const PREV2_WORD = 'i-2 word ';
const NEXT_WORD = 'i+1 word ';
const NEXT_SUFFIX = 'i+1 suffix ';
const NEXT2_WORD = 'i+2 word ';

// Rows (-1: no weights) of the templates that depend on one word only, or on the two previous tags only, cached per
// model across calls: a context word feeds 7 templates and a raw word 2, so a warm cache turns 14 lookups per token
// into 2. Bounded; cleared when full.
const CACHE_LIMIT = 100_000;
interface ModelCache {
  readonly context: Map<string, Int32Array>;
  readonly raw: Map<string, Int32Array>;
  readonly tags: Map<string, Map<string, Int32Array>>;
  readonly bias: number;
}
const caches = new WeakMap<PerceptronModel, ModelCache>();

function cacheOf(model: PerceptronModel): ModelCache {
  let cache = caches.get(model);
  if (cache === undefined) {
    cache = { context: new Map(), raw: new Map(), tags: new Map(), bias: findKey(model.features, BIAS) };
    caches.set(model, cache);
  }
  return cache;
}

const remember = <K, V>(map: Map<K, V>, key: K, value: V): V => rememberBounded(map, key, value, CACHE_LIMIT);

/** Rows of `i word`, `i-1 word`, `i-1 suffix`, `i-2 word`, `i+1 word`, `i+1 suffix`, `i+2 word` for `x`. */
function contextRows(x: string, features: StringIndex, cache: Map<string, Int32Array>): Int32Array {
  const hit = cache.get(x);
  if (hit !== undefined) return hit;
  const suffix = suffix3(x);
  const rows = Int32Array.of(
    findKey(features, WORD, x), findKey(features, PREV_WORD, x), findKey(features, PREV_SUFFIX, suffix), findKey(features, PREV2_WORD, x),
    findKey(features, NEXT_WORD, x), findKey(features, NEXT_SUFFIX, suffix), findKey(features, NEXT2_WORD, x),
  );
  return remember(cache, x, rows);
}

/** Rows of `i suffix` and `i pref1` for the raw word. */
function rawRows(word: string, features: StringIndex, cache: Map<string, Int32Array>): Int32Array {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const first = word === '' ? '' : String.fromCodePoint(word.codePointAt(0)!);
  return remember(cache, word, Int32Array.of(findKey(features, SUFFIX, suffix3(word)), findKey(features, PREF1, first)));
}

/** Rows of `i-1 tag`, `i-2 tag` and `i tag+i-2 tag`. */
function tagRows(prev: string, prev2: string, features: StringIndex, cache: ModelCache['tags']): Int32Array {
  let inner = cache.get(prev);
  if (inner === undefined) inner = remember(cache, prev, new Map<string, Int32Array>());
  const hit = inner.get(prev2);
  if (hit !== undefined) return hit;
  return remember(inner, prev2, Int32Array.of(findKey(features, PREV_TAG, prev), findKey(features, PREV2_TAG, prev2), findKey(features, TAG_PAIR, prev, ' ', prev2)));
}

/**
 * `_get_features` + `AveragedPerceptron.predict` for the token at context position j. The 14 feature keys
 * are distinct for any input (their names differ before the first argument), so each has value 1 and
 * Python's `value * weight` is `weight`. Scores are summed feature by feature in Python's insertion order
 * (the template constants above) so that floating-point rounding matches; ties go to the greater tag name, as
 * `max(classes, key=lambda c: (score[c], c))` does.
 */
function predict(j: number, word: string, ctx: readonly Int32Array[], context: readonly string[], prev: string, prev2: string, model: PerceptronModel, scores: Float64Array, cache: ModelCache): string {
  const raw = rawRows(word, model.features, cache.raw);
  const tags = tagRows(prev, prev2, model.features, cache.tags);
  const rows = [
    cache.bias,
    raw[0]!,
    raw[1]!,
    tags[0]!,
    tags[1]!,
    tags[2]!,
    ctx[j]![0]!,
    findKey(model.features, PREV_TAG_WORD, prev, ' ', context[j]!),
    ctx[j - 1]![1]!,
    ctx[j - 1]![2]!,
    ctx[j - 2]![3]!,
    ctx[j + 1]![4]!,
    ctx[j + 1]![5]!,
    ctx[j + 2]![6]!,
  ];
  const { offsets, labels, values, classes } = model;
  scores.fill(0);
  for (const row of rows) {
    if (row < 0) continue;
    for (let k = offsets[row]!, end = offsets[row + 1]!; k < end; k++) scores[labels[k]!] = scores[labels[k]!]! + values[k]!;
  }
  let best = 0;
  for (let c = 1; c < classes.length; c++) {
    const d = scores[c]! - scores[best]!;
    if (d > 0 || (d === 0 && classes[c]! > classes[best]!)) best = c;
  }
  return classes[best]!;
}

/** Tag each token (`nltk.pos_tag(tokens)` with the given model). */
export function perceptronTag(tokens: readonly string[], model: PerceptronModel): Array<[string, string]> {
  const cache = cacheOf(model);
  const context = [...START, ...tokens.map(normalizeWord), ...END];
  const ctx = context.map((x) => contextRows(x, model.features, cache.context));
  const scores = new Float64Array(model.classes.length);
  const out: Array<[string, string]> = [];
  let prev: string = START[0];
  let prev2: string = START[1];
  tokens.forEach((word, i) => {
    const tag = model.tagdict.get(word) || predict(i + START.length, word, ctx, context, prev, prev2, model, scores, cache);
    out.push([word, tag]);
    prev2 = prev;
    prev = tag;
  });
  return out;
}
