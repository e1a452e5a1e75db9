import type { Rng } from '../stats/rng';

/*
 * Drawing a token from one row of logits, on the CPU in float64 so the same logits and the same rng always give
 * the same token, whatever the tensor backend.
 */

export interface SamplingRule {
  /** 0 means greedy. */
  temperature: number;
  /** 0 means no top-k cut. */
  topK: number;
  /** 1 means no nucleus cut. */
  topP: number;
}

/** Validated sampling rule from user options (temperature 1, no cuts by default). */
export function samplingRule(opts: { temperature?: number; topK?: number; topP?: number }): SamplingRule {
  const temperature = opts.temperature ?? 1;
  const topK = opts.topK ?? 0;
  const topP = opts.topP ?? 1;
  if (!(temperature >= 0) || !Number.isFinite(temperature)) throw new Error(`temperature=${temperature}: use a number >= 0 (0 = greedy)`);
  if (!Number.isInteger(topK) || topK < 0) throw new Error(`topK=${topK}: use an integer >= 0 (0 = no cut)`);
  if (!(topP > 0 && topP <= 1)) throw new Error(`topP=${topP}: use a number in (0, 1] (1 = no cut)`);
  return { temperature, topK, topP };
}

/** Index of the largest value (the first one on ties). */
export function argmax(row: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < row.length; i++) if (row[i]! > row[best]!) best = i;
  return best;
}

/**
 * The candidate tokens and their renormalised probabilities under `rule` (most likely first when a cut applies).
 * @example sampleDistribution([0, Math.log(3)], { temperature: 1, topK: 1, topP: 1 }) // ids [1], probs [1]
 */
export function sampleDistribution(logits: ArrayLike<number>, rule: SamplingRule): { ids: number[]; probs: number[] } {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]!);
  const weights: number[] = new Array<number>(logits.length);
  for (let i = 0; i < logits.length; i++) weights[i] = Math.exp((logits[i]! - max) / rule.temperature);
  let ids = Array.from({ length: logits.length }, (_, i) => i);
  if (rule.topK === 0 && rule.topP === 1) {
    const sum = weights.reduce((s, x) => s + x, 0);
    return { ids, probs: weights.map((x) => x / sum) }; // no cut: skip the sort (the hot path of GRPO sampling)
  }
  // sort by weight, ties by id, so the order never depends on the sort's stability
  ids.sort((a, b) => weights[b]! - weights[a]! || a - b);
  if (rule.topK > 0) ids = ids.slice(0, rule.topK);
  let total = ids.reduce((s, i) => s + weights[i]!, 0);
  if (rule.topP < 1) {
    let mass = 0;
    let keep = 0;
    while (keep < ids.length && mass < rule.topP * total) mass += weights[ids[keep++]!]!;
    ids = ids.slice(0, Math.max(1, keep));
    total = mass;
  }
  return { ids, probs: ids.map((i) => weights[i]! / total) };
}

let weights = new Float64Array(0);

/**
 * sampleDistribution + draw for the uncut rule (GRPO's hot path), without its arrays: the same float64 operations
 * in the same order (exp of the shifted logit, the sum in index order, cumulative w / sum), so the same token.
 */
function sampleUncut(logits: ArrayLike<number>, temperature: number, u: number): number {
  const V = logits.length;
  if (weights.length < V) weights = new Float64Array(V);
  let max = -Infinity;
  for (let i = 0; i < V; i++) max = Math.max(max, logits[i]!);
  let sum = 0;
  for (let i = 0; i < V; i++) sum += weights[i] = Math.exp((logits[i]! - max) / temperature);
  let cum = 0;
  for (let j = 0; j < V; j++) {
    cum += weights[j]! / sum;
    if (u < cum) return j;
  }
  return V - 1;
}

/** Draw one token id from a row of logits; uses exactly one rng.next() unless greedy. */
export function sampleToken(logits: ArrayLike<number>, rule: SamplingRule, rng: Rng): number {
  if (rule.temperature === 0) return argmax(logits);
  if (rule.topK === 0 && rule.topP === 1) return sampleUncut(logits, rule.temperature, rng.next());
  const { ids, probs } = sampleDistribution(logits, rule);
  const u = rng.next();
  let cum = 0;
  for (let j = 0; j < ids.length; j++) {
    cum += probs[j]!;
    if (u < cum) return ids[j]!;
  }
  return ids[ids.length - 1]!;
}
