import { heapI32 } from '../tensor/wasm/runtime';
import { attentionForward, writePads } from './fused-attention';
import type { Dims, Geometry } from './fused-plan';
import { copyFloats, fns, slot, type Pass } from './fused-pass';

/*
 * The forward pass of lib/model/transformer.ts as wasm kernel calls over one workspace, on the N rows of a
 * geometry (fused-plan.ts; width D, MLP width M). Every activation stays in the workspace for the backward pass
 * (fused-backward.ts):
 *   x0 = E[ids] + P[pos]
 *   per layer: h1 = LN1(x); q, k, v = h1·Wq, h1·Wk, h1·Wv; y = attention (fused-attention.ts); xMid = x + y·Wo;
 *              h2 = LN2(xMid); u = h2·Wfc; g = gelu(u); x' = xMid + g·Wfp
 *   hf = LNf(x_L); rows = hf at the head rows; logits = rows·Eᵀ
 * Every step but attention treats the rows alike, so each is one kernel call over all N rows.
 */

/** Longest key row of a geometry's attention (the attention kernels' scratch row). */
export const keyRow = (g: Geometry): number => (g.plan.kind === 'causal' ? g.plan.T : g.plan.Tp + g.plan.Tc);

/** Bytes of scratch a forward pass needs: an attention row and the transposed token table. */
export const scratchBytes = (d: Dims, g: Geometry): number => 4 * (keyRow(g) + 8 + d.D * d.V);

/** Write the geometry's ids, positions, pads, targets, head rows and key rows into the workspace. */
export function writeIndices(p: Pass): void {
  const heap = heapI32(p.m);
  heap.set(p.g.ids, p.ws / 4 + p.lay.ids);
  heap.set(p.g.pos, p.ws / 4 + p.lay.pos);
  heap.set(p.g.targets, p.ws / 4 + p.lay.targets);
  heap.set(p.g.headRows, p.ws / 4 + p.lay.head);
  heap.set(p.g.keyRows, p.ws / 4 + p.lay.keyRows);
  writePads(p);
}

function layer(p: Pass, l: number): void {
  const f = fns(p);
  const { D, M } = p.d;
  const N = p.g.N;
  const s = p.lay.layers[l]!;
  const at = (o: number): number => slot(p, o);
  const w = (name: string): number => p.w[`layers.${l}.${name}`]!;
  const x = at(p.lay.x[l]!);
  f.layerNorm!(x, at(s.h1), w('ln1Gain'), w('ln1Bias'), at(s.st1), N, D);
  f.gemm!(at(s.h1), w('query'), at(s.q), N, D, D, D, D, D, 0);
  f.gemm!(at(s.h1), w('key'), at(s.k), N, D, D, D, D, D, 0);
  f.gemm!(at(s.h1), w('value'), at(s.v), N, D, D, D, D, D, 0);
  attentionForward(p, s, p.scratch);
  copyFloats(p, at(s.xMid), x, N * D);
  f.gemm!(at(s.y), w('proj'), at(s.xMid), N, D, D, D, D, D, 1);
  f.layerNorm!(at(s.xMid), at(s.h2), w('ln2Gain'), w('ln2Bias'), at(s.st2), N, D);
  f.gemm!(at(s.h2), w('fc'), at(s.u), N, D, M, D, M, M, 0);
  f.gelu!(at(s.u), at(s.g), at(s.sig), N * M);
  const next = at(p.lay.x[l + 1]!);
  copyFloats(p, next, at(s.xMid), N * D);
  f.gemm!(at(s.g), w('fcProj'), next, N, M, D, M, D, D, 1);
}

/** Embeddings, every layer and the final norm over all N rows (the indices must be written). */
export function bodyPass(p: Pass): void {
  const f = fns(p);
  const { D } = p.d;
  const N = p.g.N;
  const at = (o: number): number => slot(p, o);
  f.embed!(at(p.lay.ids), at(p.lay.pos), p.w.tokenEmbedding!, p.w.positionEmbedding!, at(p.lay.x[0]!), N, D);
  for (let l = 0; l < p.d.L; l++) layer(p, l);
  f.layerNorm!(at(p.lay.x[p.d.L]!), at(p.lay.hf), p.w.lnfGain!, p.w.lnfBias!, at(p.lay.stf), N, D);
}

/** The output layer on the head rows: rows = hf at the head rows, logits (R, V) = rows·Eᵀ. */
export function headPass(p: Pass): void {
  const f = fns(p);
  const { D, V } = p.d;
  const R = p.g.headRows.length;
  const at = (o: number): number => slot(p, o);
  f.gatherRows!(at(p.lay.rows), at(p.lay.hf), at(p.lay.head), R, D);
  const Et = p.scratch + 4 * (keyRow(p.g) + 8); // Eᵀ (D, V) after the attention row
  f.transpose!(p.w.tokenEmbedding!, Et, V, D);
  f.gemm!(at(p.lay.rows), Et, at(p.lay.logits), R, D, V, D, V, V, 0);
}

/** Run the whole forward pass (writes the indices first). Leaves the head rows' logits (R, V) in the workspace. */
export function forwardPass(p: Pass): void {
  writeIndices(p);
  bodyPass(p);
  headPass(p);
}
