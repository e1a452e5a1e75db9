import * as tf from '@tensorflow/tfjs';
import type { KernelModule } from '../tensor/wasm/runtime';
import type { ModelConfig } from './config';
import { mlpWidth } from './weights';

/*
 * The fused model path (fused-*.ts) runs the transformer as a few registered wasm kernels instead of ~100 tfjs ops
 * per pass. This file holds what they share: when the path applies, the geometry of a pass (which token sits in
 * which row, what each row attends to, which rows go through the output layer; built in fused-geometry.ts) and the
 * layout of the workspace in which the forward pass leaves every activation the backward pass reads.
 *
 * Two attention plans. `causal`: B left-padded rows of T tokens (tokenLogProbs, prefill). `prefixed`: P distinct
 * prompts (left-padded to Tp) followed by B completions (right-padded to Tc), completion b continuing prompt
 * src[b]; its queries see the prompt's keys and its own earlier keys. A GRPO group's G completions share one
 * prompt, so the prompt's rows are computed once instead of G times, with the same result.
 */

let fusedEnabled = true;

/** Turn the fused path off (or back on) to time or test the tfjs-op path on wasm; results are the same. */
export function setFusedPath(enabled: boolean): void {
  fusedEnabled = enabled;
}

/** Whether `config` runs on the fused path: the wasm backend, and head widths that are whole SIMD vectors. */
export function canFuse(config: ModelConfig): boolean {
  const hs = config.dModel / config.nHeads;
  return fusedEnabled && tf.getBackend() === 'wasm' && config.dModel % 4 === 0 && Number.isInteger(hs) && hs % 4 === 0;
}

export interface CausalPlan {
  readonly kind: 'causal';
  readonly B: number;
  readonly T: number;
  readonly pads: Int32Array;
}

export interface PrefixedPlan {
  readonly kind: 'prefixed';
  readonly P: number;
  readonly Tp: number;
  /** Left padding of each prompt. */
  readonly padsP: Int32Array;
  readonly B: number;
  readonly Tc: number;
  /** The prompt of each completion. */
  readonly src: Int32Array;
}

export type Plan = CausalPlan | PrefixedPlan;

/** Where every token and every scored prediction of a pass lives. */
export interface Geometry {
  readonly plan: Plan;
  /** Rows of every activation matrix: B·T (causal) or P·Tp + B·Tc (prefixed). */
  readonly N: number;
  readonly ids: Int32Array;
  /** Position of each row's token: real tokens before it in its sequence (0 on padding). */
  readonly pos: Int32Array;
  /** The rows whose next-token distribution is scored, the token each is scored on, and its output slot (−1: none). */
  readonly headRows: Int32Array;
  readonly targets: Int32Array;
  readonly outIndex: Int32Array;
  /** Prefixed: the row of each key each completion sees, completion-major (B·(Tp + Tc)); causal: empty. */
  readonly keyRows: Int32Array;
  /** Shape of the log-prob output. */
  readonly out: readonly [number, number];
}

/** Model sizes of a pass. */
export interface Dims {
  readonly D: number;
  readonly H: number;
  readonly hs: number;
  readonly M: number;
  readonly V: number;
  readonly L: number;
  /** Context length: rows of the position table. */
  readonly C: number;
}

export function dimsOf(config: ModelConfig): Dims {
  const { dModel: D, nHeads: H, vocabSize: V, nLayers: L, contextLength: C } = config;
  return { D, H, hs: D / H, M: mlpWidth(config), V, L, C };
}

/** Float offsets of one layer's saved activations (kf, vf: the keys and values each completion sees, prefixed; sig: σ(1.702u)). */
export interface LayerSlots {
  readonly h1: number; readonly st1: number; readonly q: number; readonly k: number; readonly v: number;
  readonly probs: number; readonly kf: number; readonly vf: number; readonly y: number; readonly xMid: number;
  readonly h2: number; readonly st2: number; readonly u: number; readonly g: number; readonly sig: number;
}

/** Float offsets in the workspace; ids, positions, pads and targets are int32 stored in float slots. */
export interface Layout {
  readonly floats: number;
  readonly ids: number; readonly pos: number; readonly pads: number; readonly targets: number;
  readonly head: number; readonly keyRows: number;
  /** x[l]: input of layer l (x[L] is the last layer's output). */
  readonly x: number[];
  readonly layers: LayerSlots[];
  readonly hf: number; readonly stf: number; readonly rows: number; readonly logits: number; readonly stats: number;
  /** e^(logit − row max) of the head rows, for the backward pass. */
  readonly e: number;
}

/** Floats of the attention probabilities and of the per-completion keys/values of one layer. */
function attentionSizes(plan: Plan, d: Dims): { probs: number; kf: number } {
  if (plan.kind === 'causal') return { probs: plan.B * d.H * plan.T * plan.T, kf: 0 };
  const Tk = plan.Tp + plan.Tc;
  return { probs: plan.P * d.H * plan.Tp * plan.Tp + plan.B * d.H * plan.Tc * Tk, kf: plan.B * Tk * d.D };
}

/** The workspace of a pass (16-byte aligned slots). */
export function layoutOf(g: Geometry, d: Dims): Layout {
  let at = 0;
  const take = (n: number): number => {
    const start = at;
    at += Math.ceil(n / 4) * 4;
    return start;
  };
  const { N } = g;
  const R = g.headRows.length;
  const att = attentionSizes(g.plan, d);
  const ids = take(N);
  const pos = take(N);
  const pads = take(g.plan.kind === 'causal' ? g.plan.B : g.plan.P + g.plan.B);
  const targets = take(R);
  const head = take(R);
  const keyRows = take(g.keyRows.length);
  const x = [take(N * d.D)];
  const layers: LayerSlots[] = [];
  for (let l = 0; l < d.L; l++) {
    layers.push({
      h1: take(N * d.D), st1: take(2 * N), q: take(N * d.D), k: take(N * d.D), v: take(N * d.D),
      probs: take(att.probs), kf: take(att.kf), vf: take(att.kf), y: take(N * d.D), xMid: take(N * d.D),
      h2: take(N * d.D), st2: take(2 * N), u: take(N * d.M), g: take(N * d.M), sig: take(N * d.M),
    });
    x.push(take(N * d.D));
  }
  const hf = take(N * d.D);
  const stf = take(2 * N);
  const rows = take(R * d.D);
  const logits = take(R * d.V);
  const stats = take(3 * R);
  const e = take(R * d.V);
  return { floats: at, ids, pos, pads, targets, head, keyRows, x, layers, hf, stf, rows, logits, stats, e };
}

/** Byte offsets of the weights (by checkpoint name) among a kernel's inputs. */
export function weightOffsets(m: KernelModule, inputs: tf.NamedTensorInfoMap, names: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const name of names) {
    const t = inputs[name];
    if (t === undefined) throw new Error(`fused kernel: weight ${name} is missing from the inputs`);
    out[name] = m.backend.dataIdMap.get(t.dataId)!.memoryOffset;
  }
  return out;
}

/** Pads (leading zeros) of each row of a left-padded (B, T) mask; undefined if a row is not zeros then ones. */
export function padsOfMask(mask: ArrayLike<number>, B: number, T: number): Int32Array | undefined {
  const pads = new Int32Array(B);
  for (let b = 0; b < B; b++) {
    let p = 0;
    while (p < T && mask[b * T + p] === 0) p++;
    for (let t = p; t < T; t++) if (mask[b * T + t] !== 1) return undefined;
    pads[b] = p;
  }
  return pads;
}
