import { pyIsDigit } from './punkt-chars';
import type { PerceptronModel } from './pos-tagger-model';

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

function lookup(model: PerceptronModel, template: number, arg: string, arg2?: string): number {
  const hit = model.rows[template]!.get(arg);
  if (arg2 === undefined) return (hit as number | undefined) ?? -1;
  return (hit instanceof Map ? hit.get(arg2) : undefined) ?? -1;
}

// Rows (-1: no weights) of the templates that depend on one word only, cached per model across calls:
// a context word feeds 7 templates and a raw word 2, so a warm cache turns 14 lookups in big maps per
// token into about 6. Bounded; cleared when full.
const CACHE_LIMIT = 100_000;
interface WordRows {
  readonly context: Map<string, Int32Array>;
  readonly raw: Map<string, Int32Array>;
}
const caches = new WeakMap<PerceptronModel, WordRows>();

/** Rows of `i word`, `i-1 word`, `i-1 suffix`, `i-2 word`, `i+1 word`, `i+1 suffix`, `i+2 word` for `x`. */
function contextRows(x: string, model: PerceptronModel, cache: Map<string, Int32Array>): Int32Array {
  let r = cache.get(x);
  if (r === undefined) {
    const suffix = suffix3(x);
    r = Int32Array.of(lookup(model, 6, x), lookup(model, 8, x), lookup(model, 9, suffix), lookup(model, 10, x), lookup(model, 11, x), lookup(model, 12, suffix), lookup(model, 13, x));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(x, r);
  }
  return r;
}

/** Rows of `i suffix` and `i pref1` for the raw word. */
function rawRows(word: string, model: PerceptronModel, cache: Map<string, Int32Array>): Int32Array {
  let r = cache.get(word);
  if (r === undefined) {
    r = Int32Array.of(lookup(model, 1, suffix3(word)), lookup(model, 2, word === '' ? '' : String.fromCodePoint(word.codePointAt(0)!)));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, r);
  }
  return r;
}

/**
 * `_get_features` + `AveragedPerceptron.predict` for the token at context position j. The 14 feature keys
 * are distinct for any input (their names differ before the first argument), so each has value 1 and
 * Python's `value * weight` is `weight`. Scores are summed feature by feature in Python's insertion order
 * (FEATURE_TEMPLATES) so that floating-point rounding matches; ties go to the greater tag name, as
 * `max(classes, key=lambda c: (score[c], c))` does.
 */
function predict(j: number, word: string, ctx: readonly Int32Array[], context: readonly string[], prev: string, prev2: string, model: PerceptronModel, scores: Float64Array, cache: WordRows): string {
  const raw = rawRows(word, model, cache.raw);
  const rows = [
    lookup(model, 0, ''),
    raw[0]!,
    raw[1]!,
    lookup(model, 3, prev),
    lookup(model, 4, prev2),
    lookup(model, 5, prev, prev2),
    ctx[j]![0]!,
    lookup(model, 7, prev, context[j]!),
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
  const cache = caches.get(model) ?? { context: new Map<string, Int32Array>(), raw: new Map<string, Int32Array>() };
  caches.set(model, cache);
  const context = [...START, ...tokens.map(normalizeWord), ...END];
  const wordCache = cache.context;
  const ctx = context.map((x) => contextRows(x, model, wordCache));
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
