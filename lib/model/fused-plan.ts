import * as tf from '@tensorflow/tfjs';
import type { KernelModule } from '../tensor/wasm/runtime';
import type { ModelConfig } from './config';
import { mlpWidth } from './weights';

/*
 * The fused model path (fused-*.ts) runs the transformer as a few registered wasm kernels instead of ~100 tfjs ops
 * per pass. This file holds what they share: when the path applies, the shapes of a batch, and the layout of the
 * workspace in which the forward pass leaves every activation the backward pass reads.
 */

/** Whether `config` runs on the fused path: the wasm backend, and head widths that are whole SIMD vectors. */
export function canFuse(config: ModelConfig): boolean {
  const hs = config.dModel / config.nHeads;
  return tf.getBackend() === 'wasm' && config.dModel % 4 === 0 && Number.isInteger(hs) && hs % 4 === 0;
}

/** Shapes of one pass: B rows of T tokens; K hidden positions from `from` go through the output layer. */
export interface Dims {
  readonly B: number;
  readonly T: number;
  readonly from: number;
  readonly K: number;
  readonly D: number;
  readonly H: number;
  readonly hs: number;
  readonly M: number;
  readonly V: number;
  readonly L: number;
  /** Context length: rows of the position table. */
  readonly C: number;
}

export function dimsOf(config: ModelConfig, B: number, T: number, from: number, K: number): Dims {
  const { dModel: D, nHeads: H, vocabSize: V, nLayers: L, contextLength: C } = config;
  return { B, T, from, K, D, H, hs: D / H, M: mlpWidth(config), V, L, C };
}

/** Float offsets of one layer's saved activations. */
export interface LayerSlots {
  readonly h1: number; readonly st1: number; readonly q: number; readonly k: number; readonly v: number;
  readonly probs: number; readonly y: number; readonly xMid: number; readonly h2: number; readonly st2: number;
  readonly u: number; readonly g: number;
}

/** Float offsets in the workspace; ids and positions are int32 stored in float slots. */
export interface Layout {
  readonly floats: number;
  readonly ids: number; readonly pos: number; readonly pads: number; readonly targets: number;
  /** x[l]: input of layer l (x[L] is the last layer's output). */
  readonly x: number[];
  readonly layers: LayerSlots[];
  readonly hf: number; readonly stf: number; readonly rows: number; readonly logits: number; readonly stats: number;
}

/** The workspace of a pass (16-byte aligned slots). */
export function layoutOf(d: Dims): Layout {
  let at = 0;
  const take = (n: number): number => {
    const start = at;
    at += Math.ceil(n / 4) * 4;
    return start;
  };
  const N = d.B * d.T;
  const R = d.B * d.K;
  const ids = take(N);
  const pos = take(N);
  const pads = take(d.B);
  const targets = take(R);
  const x = [take(N * d.D)];
  const layers: LayerSlots[] = [];
  for (let l = 0; l < d.L; l++) {
    layers.push({
      h1: take(N * d.D), st1: take(2 * N), q: take(N * d.D), k: take(N * d.D), v: take(N * d.D),
      probs: take(d.B * d.H * d.T * d.T), y: take(N * d.D), xMid: take(N * d.D), h2: take(N * d.D), st2: take(2 * N),
      u: take(N * d.M), g: take(N * d.M),
    });
    x.push(take(N * d.D));
  }
  const hf = take(N * d.D);
  const stf = take(2 * N);
  const rows = take(R * d.D);
  const logits = take(R * d.V);
  const stats = take(3 * R);
  return { floats: at, ids, pos, pads, targets, x, layers, hf, stf, rows, logits, stats };
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
