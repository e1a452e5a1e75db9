import { scratch } from '../tensor/wasm/runtime';
import { attentionBackward, attentionScratchFloats, gradScratchFloats } from './fused-attention';
import { fns, slot, type Pass } from './fused-pass';

/*
 * The backward pass of fused-forward.ts, from the gradient of the head rows' logits (R, V) to the gradient of every
 * weight. It reads the activations the forward pass left in the workspace and needs, per layer, the transposed
 * weights of dX = dY·Wᵀ (made in scratch) and no transposed activations: dW = Xᵀ·dY runs as gemmTN. Residual
 * branches add into one running dx (layer-norm and products with beta 1), so no gradient is summed as a separate op.
 */

/** Byte offsets of the gradient outputs, by weight name. */
export type GradSlots = Readonly<Record<string, number>>;

interface Tmp {
  dx: number; dh: number; dq: number; dk: number; dv: number; dy: number; dG: number; drows: number; wt: number; att: number; row: number;
}

function temporaries(p: Pass): { t: Tmp; release(): void } {
  const { D, M, V } = p.d;
  const N = p.g.N;
  const sizes: Record<keyof Tmp, number> = {
    dx: N * D, dh: N * D, dq: N * D, dk: N * D, dv: N * D, dy: N * D, dG: N * M, drows: p.g.headRows.length * D,
    wt: Math.max(D * M, D * D, D * V), att: attentionScratchFloats(p), row: gradScratchFloats(p),
  };
  const total = Object.values(sizes).reduce((a, n) => a + Math.ceil(n / 4) * 4, 0);
  const s = scratch(p.m, 4 * total);
  let at = s.ptr;
  const t = {} as Record<keyof Tmp, number>;
  for (const [k, n] of Object.entries(sizes)) {
    t[k as keyof Tmp] = at;
    at += 4 * Math.ceil(n / 4) * 4;
  }
  return { t, release: s.release };
}

/** dW for the products of one layer, pushing dx (the gradient of the layer's output) back to its input. */
function layerGrad(p: Pass, l: number, g: GradSlots, t: Tmp): void {
  const f = fns(p);
  const { D, M } = p.d;
  const N = p.g.N;
  const s = p.lay.layers[l]!;
  const at = (o: number): number => slot(p, o);
  const name = (k: string): string => `layers.${l}.${k}`;
  const w = (k: string): number => p.w[name(k)]!;
  const dW = (k: string): number => g[name(k)]!;
  // x' = xMid + gelu(h2·Wfc)·Wfp
  f.gemmTN!(at(s.g), t.dx, dW('fcProj'), M, N, D, M, D, D, 0);
  f.transpose!(w('fcProj'), t.wt, M, D);
  f.gemm!(t.dx, t.wt, t.dG, N, D, M, D, M, M, 0);
  f.geluGrad!(at(s.u), at(s.sig), t.dG, t.dG, N * M, 0);
  f.gemmTN!(at(s.h2), t.dG, dW('fc'), D, N, M, D, M, M, 0);
  f.transpose!(w('fc'), t.wt, D, M);
  f.gemm!(t.dG, t.wt, t.dh, N, M, D, M, D, D, 0);
  f.layerNormGrad!(t.dh, at(s.xMid), w('ln2Gain'), at(s.st2), t.dx, dW('ln2Gain'), dW('ln2Bias'), N, D, 1);
  // xMid = x + attention(LN1(x))·Wo
  f.gemmTN!(at(s.y), t.dx, dW('proj'), D, N, D, D, D, D, 0);
  f.transpose!(w('proj'), t.wt, D, D);
  f.gemm!(t.dx, t.wt, t.dy, N, D, D, D, D, D, 0);
  attentionBackward(p, s, t.dy, t.dq, t.dk, t.dv, t.att, t.row);
  (['query', 'key', 'value'] as const).forEach((k, i) => {
    const dProj = [t.dq, t.dk, t.dv][i]!;
    f.gemmTN!(at(s.h1), dProj, dW(k), D, N, D, D, D, D, 0);
    f.transpose!(w(k), t.wt, D, D);
    f.gemm!(dProj, t.wt, t.dh, N, D, D, D, D, D, i === 0 ? 0 : 1);
  });
  f.layerNormGrad!(t.dh, at(p.lay.x[l]!), w('ln1Gain'), at(s.st1), t.dx, dW('ln1Gain'), dW('ln1Bias'), N, D, 1);
}

/**
 * Gradients of every weight from dlogits (R, V) at byte address `dlogits`. Slots that are only ever added to
 * (norm gains and biases, the position table) are zeroed here; the rest are written whole.
 */
export function backwardPass(p: Pass, dlogits: number, g: GradSlots): void {
  const f = fns(p);
  const { D, V, L, C } = p.d;
  const { N, headRows } = p.g;
  const R = headRows.length;
  const at = (o: number): number => slot(p, o);
  const { t, release } = temporaries(p);
  try {
    for (const [name, ptr] of Object.entries(g)) if (/(Gain|Bias)$/.test(name)) f.fill!(ptr, D, 0);
    f.fill!(g.positionEmbedding!, C * D, 0);
    f.gemmTN!(dlogits, at(p.lay.rows), g.tokenEmbedding!, V, R, D, V, D, D, 0);
    f.gemm!(dlogits, p.w.tokenEmbedding!, t.drows, R, V, D, V, D, D, 0);
    f.fill!(t.dh, N * D, 0);
    f.scatterAddRows!(t.dh, t.drows, at(p.lay.head), R, D); // a shared prompt row collects every group member's
    f.layerNormGrad!(t.dh, at(p.lay.x[L]!), p.w.lnfGain!, at(p.lay.stf), t.dx, g.lnfGain!, g.lnfBias!, N, D, 0);
    for (let l = L - 1; l >= 0; l--) layerGrad(p, l, g, t);
    f.embedGrad!(at(p.lay.ids), at(p.lay.pos), t.dx, g.tokenEmbedding!, g.positionEmbedding!, N, D);
  } finally {
    release();
  }
}
