/*
 * One AdamW update as a pure function, as `torch.optim.AdamW` computes it (decoupled weight decay, bias-corrected
 * moments, eps added to √v̂). TRL trains with AdamW and weight_decay 0 by default, which is Adam. The tensor optimiser
 * (`optimizer.ts`) applies the same formula; optimizer.test.ts checks they agree.
 */

export interface AdamOptions {
  readonly lr: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  /** Decoupled (AdamW) weight decay; 0 is plain Adam. */
  readonly weightDecay: number;
}

export const ADAM_DEFAULTS: Omit<AdamOptions, 'lr'> = { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 };

export interface AdamState {
  readonly m: number[];
  readonly v: number[];
}

/** One AdamW update at 1-based step `t`; returns new parameters and moments. */
export function adamStep(
  params: readonly number[],
  grads: readonly number[],
  state: AdamState,
  t: number,
  o: AdamOptions,
): { params: number[]; state: AdamState } {
  const c1 = 1 - o.beta1 ** t;
  const c2 = 1 - o.beta2 ** t;
  const m = state.m.map((mi, i) => o.beta1 * mi + (1 - o.beta1) * grads[i]!);
  const v = state.v.map((vi, i) => o.beta2 * vi + (1 - o.beta2) * grads[i]! ** 2);
  const out = params.map((p, i) => {
    const decayed = p * (1 - o.lr * o.weightDecay);
    return decayed - (o.lr * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + o.eps);
  });
  return { params: out, state: { m, v } };
}
