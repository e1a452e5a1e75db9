import * as tf from '@tensorflow/tfjs';
import { kernels } from '../tensor/wasm/kernels';
import { heapI32, offsetOf, scratch } from '../tensor/wasm/runtime';
import type { ModelConfig } from './config';
import { prefixedGeometry } from './fused-geometry';
import { dimsOf, layoutOf, type Geometry, type Layout } from './fused-plan';

/*
 * A recorded sampling: while fused-decode.ts samples, it writes every activation of the prompts and of the fed
 * completion tokens into the workspace of the prefixed pass (fused-plan.ts) that scoring those completions after
 * those prompts would run. The kernels compute each row alike whatever else is in the batch, so these are the very
 * numbers (bit for bit) that pass's forward would produce, and GRPO's update (μ = 1: the old log-probs are the
 * current ones) can skip its forward pass: Policy.completionLogProbs uses a recording whose prompts, completions
 * and weights match, once. Rows sampling never computes (the last token of each row, and every token after the
 * last decoding step) are zero: they predict no scored token and no scored row attends to them. The completion
 * rows of hf (read by the backward pass only at the head rows, kept in `rows`) and of k and v (kf and vf hold
 * them) are left unwritten. Recording costs the sampling ~10 ms at the lab's size (scattering ~9 MB of rows) and
 * saves the update its forward pass (~17 ms there, ~120 ms at 1M).
 */

let recordingEnabled = true;

/** Turn recordings off (or back on), to time the update with its forward pass; results are the same. */
export function setRecording(enabled: boolean): void {
  recordingEnabled = enabled;
}

/** Whether generate should record when asked to (keepForScoring). */
export const recordingOn = (): boolean => recordingEnabled;

/** The part of a recording the decode kernels need (plain numbers, as kernel attrs). */
export interface RecordSpec {
  readonly lay: Layout;
  readonly NP: number;
  readonly Tp: number;
  /** Completion rows: the sampling's token budget. */
  readonly Tc: number;
  readonly B: number;
}

/** A finished recording, owned by its policy until scoring consumes it. */
export interface Recording {
  readonly ws: tf.Tensor;
  readonly spec: RecordSpec;
  readonly unique: readonly (readonly number[])[];
  readonly src: Int32Array;
  readonly prompts: readonly (readonly number[])[];
  readonly completions: readonly (readonly number[])[];
  /** The weights' data ids when it was recorded: scoring needs the same weights. */
  readonly weights: readonly object[];
}

/** The prefixed geometry of a recording, laid out for its token budget, with output (B, K). */
export function recordGeometry(r: Pick<Recording, 'unique' | 'src' | 'completions' | 'spec'>, K: number): Geometry {
  return prefixedGeometry(r.unique, r.src, r.completions, K, r.spec.Tc);
}

/** A spec and an uninitialised workspace for B rows after `unique` prompts, with Tc completion rows. */
export function startRecording(config: ModelConfig, unique: readonly (readonly number[])[], src: Int32Array, Tc: number): { spec: RecordSpec; ws: tf.Tensor } {
  const B = src.length;
  const template = prefixedGeometry(unique, src, Array.from({ length: B }, () => []), Tc, Tc);
  const lay = layoutOf(template, dimsOf(config));
  const Tp = Math.max(...unique.map((p) => p.length));
  const ws = tf.engine().makeTensorFromTensorInfo(kernels().backend.makeOutput([lay.floats], 'float32'));
  return { spec: { lay, NP: unique.length * Tp, Tp, Tc, B }, ws };
}

/** Zero every row sampling did not compute after `run` decoding steps (fed tokens 0 … run − 1). */
export function zeroUncomputed(config: ModelConfig, spec: RecordSpec, ws: tf.Tensor, run: number): void {
  if (run >= spec.Tc) return;
  const m = kernels();
  const { D, M, H, V } = dimsOf(config);
  const { lay, NP, Tp, Tc, B } = spec;
  const Tk = Tp + Tc;
  const base = offsetOf(m.backend, ws);
  const rows = (t0: number, of: (b: number, t: number) => number[]): Int32Array =>
    Int32Array.from(Array.from({ length: B }, (_, b) => Array.from({ length: Tc - t0 }, (_, i) => of(b, t0 + i))).flat(2));
  const lists = {
    row: rows(run, (b, t) => [NP + b * Tc + t]),
    key: rows(run, (b, t) => [b * Tk + Tp + t]),
    probs: rows(run, (b, t) => Array.from({ length: H }, (_, h) => (b * H + h) * Tc + t)),
    head: rows(run + 1, (b, t) => [b * Tc + t]),
  };
  const sc = scratch(m, 4 * Object.values(lists).reduce((n, l) => n + l.length, 0));
  try {
    const at: Record<string, number> = {};
    let ptr = sc.ptr;
    for (const [k, l] of Object.entries(lists)) {
      heapI32(m).set(l, ptr / 4);
      at[k] = ptr;
      ptr += 4 * l.length;
    }
    const zero = (slot: number, list: keyof typeof lists, width: number): void =>
      void m.fns.fillRows!(base + 4 * slot, at[list]!, lists[list].length, width, 0);
    for (const x of lay.x) zero(x, 'row', D);
    for (const s of lay.layers) {
      for (const slot of [s.h1, s.q, s.y, s.xMid, s.h2]) zero(slot, 'row', D);
      for (const slot of [s.st1, s.st2]) zero(slot, 'row', 2);
      for (const slot of [s.u, s.g, s.sig]) zero(slot, 'row', M);
      for (const slot of [s.kf, s.vf]) zero(slot, 'key', D);
      zero(s.probs + (NP / Tp) * H * Tp * Tp, 'probs', Tk); // the completions' probabilities follow the prompts'
    }
    zero(lay.stf, 'row', 2);
    zero(lay.rows, 'head', D);
    zero(lay.logits, 'head', V);
  } finally {
    sc.release();
  }
}
