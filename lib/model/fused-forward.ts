import type { Kernel, KernelModule } from '../tensor/wasm/runtime';
import { heapF32, heapI32 } from '../tensor/wasm/runtime';
import type { Dims, Layout } from './fused-plan';

/*
 * The forward pass of lib/model/transformer.ts as wasm kernel calls over one workspace (shapes: N = B·T rows of
 * width D, MLP width M). Every activation stays in the workspace for the backward pass (fused-backward.ts):
 *   x0 = E[ids] + P[pos]
 *   per layer: h1 = LN1(x); q, k, v = h1·Wq, h1·Wk, h1·Wv; y = attention; xMid = x + y·Wo;
 *              h2 = LN2(xMid); u = h2·Wfc; g = gelu(u); x' = xMid + g·Wfp
 *   hf = LNf(x_L); rows = hf at positions from … from + K − 1 of every sequence; logits = rows·Eᵀ
 */

/** One pass: the kernels, the shapes, the workspace (byte offset) and the weights (byte offsets by name). */
export interface Pass {
  readonly m: KernelModule;
  readonly d: Dims;
  readonly lay: Layout;
  readonly ws: number;
  readonly w: Readonly<Record<string, number>>;
  /** Scratch (bytes) for the attention rows and a transposed weight: at least scratchBytes(d). */
  readonly scratch: number;
}

/** Bytes of scratch a pass needs: an attention row and the largest transposed weight. */
export const scratchBytes = (d: Dims): number => 4 * (d.T + 8 + Math.max(d.D * d.V, d.D * d.M, d.D * d.D));

/** Byte address of workspace slot `floatOffset`. */
export const slot = (p: Pass, floatOffset: number): number => p.ws + 4 * floatOffset;

/** fns of the module, typed loosely: every kernel takes numbers. */
export const fns = (p: Pass): Record<string, Kernel> => p.m.fns;

/** Copy n floats from byte address src to byte address dst. */
export function copyFloats(p: Pass, dst: number, src: number, n: number): void {
  heapF32(p.m).copyWithin(dst / 4, src / 4, src / 4 + n);
}

/** Write ids, positions (real tokens before each, 0 on padding), pads and the K targets into the workspace. */
export function writeIndices(p: Pass, ids: Int32Array, pads: Int32Array): void {
  const { B, T, from, K } = p.d;
  const heap = heapI32(p.m);
  heap.set(ids, p.ws / 4 + p.lay.ids);
  heap.set(pads, p.ws / 4 + p.lay.pads);
  const pos = new Int32Array(B * T);
  const targets = new Int32Array(B * K);
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) pos[b * T + t] = Math.max(0, t - pads[b]!);
    for (let j = 0; j < K; j++) targets[b * K + j] = from + j + 1 < T ? ids[b * T + from + j + 1]! : 0;
  }
  heap.set(pos, p.ws / 4 + p.lay.pos);
  heap.set(targets, p.ws / 4 + p.lay.targets);
}

function layer(p: Pass, l: number): void {
  const f = fns(p);
  const { B, T, D, H, hs, M } = p.d;
  const N = B * T;
  const s = p.lay.layers[l]!;
  const at = (o: number): number => slot(p, o);
  const w = (name: string): number => p.w[`layers.${l}.${name}`]!;
  const x = at(p.lay.x[l]!);
  f.layerNorm!(x, at(s.h1), w('ln1Gain'), w('ln1Bias'), at(s.st1), N, D);
  f.gemm!(at(s.h1), w('query'), at(s.q), N, D, D, D, D, D, 0);
  f.gemm!(at(s.h1), w('key'), at(s.k), N, D, D, D, D, D, 0);
  f.gemm!(at(s.h1), w('value'), at(s.v), N, D, D, D, D, D, 0);
  f.attend!(at(s.q), at(s.k), at(s.v), at(s.y), at(s.probs), at(p.lay.pads), B, H, hs, T, T, T * D, T * D, T * D, D, 0, 1 / Math.sqrt(hs), p.scratch);
  copyFloats(p, at(s.xMid), x, N * D);
  f.gemm!(at(s.y), w('proj'), at(s.xMid), N, D, D, D, D, D, 1);
  f.layerNorm!(at(s.xMid), at(s.h2), w('ln2Gain'), w('ln2Bias'), at(s.st2), N, D);
  f.gemm!(at(s.h2), w('fc'), at(s.u), N, D, M, D, M, M, 0);
  f.gelu!(at(s.u), at(s.g), N * M);
  const next = at(p.lay.x[l + 1]!);
  copyFloats(p, next, at(s.xMid), N * D);
  f.gemm!(at(s.g), w('fcProj'), next, N, M, D, M, D, D, 1);
}

/** Run the whole forward pass; writeIndices must have run. Leaves the logits (B·K, V) in the workspace. */
export function forwardPass(p: Pass): void {
  const f = fns(p);
  const { B, T, D, V, from, K } = p.d;
  const N = B * T;
  const at = (o: number): number => slot(p, o);
  f.embed!(at(p.lay.ids), at(p.lay.pos), p.w.tokenEmbedding!, p.w.positionEmbedding!, at(p.lay.x[0]!), N, D);
  for (let l = 0; l < p.d.L; l++) layer(p, l);
  f.layerNorm!(at(p.lay.x[p.d.L]!), at(p.lay.hf), p.w.lnfGain!, p.w.lnfBias!, at(p.lay.stf), N, D);
  for (let b = 0; b < B; b++) copyFloats(p, at(p.lay.rows) + 4 * b * K * D, at(p.lay.hf) + 4 * (b * T + from) * D, K * D);
  const Et = p.scratch + 4 * (T + 8); // Eᵀ (D, V) after the attention row
  f.transpose!(p.w.tokenEmbedding!, Et, V, D);
  f.gemm!(at(p.lay.rows), Et, at(p.lay.logits), B * K, D, V, D, V, V, 0);
}
