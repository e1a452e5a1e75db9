import { pyIsDigit } from './punkt-chars';
import type { PerceptronModel } from './pos-tagger-model';

/**
 * NLTK 3.8 `PerceptronTagger.tag(tokens)` (greedy averaged perceptron, as used by `nltk.pos_tag`):
 * tagdict shortcut, 14 context features, dot product, argmax. Unchanged in NLTK 3.9.
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

/** `_get_features`: feature keys in Python's insertion order, with counts (a key added twice counts 2). */
function features(i: number, word: string, context: readonly string[], prev: string, prev2: string): Map<string, number> {
  const f = new Map<string, number>();
  const add = (key: string): void => {
    f.set(key, (f.get(key) ?? 0) + 1);
  };
  const j = i + START.length;
  add('bias');
  add(`i suffix ${suffix3(word)}`);
  add(`i pref1 ${word === '' ? '' : String.fromCodePoint(word.codePointAt(0)!)}`);
  add(`i-1 tag ${prev}`);
  add(`i-2 tag ${prev2}`);
  add(`i tag+i-2 tag ${prev} ${prev2}`);
  add(`i word ${context[j]!}`);
  add(`i-1 tag+i word ${prev} ${context[j]!}`);
  add(`i-1 word ${context[j - 1]!}`);
  add(`i-1 suffix ${suffix3(context[j - 1]!)}`);
  add(`i-2 word ${context[j - 2]!}`);
  add(`i+1 word ${context[j + 1]!}`);
  add(`i+1 suffix ${suffix3(context[j + 1]!)}`);
  add(`i+2 word ${context[j + 2]!}`);
  return f;
}

/**
 * `AveragedPerceptron.predict`: scores summed feature by feature in Python's order (so floating-point
 * rounding matches), then the best class; ties go to the greater tag name, as `max(key=(score, label))`.
 */
function predict(feats: Map<string, number>, model: PerceptronModel, scores: Float64Array): string {
  scores.fill(0);
  for (const [feat, value] of feats) {
    const w = model.weights.get(feat);
    if (w === undefined) continue;
    for (let k = 0; k < w.labels.length; k++) scores[w.labels[k]!] += value * w.values[k]!;
  }
  let best = 0;
  for (let c = 1; c < model.classes.length; c++) {
    const d = scores[c]! - scores[best]!;
    if (d > 0 || (d === 0 && model.classes[c]! > model.classes[best]!)) best = c;
  }
  return model.classes[best]!;
}

/** Tag each token (`nltk.pos_tag(tokens)` with the given model). */
export function perceptronTag(tokens: readonly string[], model: PerceptronModel): Array<[string, string]> {
  const context = [...START, ...tokens.map(normalizeWord), ...END];
  const scores = new Float64Array(model.classes.length);
  const out: Array<[string, string]> = [];
  let prev: string = START[0];
  let prev2: string = START[1];
  tokens.forEach((word, i) => {
    const tag = model.tagdict.get(word) || predict(features(i, word, context, prev, prev2), model, scores);
    out.push([word, tag]);
    prev2 = prev;
    prev = tag;
  });
  return out;
}
