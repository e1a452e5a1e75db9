import * as tf from '@tensorflow/tfjs';
import { kernels } from '../tensor/wasm/kernels';
import { heapF32, heapI32, offsetOf, scratch, type KernelModule } from '../tensor/wasm/runtime';
import type { ModelConfig } from './config';
import { backwardPass } from './fused-backward';
import { forwardPass, scratchBytes, writeIndices, type Pass } from './fused-forward';
import { dimsOf, layoutOf, weightOffsets } from './fused-plan';
import { namedWeights, type Weights } from './weights';

/*
 * tokenLogProbs on the fused path: two kernels registered with the tfjs wasm backend, IfkitLogProbs (the forward
 * pass, the log-softmax of K positions, their target log-probs and entropies) and IfkitLogProbsGrad (every weight's
 * gradient at once), joined by tf.customGrad so tf.variableGrads sees one differentiable op.
 * The activations go into a workspace tensor passed in as one more input: the forward kernel fills it, the backward
 * kernel reads it. Under a gradient tape it joins the tape node's saved tensors, which tfjs frees when the
 * gradient is done (as customGrad's `save` would, but `save` clones, and the wasm backend's clone copies: ~10 MB
 * per step at the lab's size); otherwise it is freed with the caller's tidy. It is no function of the weights, so
 * tfjs never asks for its gradient.
 * Log-sum-exp, log-probs and entropies are finished in float64 on the CPU from per-row sums (wasm has no log).
 */

const FORWARD = 'IfkitLogProbs';
const BACKWARD = 'IfkitLogProbsGrad';

interface Attrs {
  config: ModelConfig;
  names: string[];
  pads: Int32Array;
  from: number;
  K: number;
}

function passOf(m: KernelModule, inputs: tf.NamedTensorInfoMap, a: Attrs, B: number, T: number, ws: number, scratchPtr: number): Pass {
  const d = dimsOf(a.config, B, T, a.from, a.K);
  return { m, d, lay: layoutOf(d), ws, w: weightOffsets(m, inputs, a.names), scratch: scratchPtr };
}

/** Per row of the K·B head rows: log-sum-exp and entropy from (max, Σe, Σe·(l − max)). */
function rowStats(p: Pass): { lse: Float64Array; entropy: Float64Array } {
  const R = p.d.B * p.d.K;
  const heap = heapF32(p.m);
  const base = p.ws / 4 + p.lay.stats;
  const lse = new Float64Array(R);
  const entropy = new Float64Array(R);
  for (let r = 0; r < R; r++) {
    const z = heap[base + 3 * r + 1]!;
    lse[r] = heap[base + 3 * r]! + Math.log(z);
    entropy[r] = Math.log(z) - heap[base + 3 * r + 2]! / z;
  }
  return { lse, entropy };
}

function forwardKernel({ inputs, attrs }: { inputs: tf.NamedTensorInfoMap; backend: tf.KernelBackend; attrs?: tf.NamedAttrMap }): tf.TensorInfo {
  const a = attrs as unknown as Attrs;
  const m = kernels();
  const ids = inputs.ids!;
  const [B, T] = ids.shape as [number, number];
  const d = dimsOf(a.config, B, T, a.from, a.K);
  const ws = inputs.ws!;
  const value = m.backend.makeOutput([2, B, a.K], 'float32');
  const sc = scratch(m, scratchBytes(d));
  try {
    const p = passOf(m, inputs, a, B, T, offsetOf(m.backend, ws), sc.ptr);
    const idsOff = offsetOf(m.backend, ids) / 4;
    writeIndices(p, heapI32(m).slice(idsOff, idsOff + B * T), a.pads);
    forwardPass(p);
    const R = B * a.K;
    p.m.fns.softmaxStats!(p.ws + 4 * p.lay.logits, R, d.V, p.ws + 4 * p.lay.stats);
    const { lse, entropy } = rowStats(p);
    const heap = heapF32(m);
    const targets = heapI32(m).subarray(p.ws / 4 + p.lay.targets, p.ws / 4 + p.lay.targets + R);
    const out = offsetOf(m.backend, value) / 4;
    const logits = p.ws / 4 + p.lay.logits;
    for (let r = 0; r < R; r++) {
      heap[out + r] = heap[logits + r * d.V + targets[r]!]! - lse[r]!;
      heap[out + R + r] = entropy[r]!;
    }
  } finally {
    sc.release();
  }
  return value;
}

function backwardKernel({ inputs, attrs }: { inputs: tf.NamedTensorInfoMap; backend: tf.KernelBackend; attrs?: tf.NamedAttrMap }): tf.TensorInfo[] {
  const a = attrs as unknown as Attrs;
  const m = kernels();
  const dy = inputs.dy!;
  const [, B] = dy.shape as [number, number, number];
  const T = inputs.ids!.shape[1] as number;
  const grads = a.names.map((n) => m.backend.makeOutput(inputs[n]!.shape.slice(), 'float32'));
  const p = passOf(m, inputs, a, B, T, offsetOf(m.backend, inputs.ws!), 0);
  const R = B * a.K;
  const V = p.d.V;
  const sc = scratch(m, 4 * (R * V + 4 * R));
  try {
    const { lse, entropy } = rowStats(p);
    const dlogits = sc.ptr;
    const info = sc.ptr + 4 * R * V;
    const heap = heapF32(m);
    const dyOff = offsetOf(m.backend, dy) / 4;
    for (let r = 0; r < R; r++) heap.set([lse[r]!, heap[dyOff + r]!, heap[dyOff + R + r]!, entropy[r]!], info / 4 + 4 * r);
    m.fns.softmaxGrad!(p.ws + 4 * p.lay.logits, R, V, info, dlogits);
    const targets = heapI32(m).subarray(p.ws / 4 + p.lay.targets, p.ws / 4 + p.lay.targets + R);
    for (let r = 0; r < R; r++) heap[dlogits / 4 + r * V + targets[r]!]! += heap[dyOff + r]!;
    backwardPass(p, dlogits, Object.fromEntries(a.names.map((n, i) => [n, offsetOf(m.backend, grads[i]!)])));
  } finally {
    sc.release();
  }
  return grads;
}

let registered = false;
function register(): void {
  if (registered) return;
  tf.registerKernel({ kernelName: FORWARD, backendName: 'wasm', kernelFunc: forwardKernel as unknown as tf.KernelFunc });
  tf.registerKernel({ kernelName: BACKWARD, backendName: 'wasm', kernelFunc: backwardKernel as unknown as tf.KernelFunc });
  registered = true;
}

/**
 * log p of the targets at hidden positions from … from + K − 1 (target = the next token) and the entropies of the
 * same distributions, each (B, K), differentiable in the weights. `pads` are the left-padding lengths of ids' rows.
 * @example const { logProbs } = fusedLogProbs(w, config, ids, pads, T - 1 - K, K);
 */
export function fusedLogProbs(w: Weights, config: ModelConfig, ids: tf.Tensor2D, pads: Int32Array, from: number, K: number) {
  register();
  const named = namedWeights(w);
  const names = named.map(([n]) => n);
  const attrs = { config, names, pads, from, K } as unknown as tf.NamedAttrMap;
  const [B, T] = ids.shape;
  const floats = layoutOf(dimsOf(config, B, T, from, K)).floats;
  const ws = tf.engine().makeTensorFromTensorInfo(kernels().backend.makeOutput([floats], 'float32')); // uninitialised
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const weights = args.slice(0, names.length) as tf.Tensor[];
    const inputs: tf.NamedTensorMap = { ids, ws };
    names.forEach((n, i) => (inputs[n] = weights[i]!));
    const value = tf.engine().runKernel(FORWARD, inputs, attrs) as tf.Tensor;
    return {
      value,
      // the workspace's entry is never read: it is not a function of the weights (see above)
      gradFunc: (dy: tf.Tensor) => [...(tf.engine().runKernel(BACKWARD, { ...inputs, dy }, attrs) as tf.Tensor[]), tf.scalar(0)],
    };
  });
  const value = op(...named.map(([, v]) => v), ws) as tf.Tensor3D; // (2, B, K)
  const engine = tf.engine();
  if (engine.isTapeOn()) engine.state.activeTape[engine.state.activeTape.length - 1]!.saved!.push(tf.keep(ws)); // our node
  return {
    logProbs: value.slice([0, 0, 0], [1, B, K]).reshape([B, K]) as tf.Tensor2D,
    entropy: () => value.slice([1, 0, 0], [1, B, K]).reshape([B, K]) as tf.Tensor2D,
  };
}
