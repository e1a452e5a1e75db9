import { createRng, type Rng } from '../../../stats/rng';
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

/**
 * Our fixed seed. Python seeds from the OS unless `DetectorFactory.seed` is set, so the official verdicts are
 * those that hold for (almost) any seed; the oracle fixture marks the texts where Python itself wavers.
 */
export const DETECTOR_SEED = 0;

/** Standard normal draws by Box–Muller, caching the second value of each pair as Python's random.gauss does. */
function gaussian(rng: Rng): () => number {
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

let scratchFactor = new Float64Array(0);
let scratchProb = new Float64Array(0);

/**
 * Python `Detector._detect_block` after feature extraction: 7 trials, each drawing n-grams at random and
 * multiplying per-language probabilities by (alpha / 10000 + P(gram | lang)) until one language passes 0.99999
 * (checked every 5 draws) or 1000 draws; returns the trial average per language (same order as `model.langs`).
 */
export function languageProbabilities(
  model: ProfileModel,
  rows: Int32Array,
  count: number,
  seed: number = DETECTOR_SEED,
): Float64Array {
  const nLang = model.langs.length;
  if (scratchProb.length !== nLang) ((scratchProb = new Float64Array(nLang)), (scratchFactor = new Float64Array(nLang)));
  const prob = scratchProb;
  const factor = scratchFactor;
  const { rowStart, langIndex, prob: gramProb } = model;
  const result = new Float64Array(nLang);
  const rng = createRng(seed);
  const gauss = gaussian(rng);
  for (let t = 0; t < DETECTOR.nTrial; t++) {
    prob.fill(1 / nLang);
    const alpha = DETECTOR.alphaDefault + gauss() * DETECTOR.alphaWidth;
    const weight = alpha / DETECTOR.baseFreq;
    for (let i = 0; ; i++) {
      const row = rows[Math.floor(rng.next() * count)]!;
      factor.fill(weight);
      for (let k = rowStart[row]!, end = rowStart[row + 1]!; k < end; k++) factor[langIndex[k]!] = weight + gramProb[k]!;
      for (let j = 0; j < nLang; j++) prob[j] *= factor[j]!;
      if (i % 5 === 0 && (normalizeProb(prob) > DETECTOR.convThreshold || i >= DETECTOR.iterationLimit)) break;
    }
    for (let j = 0; j < nLang; j++) result[j] += prob[j]! / DETECTOR.nTrial;
  }
  return result;
}
