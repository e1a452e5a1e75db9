/*
 * Multiply-add FLOPs of ifkit's GRPO step, counted as ifkit computes them: causal attention over the keys a query
 * sees (not a full masked T×T), the tied output layer only where a token is sampled or scored, and the update's
 * prompts once per group (Policy.completionLogProbs). FLOPs ÷ the wasm gemm rate is the time a phase could not beat
 * even with zero per-operation overhead: its floor.
 */
import { mlpWidth } from '../../lib/model/weights';
import type { StepSize } from './sizes';

/** Products of one layer for one token (q, k, v, output projection, MLP), plus its attention over `keys` keys. */
function layerFlops(size: StepSize, keys: number): number {
  const D = size.model.dModel;
  const M = mlpWidth(size.model);
  return 2 * (4 * D * D + 2 * D * M) + 4 * keys * D;
}

const headFlops = (size: StepSize): number => 2 * size.model.dModel * size.model.vocabSize;

/** Σ over t of a sequence's tokens from position `start` (seeing start + t + 1 keys) of one layer. */
function run(size: StepSize, start: number, tokens: number): number {
  let flops = 0;
  for (let t = 0; t < tokens; t++) flops += layerFlops(size, start + t + 1);
  return flops;
}

/** Sampling: a prefill of the distinct prompts, then one decoding step per new token after the first. */
export function samplingFlops(size: StepSize): number {
  const { prompts: P, groupSize: G, promptLength: Lp, maxNewTokens: N } = size;
  const L = size.model.nLayers;
  const prefill = P * (L * run(size, 0, Lp) + headFlops(size));
  const decode = P * G * (L * run(size, Lp, N - 1) + (N - 1) * headFlops(size));
  return prefill + decode;
}

/**
 * The update: the backward pass at twice the forward's products, prompts once and completions per row. With one
 * inner pass and one micro-batch (the bench's config) the forward pass is the sampling's, recorded
 * (lib/model/fused-record.ts); otherwise add it (recorded = false).
 */
export function updateFlops(size: StepSize, recorded = true): number {
  const { prompts: P, groupSize: G, promptLength: Lp, maxNewTokens: N } = size;
  const L = size.model.nLayers;
  const forward = P * L * run(size, 0, Lp) + P * G * (L * run(size, Lp, N) + N * headFlops(size));
  return (recorded ? 2 : 3) * forward;
}
