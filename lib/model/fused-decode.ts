import * as tf from '@tensorflow/tfjs';
import { kernels } from '../tensor/wasm/kernels';
import { heapI32, offsetOf, scratch, type KernelModule } from '../tensor/wasm/runtime';
import type { ModelConfig } from './config';
import { bodyPass, scratchBytes, writeIndices } from './fused-forward';
import { copyFloats, type Pass } from './fused-pass';
import { causalGeometry } from './fused-geometry';
import { dimsOf, layoutOf, weightOffsets, type Geometry } from './fused-plan';
import type { RecordSpec } from './fused-record';

/*
 * Sampling on the fused path: IfkitPrefill runs the forward pass of fused-forward.ts over the distinct prompts and
 * fills a session tensor (KV cache of every row, the transposed token table, buffers for one token per row);
 * IfkitDecodeStep then feeds one token per row through the whole layer stack in one kernel call: ~10 wasm calls
 * per layer, no tensor made per layer, keys and values written into the cache in place. The session tensor belongs
 * to one generate call and is never shown to tfjs code that could expect it to be immutable.
 * Cache layout: keys and values (L, B, S, D), a row's slot s holding its token at left-padded position s.
 */

const PREFILL = 'IfkitPrefill';
const DECODE = 'IfkitDecodeStep';

interface Session {
  floats: number;
  keys: number; values: number; Et: number; x: number; h: number; q: number; y: number; st: number;
  u: number; g: number; sig: number; tokens: number; pos: number; pads: number; att: number;
  /** Recording only: one step's attention probabilities and the rows they and the activations go to. */
  probs: number; rowIdx: number; headIdx: number; probIdx: number;
}

/** Float offsets of a session of B rows with S cache slots (no cache when it lives in a recording). */
function sessionOf(config: ModelConfig, B: number, S: number, recording: boolean): Session {
  const d = dimsOf(config);
  let at = 0;
  const take = (n: number): number => {
    const start = at;
    at += Math.ceil(n / 4) * 4;
    return start;
  };
  const cache = recording ? 0 : d.L * B * S * d.D;
  return {
    keys: take(cache), values: take(cache), Et: take(d.D * d.V), x: take(B * d.D), h: take(B * d.D), q: take(B * d.D),
    y: take(B * d.D), st: take(2 * B), u: take(B * d.M), g: take(B * d.M), sig: take(B * d.M), tokens: take(B), pos: take(B), pads: take(B),
    att: take(S + 8), probs: take(recording ? B * d.H * S : 0), rowIdx: take(B), headIdx: take(B), probIdx: take(B * d.H),
    get floats() { return at; },
  };
}

interface PrefillAttrs { config: ModelConfig; names: string[]; geo: Geometry; source: Int32Array; slots: number; record?: RecordSpec }
interface DecodeAttrs { config: ModelConfig; names: string[]; slot: number; positions: Int32Array; slots: number; record?: RecordSpec }
type KernelArgs = { inputs: tf.NamedTensorInfoMap; attrs?: tf.NamedAttrMap };

/**
 * Byte addresses of layer l's key and value cache: the session's (at sessionBase), or the kf / vf slots of the
 * recording at recordBase.
 */
function cacheOf(s: Session, sessionBase: number, record: RecordSpec | undefined, recordBase: number, l: number, B: number, S: number, D: number) {
  if (record) return { K: recordBase + 4 * record.lay.layers[l]!.kf, V: recordBase + 4 * record.lay.layers[l]!.vf };
  return { K: sessionBase + 4 * (s.keys + l * B * S * D), V: sessionBase + 4 * (s.values + l * B * S * D) };
}

/**
 * The prompts' forward pass, written where `p` says (a scratch workspace, or a recording's prompt rows), then:
 * each row's first logits (B, V) into `out`, its prompt's keys and values into the cache, the transposed token
 * table and the pads into the session; a recording also gets its first head rows (completion token 0).
 */
function prefill(p: Pass, a: PrefillAttrs, sessionBase: number, out: number): void {
  const { m, d } = p;
  const f = m.fns;
  const U = p.g.plan.kind === 'causal' ? p.g.plan.B : 0;
  const Tp = p.g.N / U;
  const B = a.source.length;
  const s = sessionOf(a.config, B, a.slots, a.record !== undefined);
  writeIndices(p);
  bodyPass(p);
  const Et = sessionBase + 4 * s.Et;
  f.transpose!(p.w.tokenEmbedding!, Et, d.V, d.D);
  const [rows, logits] = [p.scratch, p.scratch + 4 * U * d.D]; // the prompts' last rows and their logits
  f.gatherRows!(rows, p.ws + 4 * p.lay.hf, p.ws + 4 * p.lay.head, U, d.D);
  f.gemm!(rows, Et, logits, U, d.D, d.V, d.D, d.V, d.V, 0);
  for (let b = 0; b < B; b++) {
    const u = a.source[b]!;
    copyFloats(p, out + 4 * b * d.V, logits + 4 * u * d.V, d.V);
    if (a.record) {
      const head = b * a.record.Tc; // completion token 0 of row b is predicted from its prompt's last row
      copyFloats(p, p.ws + 4 * (p.lay.logits + head * d.V), logits + 4 * u * d.V, d.V);
      copyFloats(p, p.ws + 4 * (p.lay.rows + head * d.D), rows + 4 * u * d.D, d.D);
    }
    for (let l = 0; l < d.L; l++) {
      const { K, V } = cacheOf(s, sessionBase, a.record, p.ws, l, B, a.slots, d.D);
      const from = 4 * (u * Tp * d.D);
      copyFloats(p, K + 4 * b * a.slots * d.D, p.ws + 4 * p.lay.layers[l]!.k + from, Tp * d.D);
      copyFloats(p, V + 4 * b * a.slots * d.D, p.ws + 4 * p.lay.layers[l]!.v + from, Tp * d.D);
    }
  }
  const pads = (p.g.plan as { pads: Int32Array }).pads;
  heapI32(m).set(Int32Array.from(a.source, (u) => pads[u]!), sessionBase / 4 + s.pads);
}

function prefillKernel({ inputs, attrs }: KernelArgs): tf.TensorInfo[] {
  const a = attrs as unknown as PrefillAttrs;
  const m = kernels();
  const d = dimsOf(a.config);
  const B = a.source.length;
  const U = (a.geo.plan as { B: number }).B;
  const session = m.backend.makeOutput([sessionOf(a.config, B, a.slots, a.record !== undefined).floats], 'float32');
  const logits = m.backend.makeOutput([B, d.V], 'float32');
  const lay = a.record ? a.record.lay : layoutOf(a.geo, d);
  const sc = scratch(m, (a.record ? 0 : 4 * lay.floats) + scratchBytes(d, a.geo) + 4 * U * (d.D + d.V));
  try {
    const ws = a.record ? offsetOf(m.backend, inputs.record!) : sc.ptr;
    const scratchAt = a.record ? sc.ptr : sc.ptr + 4 * lay.floats;
    const p: Pass = { m, d, g: a.geo, lay, ws, w: weightOffsets(m, inputs, a.names), scratch: scratchAt };
    prefill(p, a, offsetOf(m.backend, session), offsetOf(m.backend, logits));
  } finally {
    sc.release();
  }
  return [logits, session];
}

function decodeKernel({ inputs, attrs }: KernelArgs): tf.TensorInfo {
  const a = attrs as unknown as DecodeAttrs;
  const m: KernelModule = kernels();
  const f = m.fns;
  const tokens = inputs.tokens!;
  const B = tokens.shape[0]!;
  const { D, H, hs, M, V, L } = dimsOf(a.config);
  const rec = a.record;
  const s = sessionOf(a.config, B, a.slots, rec !== undefined);
  const logits = m.backend.makeOutput([B, V], 'float32');
  const base = offsetOf(m.backend, inputs.session!);
  const at = (o: number): number => base + 4 * o;
  const w = weightOffsets(m, inputs, a.names);
  const lw = (l: number, k: string): number => w[`layers.${l}.${k}`]!;
  const heap = heapI32(m);
  heap.copyWithin(base / 4 + s.tokens, offsetOf(m.backend, tokens) / 4, offsetOf(m.backend, tokens) / 4 + B);
  heap.set(a.positions, base / 4 + s.pos);
  // a recording keeps this token's activations in its completion rows (b, t = slot − Tp) of every slot
  const keep = rec ? recorder(m, inputs, rec, base, s, a.slot - rec.Tp, B, H) : undefined;
  f.embed!(at(s.tokens), at(s.pos), w.tokenEmbedding!, w.positionEmbedding!, at(s.x), B, D);
  const ld = a.slots * D; // row stride of a cache block
  for (let l = 0; l < L; l++) {
    const { K, V: Vc } = cacheOf(s, base, rec, rec ? offsetOf(m.backend, inputs.record!) : 0, l, B, a.slots, D);
    const slots = rec?.lay.layers[l];
    keep?.(rec!.lay.x[l]!, at(s.x), D);
    f.layerNorm!(at(s.x), at(s.h), lw(l, 'ln1Gain'), lw(l, 'ln1Bias'), at(s.st), B, D);
    keep?.(slots!.h1, at(s.h), D), keep?.(slots!.st1, at(s.st), 2);
    f.gemm!(at(s.h), lw(l, 'query'), at(s.q), B, D, D, D, D, D, 0);
    keep?.(slots!.q, at(s.q), D);
    f.gemm!(at(s.h), lw(l, 'key'), K + 4 * a.slot * D, B, D, D, D, D, ld, 0);
    f.gemm!(at(s.h), lw(l, 'value'), Vc + 4 * a.slot * D, B, D, D, D, D, ld, 0);
    // recording: probabilities over the whole cache row (Tk = slots; keys past this token are zero)
    f.attend!(at(s.q), K, Vc, at(s.y), rec ? at(s.probs) : 0, at(s.pads), B, H, hs, 1, rec ? a.slots : a.slot + 1, D, ld, D, D, a.slot, 1 / Math.sqrt(hs), at(s.att));
    keep?.(slots!.probs + (rec!.NP / rec!.Tp) * H * rec!.Tp * rec!.Tp, at(s.probs), a.slots, at(s.probIdx), B * H);
    keep?.(slots!.y, at(s.y), D);
    f.gemm!(at(s.y), lw(l, 'proj'), at(s.x), B, D, D, D, D, D, 1);
    keep?.(slots!.xMid, at(s.x), D);
    f.layerNorm!(at(s.x), at(s.h), lw(l, 'ln2Gain'), lw(l, 'ln2Bias'), at(s.st), B, D);
    keep?.(slots!.h2, at(s.h), D), keep?.(slots!.st2, at(s.st), 2);
    f.gemm!(at(s.h), lw(l, 'fc'), at(s.u), B, D, M, D, M, M, 0);
    f.gelu!(at(s.u), at(s.g), at(s.sig), B * M);
    keep?.(slots!.u, at(s.u), M), keep?.(slots!.g, at(s.g), M), keep?.(slots!.sig, at(s.sig), M);
    f.gemm!(at(s.g), lw(l, 'fcProj'), at(s.x), B, M, D, M, D, D, 1);
  }
  keep?.(rec!.lay.x[L]!, at(s.x), D);
  f.layerNorm!(at(s.x), at(s.h), w.lnfGain!, w.lnfBias!, at(s.st), B, D);
  keep?.(rec!.lay.stf, at(s.st), 2); // hf itself is only read at the head rows, kept below
  f.gemm!(at(s.h), at(s.Et), offsetOf(m.backend, logits), B, D, V, D, V, V, 0);
  keep?.(rec!.lay.rows, at(s.h), D, at(s.headIdx)), keep?.(rec!.lay.logits, offsetOf(m.backend, logits), V, at(s.headIdx));
  return logits;
}

/**
 * keep(slot, src, width, idx = the step's completion rows, n = B): scatter B (or n) rows of width floats from the
 * session into a recording slot. Writes the step's row indices first.
 */
function recorder(m: KernelModule, inputs: tf.NamedTensorInfoMap, rec: RecordSpec, base: number, s: Session, t: number, B: number, H: number) {
  const heap = heapI32(m);
  for (let b = 0; b < B; b++) {
    heap[base / 4 + s.rowIdx + b] = rec.NP + b * rec.Tc + t;
    heap[base / 4 + s.headIdx + b] = b * rec.Tc + t + 1; // this token's row predicts completion token t + 1
    for (let h = 0; h < H; h++) heap[base / 4 + s.probIdx + b * H + h] = (b * H + h) * rec.Tc + t;
  }
  const recBase = offsetOf(m.backend, inputs.record!);
  return (slot: number, src: number, width: number, idx = base + 4 * s.rowIdx, n = B): void =>
    void m.fns.scatterRows!(recBase + 4 * slot, src, idx, n, width);
}

let registered = false;
function register(): void {
  if (registered) return;
  tf.registerKernel({ kernelName: PREFILL, backendName: 'wasm', kernelFunc: prefillKernel as unknown as tf.KernelFunc });
  tf.registerKernel({ kernelName: DECODE, backendName: 'wasm', kernelFunc: decodeKernel as unknown as tf.KernelFunc });
  registered = true;
}

/** A decoding session over B rows: next-token logits (B, V) now, then one call per fed token. */
export interface FusedDecoder {
  logits: tf.Tensor2D;
  /** Feed one token per row (positions: each row's real tokens before it); replaces `logits`. */
  step(tokens: readonly number[], positions: readonly number[]): void;
  dispose(): void;
}

/**
 * Prefill the distinct prompts `unique` for B rows, row b continuing prompt source[b], with room for `slots`
 * tokens per row (the longest prompt + the new tokens). With `record`, every activation also goes into the
 * recording's workspace (fused-record.ts), whose kf / vf slots then hold the cache.
 */
export function fusedDecoder(
  weights: readonly [string, tf.Tensor][],
  config: ModelConfig,
  unique: readonly (readonly number[])[],
  source: Int32Array,
  slots: number,
  record?: { spec: RecordSpec; ws: tf.Tensor },
): FusedDecoder {
  register();
  const names = weights.map(([n]) => n);
  const inputs: tf.NamedTensorMap = Object.fromEntries(weights);
  if (record) inputs.record = record.ws;
  const U = unique.length;
  const Tp = Math.max(...unique.map((p) => p.length));
  const pads = Int32Array.from(unique, (p) => Tp - p.length);
  const ids = new Int32Array(U * Tp);
  unique.forEach((p, u) => ids.set(p, u * Tp + pads[u]!));
  const geo = causalGeometry(ids, U, Tp, pads, Tp - 1, 1);
  const spec = record ? { record: record.spec } : {};
  const [logits0, session] = tf.engine().runKernel(PREFILL, inputs, { config, names, geo, source, slots, ...spec } as unknown as tf.NamedAttrMap) as tf.Tensor[];
  let slot = Tp;
  const dec: FusedDecoder = {
    logits: logits0 as tf.Tensor2D,
    step(tokens, positions) {
      const t = tf.tensor1d(tokens as number[], 'int32');
      const attrs = { config, names, slot, positions: Int32Array.from(positions), slots, ...spec };
      const next = tf.engine().runKernel(DECODE, { ...inputs, tokens: t, session: session! }, attrs as unknown as tf.NamedAttrMap) as tf.Tensor2D;
      t.dispose();
      dec.logits.dispose();
      dec.logits = next;
      slot++;
    },
    dispose() {
      tf.dispose([dec.logits, session!]);
    },
  };
  return dec;
}
