/*
 * Gradient clipping by global norm, as `torch.nn.utils.clip_grad_norm_`: coef = max_norm / (‖g‖ + 1e-6), applied
 * only when < 1. The tensor optimiser (`optimizer.ts`) applies the same rule; optimizer.test.ts checks they agree.
 */

/** The global L2 norm of several gradient arrays and the factor that clips it to `maxNorm` (1 if no clip). */
export function globalNormClip(grads: readonly (readonly number[])[], maxNorm: number): { norm: number; scale: number } {
  let ss = 0;
  for (const g of grads) for (const x of g) ss += x * x;
  const norm = Math.sqrt(ss);
  return { norm, scale: Math.min(1, maxNorm / (norm + 1e-6)) };
}
