import { attentionDefs } from './attention';
import { elementwiseDefs } from './elementwise';
import { gemmDefs } from './gemm';
import { normDefs } from './norm';
import { rowDefs } from './rows';
import { kernelModule, type KernelModule } from './runtime';
import { transposeDef } from './transpose';

/*
 * Every ifkit wasm kernel, compiled into one module on first use (a few milliseconds) and bound to the tfjs wasm
 * backend's memory. Signatures (pointers are byte offsets into that memory; sizes and strides count floats):
 *   gemm, gemmTN (a, b, c, n, k, m, lda, ldb, ldc, beta)                          gemm.ts
 *   layerNorm (x, y, g, b, stats, n, d); layerNormGrad (dy, x, g, stats, dx, dg, db, n, d, beta)   norm.ts
 *   gelu (x, y, n); geluGrad (x, dy, dx, n, beta); sumSquares (x, n) → f32; adam (…);
 *   addTo (dst, src, n); fill (dst, n, value)                                      elementwise.ts
 *   embed, embedGrad, softmaxStats, softmaxGrad                                    rows.ts
 *   attend, attendGrad                                                             attention.ts
 *   transpose (a, b, rows, cols)                                                   transpose.ts
 */

export type Kernels = KernelModule;

/** The kernel module of the active wasm backend. @example kernels().fns.gemm!(a, b, c, n, k, m, k, m, m, 0) */
export function kernels(): Kernels {
  return kernelModule(() => [...gemmDefs(), ...normDefs(), ...elementwiseDefs(), ...rowDefs(), ...attentionDefs(), transposeDef()]);
}
