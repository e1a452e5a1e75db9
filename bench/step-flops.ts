/*
 * Matrix-product FLOPs of one GRPO step, counted as the step computes them (full causal score matrices, the tied
 * output layer only where a token is sampled or scored), so FLOPs ÷ the wasm matmul rate is the time the step
 * could not beat even with zero per-operation overhead: its floor.
 */
import { mlpWidth } from '../lib/model/weights';
import type { StepSize } from './step-sizes';

/** FLOPs of one layer for one token attending to `keys` keys. */
function layerFlops(size: StepSize, keys: number): number {
  const D = size.model.dModel;
  const M = mlpWidth(size.model);
  return 2 * (3 * D * D + D * D + 2 * D * M) + 4 * keys * D;
}

const headFlops = (size: StepSize): number => 2 * size.model.dModel * size.model.vocabSize;

/** Sampling: a prefill of the distinct prompts, then one decoding step per new token after the first. */
export function samplingFlops(size: StepSize): number {
  const { prompts: P, groupSize: G, promptLength: Lp, maxNewTokens: N } = size;
  const L = size.model.nLayers;
  let flops = P * (Lp * L * layerFlops(size, Lp) + headFlops(size)); // causal prefill ≈ Lp keys per token as computed
  for (let s = 1; s < N; s++) flops += P * G * (L * layerFlops(size, Lp + s) + headFlops(size));
  return flops;
}

/** The update: forward and backward (twice the forward's products) over prompt + completion. */
export function updateFlops(size: StepSize): number {
  const { prompts: P, groupSize: G, promptLength: Lp, maxNewTokens: N } = size;
  const T = Lp + N;
  const forward = P * G * (T * size.model.nLayers * layerFlops(size, T) + N * headFlops(size));
  return 3 * forward;
}
