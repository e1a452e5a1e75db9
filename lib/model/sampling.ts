import type { Rng } from '../stats/rng';
import { encodeModule } from '../tensor/wasm/encode';
import { sampleRowsDef } from '../tensor/wasm/sample';
import { webAssembly, type WasmMemory } from '../tensor/wasm/web-assembly';

/*
 * Drawing a token from a row of logits with one rng.next() per token, so the same logits and the same rng always
 * give the same token, whatever the tensor backend. The uncut rule (GRPO's) runs in a small wasm module with its
 * own memory (lib/tensor/wasm/sample.ts: float32 SIMD exp, float64 sums), ~20x faster than Math.exp per logit;
 * cut rules (top-k, top-p) sort, so they stay here in float64.
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

interface Sampler {
  memory: WasmMemory;
  sampleRows: (logits: number, n: number, V: number, invT: number, us: number, out: number, w: number) => void;
}
let sampler: Sampler | undefined;

/** Uncut draws for n rows of V logits, one u per row (u < 0: skip the row, token −1). */
function drawUncut(logits: ArrayLike<number>, n: number, V: number, temperature: number, us: Float64Array): Int32Array {
  if (!sampler) {
    const memory = new webAssembly.Memory({ initial: 1 });
    const { exports } = new webAssembly.Instance(new webAssembly.Module(encodeModule([sampleRowsDef()]).buffer as ArrayBuffer), { env: { memory } });
    sampler = { memory, sampleRows: exports.sampleRows as Sampler['sampleRows'] };
  }
  // layout: us (f64) | out (i32) | logits (f32) | weights (f32)
  const [usAt, outAt, logitsAt] = [0, 8 * n, 12 * n];
  const wAt = logitsAt + 4 * n * V;
  const bytes = wAt + 4 * (V + 4);
  if (bytes > sampler.memory.buffer.byteLength) sampler.memory.grow(Math.ceil((bytes - sampler.memory.buffer.byteLength) / 65536));
  const buf = sampler.memory.buffer;
  new Float64Array(buf, usAt, n).set(us);
  new Float32Array(buf, logitsAt, n * V).set(logits);
  sampler.sampleRows(logitsAt, n, V, 1 / temperature, usAt, outAt, wAt);
  return new Int32Array(buf, outAt, n).slice();
}

/**
 * One token per row of `logits` (n rows of V, row-major), in row order; a row with skip[b] gets −1 and draws
 * nothing from the rng. The same as sampleToken on each row.
 */
export function sampleTokens(logits: ArrayLike<number>, n: number, rule: SamplingRule, rng: Rng, skip?: readonly boolean[]): number[] {
  const V = logits.length / n;
  if (rule.temperature > 0 && rule.topK === 0 && rule.topP === 1) {
    const us = Float64Array.from({ length: n }, (_, b) => (skip?.[b] ? -1 : rng.next()));
    return Array.from(drawUncut(logits, n, V, rule.temperature, us));
  }
  const row = (b: number): number[] => Array.from({ length: V }, (_, j) => logits[b * V + j]!);
  return Array.from({ length: n }, (_, b) => (skip?.[b] ? -1 : sampleToken(row(b), rule, rng)));
}

/** Draw one token id from a row of logits; uses exactly one rng.next() unless greedy. */
export function sampleToken(logits: ArrayLike<number>, rule: SamplingRule, rng: Rng): number {
  if (rule.temperature === 0) return argmax(logits);
  if (rule.topK === 0 && rule.topP === 1) return drawUncut(logits, 1, logits.length, rule.temperature, new Float64Array([rng.next()]))[0]!;
  const { ids, probs } = sampleDistribution(logits, rule);
  const u = rng.next();
  let cum = 0;
  for (let j = 0; j < ids.length; j++) {
    cum += probs[j]!;
    if (u < cum) return ids[j]!;
  }
  return ids[ids.length - 1]!;
}
