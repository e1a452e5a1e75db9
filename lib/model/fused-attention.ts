import { heapI32 } from '../tensor/wasm/runtime';
import { slot, type Pass } from './fused-pass';
import type { LayerSlots } from './fused-plan';

/*
 * The attention of one layer of a fused pass, by plan (fused-plan.ts). Causal: one `attend` over B rows of T.
 * Prefixed: `attend` over the P prompts, then each completion's keys and values are gathered after its prompt's
 * (kf, vf: B blocks of Tp + Tc rows, by the geometry's keyRows) and `attend` runs the completions' queries at offset
 * Tp over them. Backward, the key/value gradients of those blocks are scatter-added back through keyRows (a
 * prompt's rows collect the part of every completion of its group) before the prompts' own backward adds the rest.
 */

/** Write the pads the attention kernels read: pads of the B rows (causal), or of the P prompts then the B completions. */
export function writePads(p: Pass): void {
  const plan = p.g.plan;
  const heap = heapI32(p.m);
  const at = p.ws / 4 + p.lay.pads;
  if (plan.kind === 'causal') heap.set(plan.pads, at);
  else {
    heap.set(plan.padsP, at);
    heap.set(Int32Array.from(plan.src, (u) => plan.padsP[u]!), at + plan.P);
  }
}

const scaleOf = (p: Pass): number => 1 / Math.sqrt(p.d.hs);

/** y = attention(q, k, v) of layer slots s; probabilities kept for the backward pass. */
export function attentionForward(p: Pass, s: LayerSlots, scratch: number): void {
  const f = p.m.fns;
  const { D, H, hs } = p.d;
  const at = (o: number): number => slot(p, o);
  const plan = p.g.plan;
  if (plan.kind === 'causal') {
    const { B, T } = plan;
    f.attend!(at(s.q), at(s.k), at(s.v), at(s.y), at(s.probs), at(p.lay.pads), B, H, hs, T, T, T * D, T * D, T * D, D, 0, scaleOf(p), scratch);
    return;
  }
  const { P, Tp, B, Tc } = plan;
  const Tk = Tp + Tc;
  const NP = P * Tp;
  f.attend!(at(s.q), at(s.k), at(s.v), at(s.y), at(s.probs), at(p.lay.pads), P, H, hs, Tp, Tp, Tp * D, Tp * D, Tp * D, D, 0, scaleOf(p), scratch);
  f.gatherRows!(at(s.kf), at(s.k), at(p.lay.keyRows), B * Tk, D);
  f.gatherRows!(at(s.vf), at(s.v), at(p.lay.keyRows), B * Tk, D);
  const probsC = at(s.probs) + 4 * P * H * Tp * Tp;
  const row = (o: number): number => at(o) + 4 * NP * D; // the completions' rows of an (N, D) slot
  f.attend!(row(s.q), at(s.kf), at(s.vf), row(s.y), probsC, at(p.lay.pads) + 4 * P, B, H, hs, Tc, Tk, Tc * D, Tk * D, Tc * D, D, Tp, scaleOf(p), scratch);
}

/** Scratch floats attentionBackward needs (the completions' key and value gradients). */
export function attentionScratchFloats(p: Pass): number {
  const plan = p.g.plan;
  return plan.kind === 'causal' ? 0 : 2 * plan.B * (plan.Tp + plan.Tc) * p.d.D;
}

/** Scratch floats of attendGrad: a (queries × keys + 4) matrix, for the largest attention of the plan. */
export function gradScratchFloats(p: Pass): number {
  const plan = p.g.plan;
  if (plan.kind === 'causal') return plan.T * (plan.T + 4);
  return Math.max(plan.Tp * (plan.Tp + 4), plan.Tc * (plan.Tp + plan.Tc + 4));
}

/**
 * dq, dk, dv (byte addresses of (N, D) buffers, zeroed here) from dy for layer slots s; `tmp` holds
 * attentionScratchFloats(p) floats, `row` gradScratchFloats(p).
 */
export function attentionBackward(p: Pass, s: LayerSlots, dy: number, dq: number, dk: number, dv: number, tmp: number, row: number): void {
  const f = p.m.fns;
  const { D, H, hs } = p.d;
  const at = (o: number): number => slot(p, o);
  const plan = p.g.plan;
  const N = p.g.N;
  for (const buf of [dq, dk, dv]) f.fill!(buf, N * D, 0);
  if (plan.kind === 'causal') {
    const { B, T } = plan;
    f.attendGrad!(at(s.q), at(s.k), at(s.v), at(s.probs), dy, dq, dk, dv, at(p.lay.pads), B, H, hs, T, T, T * D, T * D, D, 0, scaleOf(p), row);
    return;
  }
  const { P, Tp, B, Tc } = plan;
  const Tk = Tp + Tc;
  const NP = P * Tp;
  const [dkf, dvf] = [tmp, tmp + 4 * B * Tk * D];
  f.fill!(tmp, 2 * B * Tk * D, 0);
  const c = (base: number): number => base + 4 * NP * D; // the completions' rows
  const probsC = at(s.probs) + 4 * P * H * Tp * Tp;
  f.attendGrad!(c(at(s.q)), at(s.kf), at(s.vf), probsC, c(dy), c(dq), dkf, dvf, at(p.lay.pads) + 4 * P, B, H, hs, Tc, Tk, Tc * D, Tk * D, D, Tp, scaleOf(p), row);
  f.scatterAddRows!(dk, dkf, at(p.lay.keyRows), B * Tk, D); // a prompt's rows collect every completion's part
  f.scatterAddRows!(dv, dvf, at(p.lay.keyRows), B * Tk, D);
  f.attendGrad!(at(s.q), at(s.k), at(s.v), at(s.probs), dy, dq, dk, dv, at(p.lay.pads), P, H, hs, Tp, Tp, Tp * D, Tp * D, D, 0, scaleOf(p), row);
}
