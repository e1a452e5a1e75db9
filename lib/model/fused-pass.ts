import type { Kernel, KernelModule } from '../tensor/wasm/runtime';
import { heapF32 } from '../tensor/wasm/runtime';
import type { Dims, Geometry, Layout } from './fused-plan';

/*
 * One fused pass over a workspace: what the forward, attention and backward kernels share (fused-forward.ts has the
 * pass itself).
 */

/** One pass: the kernels, the sizes, the geometry, the workspace (byte offset) and the weights (byte offsets by name). */
export interface Pass {
  readonly m: KernelModule;
  readonly d: Dims;
  readonly g: Geometry;
  readonly lay: Layout;
  readonly ws: number;
  readonly w: Readonly<Record<string, number>>;
  /** Scratch (bytes) for an attention row and a transposed weight: at least scratchBytes(pass). */
  readonly scratch: number;
}

/** Byte address of workspace slot `floatOffset`. */
export const slot = (p: Pass, floatOffset: number): number => p.ws + 4 * floatOffset;

/** fns of the module, typed loosely: every kernel takes numbers. */
export const fns = (p: Pass): Record<string, Kernel> => p.m.fns;

/** Copy n floats from byte address src to byte address dst. */
export function copyFloats(p: Pass, dst: number, src: number, n: number): void {
  heapF32(p.m).copyWithin(dst / 4, src / 4, src / 4 + n);
}
