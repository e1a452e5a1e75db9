import * as tf from '@tensorflow/tfjs';
import { kernels } from '../tensor/wasm/kernels';
import { heapI32, offsetOf, scratch, type KernelModule } from '../tensor/wasm/runtime';
import type { ModelConfig } from './config';
import { copyFloats, forwardPass, scratchBytes, type Pass } from './fused-forward';
import { causalGeometry } from './fused-geometry';
import { dimsOf, layoutOf, weightOffsets, type Geometry } from './fused-plan';

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
}

/** Float offsets of a session of B rows with S cache slots. */
function sessionOf(config: ModelConfig, B: number, S: number): Session {
  const d = dimsOf(config);
  let at = 0;
  const take = (n: number): number => {
    const start = at;
    at += Math.ceil(n / 4) * 4;
    return start;
  };
  const cache = d.L * B * S * d.D;
  return {
    keys: take(cache), values: take(cache), Et: take(d.D * d.V), x: take(B * d.D), h: take(B * d.D), q: take(B * d.D),
    y: take(B * d.D), st: take(2 * B), u: take(B * d.M), g: take(B * d.M), sig: take(B * d.M), tokens: take(B), pos: take(B), pads: take(B),
    att: take(S + 8), get floats() { return at; },
  };
}

interface PrefillAttrs { config: ModelConfig; names: string[]; geo: Geometry; source: Int32Array; slots: number }
interface DecodeAttrs { config: ModelConfig; names: string[]; slot: number; positions: Int32Array; slots: number }
type KernelArgs = { inputs: tf.NamedTensorInfoMap; attrs?: tf.NamedAttrMap };

function prefillKernel({ inputs, attrs }: KernelArgs): tf.TensorInfo[] {
  const a = attrs as unknown as PrefillAttrs;
  const m = kernels();
  const plan = a.geo.plan as { B: number; T: number; pads: Int32Array };
  const Tp = plan.T;
  const B = a.source.length;
  const d = dimsOf(a.config);
  const lay = layoutOf(a.geo, d);
  const s = sessionOf(a.config, B, a.slots);
  const session = m.backend.makeOutput([s.floats], 'float32');
  const logits = m.backend.makeOutput([B, d.V], 'float32');
  const ws = scratch(m, 4 * lay.floats + scratchBytes(d, a.geo));
  try {
    const p: Pass = { m, d, g: a.geo, lay, ws: ws.ptr, w: weightOffsets(m, inputs, a.names), scratch: ws.ptr + 4 * lay.floats };
    forwardPass(p);
    const base = offsetOf(m.backend, session);
    for (let l = 0; l < d.L; l++) {
      for (let b = 0; b < B; b++) {
        const u = a.source[b]!;
        const to = 4 * (l * B + b) * a.slots * d.D;
        copyFloats(p, base + 4 * s.keys + to, p.ws + 4 * (lay.layers[l]!.k + u * Tp * d.D), Tp * d.D);
        copyFloats(p, base + 4 * s.values + to, p.ws + 4 * (lay.layers[l]!.v + u * Tp * d.D), Tp * d.D);
      }
    }
    m.fns.transpose!(p.w.tokenEmbedding!, base + 4 * s.Et, d.V, d.D);
    const out = offsetOf(m.backend, logits);
    for (let b = 0; b < B; b++) copyFloats(p, out + 4 * b * d.V, p.ws + 4 * (lay.logits + a.source[b]! * d.V), d.V);
    heapI32(m).set(Int32Array.from(a.source, (u) => plan.pads[u]!), base / 4 + s.pads);
  } finally {
    ws.release();
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
  const s = sessionOf(a.config, B, a.slots);
  const logits = m.backend.makeOutput([B, V], 'float32');
  const base = offsetOf(m.backend, inputs.session!);
  const at = (o: number): number => base + 4 * o;
  const w = weightOffsets(m, inputs, a.names);
  const lw = (l: number, k: string): number => w[`layers.${l}.${k}`]!;
  const heap = heapI32(m);
  heap.copyWithin(base / 4 + s.tokens, offsetOf(m.backend, tokens) / 4, offsetOf(m.backend, tokens) / 4 + B);
  heap.set(a.positions, base / 4 + s.pos);
  f.embed!(at(s.tokens), at(s.pos), w.tokenEmbedding!, w.positionEmbedding!, at(s.x), B, D);
  const ld = a.slots * D; // row stride of a cache block
  for (let l = 0; l < L; l++) {
    const K = at(s.keys) + 4 * l * B * ld;
    const Vc = at(s.values) + 4 * l * B * ld;
    f.layerNorm!(at(s.x), at(s.h), lw(l, 'ln1Gain'), lw(l, 'ln1Bias'), at(s.st), B, D);
    f.gemm!(at(s.h), lw(l, 'query'), at(s.q), B, D, D, D, D, D, 0);
    f.gemm!(at(s.h), lw(l, 'key'), K + 4 * a.slot * D, B, D, D, D, D, ld, 0);
    f.gemm!(at(s.h), lw(l, 'value'), Vc + 4 * a.slot * D, B, D, D, D, D, ld, 0);
    f.attend!(at(s.q), K, Vc, at(s.y), 0, at(s.pads), B, H, hs, 1, a.slot + 1, D, ld, D, D, a.slot, 1 / Math.sqrt(hs), at(s.att));
    f.gemm!(at(s.y), lw(l, 'proj'), at(s.x), B, D, D, D, D, D, 1);
    f.layerNorm!(at(s.x), at(s.h), lw(l, 'ln2Gain'), lw(l, 'ln2Bias'), at(s.st), B, D);
    f.gemm!(at(s.h), lw(l, 'fc'), at(s.u), B, D, M, D, M, M, 0);
    f.gelu!(at(s.u), at(s.g), at(s.sig), B * M);
    f.gemm!(at(s.g), lw(l, 'fcProj'), at(s.x), B, M, D, M, D, D, 1);
  }
  f.layerNorm!(at(s.x), at(s.h), w.lnfGain!, w.lnfBias!, at(s.st), B, D);
  f.gemm!(at(s.h), at(s.Et), offsetOf(m.backend, logits), B, D, V, D, V, V, 0);
  return logits;
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
 * tokens per row (the longest prompt + the new tokens).
 */
export function fusedDecoder(weights: readonly [string, tf.Tensor][], config: ModelConfig, unique: readonly (readonly number[])[], source: Int32Array, slots: number): FusedDecoder {
  register();
  const names = weights.map(([n]) => n);
  const inputs: tf.NamedTensorMap = Object.fromEntries(weights);
  const U = unique.length;
  const Tp = Math.max(...unique.map((p) => p.length));
  const pads = Int32Array.from(unique, (p) => Tp - p.length);
  const ids = new Int32Array(U * Tp);
  unique.forEach((p, u) => ids.set(p, u * Tp + pads[u]!));
  const geo = causalGeometry(ids, U, Tp, pads, Tp - 1, 1);
  const [logits0, session] = tf.engine().runKernel(PREFILL, inputs, { config, names, geo, source, slots } as unknown as tf.NamedAttrMap) as tf.Tensor[];
  let slot = Tp;
  const dec: FusedDecoder = {
    logits: logits0 as tf.Tensor2D,
    step(tokens, positions) {
      const t = tf.tensor1d(tokens as number[], 'int32');
      const attrs = { config, names, slot, positions: Int32Array.from(positions), slots };
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
