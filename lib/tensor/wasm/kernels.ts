import { attentionDefs } from './attention';
import { elementwiseDefs } from './elementwise';
import { GEMM_KC, GEMM_TN_KC, gemmDefs } from './gemm';
import { normDefs } from './norm';
import { rowDefs } from './rows';
import { kernelModule, type KernelModule } from './runtime';
import { transposeDef } from './transpose';

/*
 * Every ifkit wasm kernel, compiled into one module on first use (a few milliseconds) and bound to the tfjs wasm
 * backend's memory. Signatures (pointers are byte offsets into that memory; sizes and strides count floats):
 *   gemm, gemmTN (a, b, c, n, k, m, lda, ldb, ldc, beta)                          gemm.ts (packing scratch added here)
 *   layerNorm (x, y, g, b, stats, n, d); layerNormGrad (dy, x, g, stats, dx, dg, db, n, d, beta)   norm.ts
 *   gelu (x, y, sig, n); geluGrad (x, sig, dy, dx, n, beta); sumSquares (x, n) → f32; adam (…);
 *   addTo (dst, src, n); fill (dst, n, value)                                      elementwise.ts
 *   embed, embedGrad, softmaxStats, softmaxGrad, gatherRows, scatterAddRows,
 *   scatterRows (dst, src, idx, n, d), fillRows (dst, idx, n, d, value)             rows.ts
 *   attend, attendGrad                                                             attention.ts
 *   transpose (a, b, rows, cols)                                                   transpose.ts
 */

export type Kernels = KernelModule;

/** The gemm kernels with their packing scratch: one buffer, grown when a wider product needs more. */
function withPackedGemm(m: KernelModule): void {
  let ptr = 0;
  let bytes = 0;
  const pack = (cols: number, kc: number): number => {
    const need = 4 * kc * (cols + 4);
    if (need > bytes) {
      if (ptr) m.backend.wasm._free(ptr);
      bytes = Math.max(need, 2 * bytes);
      ptr = m.backend.wasm._malloc(bytes) >>> 0;
    }
    return ptr;
  };
  const { gemmPacked, gemmTNPacked } = m.fns;
  m.fns.gemm = (a, b, c, n, k, cols, lda, ldb, ldc, beta) => gemmPacked!(a!, b!, c!, n!, k!, cols!, lda!, ldb!, ldc!, beta!, pack(cols!, GEMM_KC));
  m.fns.gemmTN = (a, b, c, n, k, cols, lda, ldb, ldc, beta) => gemmTNPacked!(a!, b!, c!, n!, k!, cols!, lda!, ldb!, ldc!, beta!, pack(cols!, GEMM_TN_KC));
}

/** The kernel module of the active wasm backend. @example kernels().fns.gemm!(a, b, c, n, k, m, k, m, m, 0) */
export function kernels(): Kernels {
  const m = kernelModule(() => [...gemmDefs(), ...normDefs(), ...elementwiseDefs(), ...rowDefs(), ...attentionDefs(), transposeDef()]);
  if (m.fns.gemm === undefined) withPackedGemm(m);
  return m;
}
