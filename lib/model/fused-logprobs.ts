import * as tf from '@tensorflow/tfjs';
import { kernels } from '../tensor/wasm/kernels';
import { heapF32, heapI32, offsetOf, scratch, type KernelModule } from '../tensor/wasm/runtime';
import type { ModelConfig } from './config';
import { backwardPass } from './fused-backward';
import { forwardPass, scratchBytes, writeIndices } from './fused-forward';
import type { Pass } from './fused-pass';
import { dimsOf, layoutOf, weightOffsets, type Geometry } from './fused-plan';
import { namedWeights, type Weights } from './weights';

/*
 * Log-probs on the fused path: two kernels registered with the tfjs wasm backend, IfkitLogProbs (the forward pass
 * of a geometry, the log-softmax of its head rows, their target log-probs and entropies) and IfkitLogProbsGrad
 * (every weight's gradient at once), joined by tf.customGrad so tf.variableGrads sees one differentiable op.
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
  geo: Geometry;
  /** The workspace already holds the activations (a recorded sampling, fused-record.ts): skip the forward pass. */
  recorded: boolean;
}

type KernelArgs = { inputs: tf.NamedTensorInfoMap; attrs?: tf.NamedAttrMap };

function passOf(m: KernelModule, inputs: tf.NamedTensorInfoMap, a: Attrs, scratchPtr: number): Pass {
  const d = dimsOf(a.config);
  const lay = layoutOf(a.geo, d);
  return { m, d, g: a.geo, lay, ws: offsetOf(m.backend, inputs.ws!), w: weightOffsets(m, inputs, a.names), scratch: scratchPtr };
}

/** Per head row: log-sum-exp, entropy and Σe from (max, Σe, Σe·(l − max)). */
function rowStats(p: Pass): { lse: Float64Array; entropy: Float64Array; z: Float64Array } {
  const R = p.g.headRows.length;
  const heap = heapF32(p.m);
  const base = p.ws / 4 + p.lay.stats;
  const [lse, entropy, z] = [new Float64Array(R), new Float64Array(R), new Float64Array(R)];
  for (let r = 0; r < R; r++) {
    z[r] = heap[base + 3 * r + 1]!;
    lse[r] = heap[base + 3 * r]! + Math.log(z[r]!);
    entropy[r] = Math.log(z[r]!) - heap[base + 3 * r + 2]! / z[r]!;
  }
  return { lse, entropy, z };
}

function forwardKernel({ inputs, attrs }: KernelArgs): tf.TensorInfo {
  const a = attrs as unknown as Attrs;
  const m = kernels();
  const [B, K] = a.geo.out;
  const value = m.backend.makeOutput([2, B, K], 'float32');
  const sc = scratch(m, scratchBytes(dimsOf(a.config), a.geo));
  try {
    const p = passOf(m, inputs, a, sc.ptr);
    if (a.recorded) writeIndices(p);
    else forwardPass(p);
    const { V } = p.d;
    const R = a.geo.headRows.length;
    m.fns.softmaxStats!(p.ws + 4 * p.lay.logits, R, V, p.ws + 4 * p.lay.stats, p.ws + 4 * p.lay.e);
    const { lse, entropy } = rowStats(p);
    const heap = heapF32(m);
    const out = offsetOf(m.backend, value) / 4;
    const logits = p.ws / 4 + p.lay.logits;
    heap.fill(0, out, out + 2 * B * K);
    a.geo.outIndex.forEach((o, r) => {
      if (o < 0) return;
      heap[out + o] = heap[logits + r * V + a.geo.targets[r]!]! - lse[r]!;
      heap[out + B * K + o] = entropy[r]!;
    });
  } finally {
    sc.release();
  }
  return value;
}

function backwardKernel({ inputs, attrs }: KernelArgs): tf.TensorInfo[] {
  const a = attrs as unknown as Attrs;
  const m = kernels();
  const grads = a.names.map((n) => m.backend.makeOutput(inputs[n]!.shape.slice(), 'float32'));
  const [B, K] = a.geo.out;
  const R = a.geo.headRows.length;
  const V = a.config.vocabSize;
  const sc = scratch(m, 4 * (R * V + 5 * R));
  try {
    const p = passOf(m, inputs, a, 0);
    const { lse, entropy, z } = rowStats(p);
    const dlogits = sc.ptr;
    const info = sc.ptr + 4 * R * V;
    const heap = heapF32(m);
    const dy = offsetOf(m.backend, inputs.dy!) / 4;
    const dlogp = Float64Array.from(a.geo.outIndex, (o) => (o < 0 ? 0 : heap[dy + o]!));
    a.geo.outIndex.forEach((o, r) => {
      const at = info / 4 + 5 * r;
      heap[at] = lse[r]!;
      heap[at + 1] = dlogp[r]!;
      heap[at + 2] = o < 0 ? 0 : heap[dy + B * K + o]!;
      heap[at + 3] = entropy[r]!;
      heap[at + 4] = 1 / z[r]!;
    });
    m.fns.softmaxGrad!(p.ws + 4 * p.lay.logits, p.ws + 4 * p.lay.e, R, V, info, dlogits);
    const targets = heapI32(m).subarray(p.ws / 4 + p.lay.targets, p.ws / 4 + p.lay.targets + R);
    for (let r = 0; r < R; r++) heap[dlogits / 4 + r * V + targets[r]!]! += dlogp[r]!;
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
 * The target log-probs of a geometry's head rows and the entropies of the same distributions, each laid out as
 * geo.out (B, K) (0 where no head row writes), differentiable in the weights. `recorded`: a recording's workspace
 * (laid out for geo), whose activations are used instead of a forward pass; it is consumed (freed after use).
 * @example const { logProbs } = fusedLogProbs(w, config, causalGeometry(ids, B, T, pads, T - 1 - K, K));
 */
export function fusedLogProbs(w: Weights, config: ModelConfig, geo: Geometry, recorded?: tf.Tensor): { logProbs: tf.Tensor2D; entropy: () => tf.Tensor2D } {
  register();
  const named = namedWeights(w);
  const names = named.map(([n]) => n);
  const attrs = { config, names, geo, recorded: recorded !== undefined } as unknown as tf.NamedAttrMap;
  const floats = layoutOf(geo, dimsOf(config)).floats;
  if (recorded && recorded.size !== floats) throw new Error(`fusedLogProbs: a recording of ${recorded.size} floats does not fit a pass of ${floats}`);
  const ws = recorded ?? tf.engine().makeTensorFromTensorInfo(kernels().backend.makeOutput([floats], 'float32')); // uninitialised
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const weights = args.slice(0, names.length) as tf.Tensor[];
    const inputs: tf.NamedTensorMap = { ws };
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
  else if (recorded) recorded.dispose(); // made outside the caller's scope: no tidy frees it
  const [B, K] = geo.out;
  return {
    logProbs: value.slice([0, 0, 0], [1, B, K]).reshape([B, K]) as tf.Tensor2D,
    entropy: () => value.slice([1, 0, 0], [1, B, K]).reshape([B, K]) as tf.Tensor2D,
  };
}
