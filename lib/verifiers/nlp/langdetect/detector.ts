import type { Rng } from '../../../stats/rng';
import type { ProfileModel } from './profiles';

/** langdetect 1.0.9's Detector constants. */
export const DETECTOR = {
  alphaDefault: 0.5,
  alphaWidth: 0.05,
  iterationLimit: 1000,
  probThreshold: 0.1,
  convThreshold: 0.99999,
  baseFreq: 10000,
  nTrial: 7,
} as const;

/** Draws one collected n-gram (its profile row) uniformly at random, like Python's `random.choice(ngrams)`. */
export type NgramDraw = () => number;

/** Standard normal draws by Box–Muller, caching the second value of each pair as Python's random.gauss does. */
export function gaussian(rng: Rng): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const z = spare;
      spare = null;
      return z;
    }
    const angle = rng.next() * 2 * Math.PI;
    const radius = Math.sqrt(-2 * Math.log(1 - rng.next()));
    spare = Math.sin(angle) * radius;
    return Math.cos(angle) * radius;
  };
}

/** Normalise `prob` to sum 1 and return its largest entry (Python `_normalize_prob`). */
function normalizeProb(prob: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < prob.length; i++) sum += prob[i]!;
  let max = 0;
  for (let i = 0; i < prob.length; i++) {
    const p = prob[i]! / sum;
    if (max < p) max = p;
    prob[i] = p;
  }
  return max;
}

/**
 * One trial: from uniform probabilities, multiply each language's probability by (alpha/10000 + P(gram | lang))
 * for random grams until one language passes 0.99999 (checked every 5 draws) or 1000 draws.
 * Python multiplies every language; we divide the factor by alpha/10000, which leaves the languages without the
 * gram untouched and changes nothing after the next normalisation (which always comes before a read).
 */
function runTrial(model: ProfileModel, draw: NgramDraw, alpha: number, prob: Float64Array): void {
  const { rowStart, langIndex, prob: gramProb } = model;
  const inverseWeight = DETECTOR.baseFreq / alpha;
  prob.fill(1 / prob.length);
  for (let i = 0; ; i++) {
    const row = draw();
    for (let k = rowStart[row]!, end = rowStart[row + 1]!; k < end; k++) prob[langIndex[k]!]! *= 1 + gramProb[k]! * inverseWeight;
    if (i % 5 === 0 && (normalizeProb(prob) > DETECTOR.convThreshold || i >= DETECTOR.iterationLimit)) return;
  }
}

let scratch = new Float64Array(0);

/**
 * Python `Detector._detect_block` after feature extraction: the average over 7 trials of each language's
 * probability (order of `model.langs`). With `stopWhenDecided`, trials stop once the leader cannot be overtaken
 * (each remaining trial adds at most 1/7 to any language): the argmax is then exact but the numbers are partial.
 */
export function languageProbabilities(model: ProfileModel, draw: NgramDraw, rng: Rng, stopWhenDecided = false): Float64Array {
  const nLang = model.langs.length;
  if (scratch.length !== nLang) scratch = new Float64Array(nLang);
  const result = new Float64Array(nLang);
  const gauss = gaussian(rng);
  for (let t = 0; t < DETECTOR.nTrial; t++) {
    const alpha = DETECTOR.alphaDefault + gauss() * DETECTOR.alphaWidth;
    runTrial(model, draw, alpha, scratch);
    for (let j = 0; j < nLang; j++) result[j] = result[j]! + scratch[j]! / DETECTOR.nTrial;
    if (stopWhenDecided && isDecided(result, (DETECTOR.nTrial - t - 1) / DETECTOR.nTrial)) break;
  }
  return result;
}

/** Whether the leader passes the threshold and beats every other language by more than `remaining`. */
function isDecided(sums: Float64Array, remaining: number): boolean {
  let first = 0;
  let second = 0;
  for (const p of sums) {
    if (p > first) ((second = first), (first = p));
    else if (p > second) second = p;
  }
  const margin = 1e-9; // far above the rounding of seven additions
  return first > DETECTOR.probThreshold + margin && first - second > remaining + margin;
}
