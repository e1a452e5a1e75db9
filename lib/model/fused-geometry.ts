import type { Geometry } from './fused-plan';

/*
 * The two geometries of a fused pass (fused-plan.ts): which token sits in which row, at which position, and which
 * rows are scored on which token into which output slot.
 */

/**
 * The causal geometry of left-padded ids (B, T): hidden positions from … from + K − 1 of every row are scored on
 * the next token, into output (B, K).
 */
export function causalGeometry(ids: Int32Array, B: number, T: number, pads: Int32Array, from: number, K: number): Geometry {
  const pos = new Int32Array(B * T);
  const headRows = new Int32Array(B * K);
  const targets = new Int32Array(B * K);
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) pos[b * T + t] = Math.max(0, t - pads[b]!);
    for (let j = 0; j < K; j++) {
      headRows[b * K + j] = b * T + from + j;
      targets[b * K + j] = from + j + 1 < T ? ids[b * T + from + j + 1]! : 0;
    }
  }
  const outIndex = Int32Array.from(headRows, (_, r) => r);
  return { plan: { kind: 'causal', B, T, pads }, N: B * T, ids, pos, headRows, targets, outIndex, keyRows: new Int32Array(0), out: [B, K] };
}

/**
 * The prefixed geometry of completions after shared prompts; the output (B, K), K ≥ the longest completion, holds
 * completion b's log-probs right-aligned (as tokenLogProbs' last K positions of the joined sequences would).
 * Completions are right-padded to Tc rows (default: the longest; a recorded sampling uses its token budget).
 */
export function prefixedGeometry(
  prompts: readonly (readonly number[])[],
  src: Int32Array,
  completions: readonly (readonly number[])[],
  K: number,
  Tc = Math.max(...completions.map((c) => c.length)),
): Geometry {
  const P = prompts.length;
  const B = completions.length;
  const Tp = Math.max(...prompts.map((p) => p.length));
  const NP = P * Tp;
  const ids = new Int32Array(NP + B * Tc);
  const pos = new Int32Array(NP + B * Tc);
  const padsP = Int32Array.from(prompts, (p) => Tp - p.length);
  prompts.forEach((p, u) => {
    ids.set(p, u * Tp + padsP[u]!);
    for (let t = 0; t < p.length; t++) pos[u * Tp + padsP[u]! + t] = t;
  });
  const headRows = new Int32Array(B * Tc);
  const targets = new Int32Array(B * Tc);
  const outIndex = new Int32Array(B * Tc).fill(-1);
  completions.forEach((c, b) => {
    const u = src[b]!;
    const Lp = prompts[u]!.length;
    ids.set(c, NP + b * Tc);
    for (let t = 0; t < Tc; t++) {
      pos[NP + b * Tc + t] = Lp + t;
      headRows[b * Tc + t] = t === 0 ? u * Tp + Tp - 1 : NP + b * Tc + t - 1; // completion token t is predicted there
      targets[b * Tc + t] = c[t] ?? 0;
      if (t < c.length) outIndex[b * Tc + t] = b * K + K - c.length + t;
    }
  });
  const keyRows = new Int32Array(B * (Tp + Tc));
  for (let b = 0; b < B; b++) {
    for (let j = 0; j < Tp; j++) keyRows[b * (Tp + Tc) + j] = src[b]! * Tp + j;
    for (let j = 0; j < Tc; j++) keyRows[b * (Tp + Tc) + Tp + j] = NP + b * Tc + j;
  }
  return { plan: { kind: 'prefixed', P, Tp, padsP, B, Tc, src }, N: NP + B * Tc, ids, pos, headRows, targets, outIndex, keyRows, out: [B, K] };
}
