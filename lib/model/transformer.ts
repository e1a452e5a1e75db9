import * as tf from '@tensorflow/tfjs';
import { embeddingLookup } from '../tensor/embedding';
import { matMul } from '../tensor/matmul';
import type { ModelConfig } from './config';
import { attend, causalPaddingBias, mergeHeads, splitHeads } from './attention';
import type { LayerWeights, Weights } from './weights';

/*
 * The forward pass of a decoder-only pre-norm transformer (GPT-2 layout, tied embeddings). Shapes: B sequences,
 * T tokens, D = dModel, H heads of hs = D / H channels, V vocabulary, C context. Sequences are left-padded; the
 * position of a token counts real tokens only, so a sequence gets the same positions alone or in a padded batch.
 * Every function here must run inside tf.tidy (or tf.variableGrads) of its caller.
 */

/** Key/value cache of every layer: keys[l], values[l] are (B, H, S, hs); keyBias (B, 1, 1, S) masks padded keys. */
// a type, not an interface, so tf.tidy accepts it as a TensorContainer
export type KvCache = {
  keys: tf.Tensor4D[];
  values: tf.Tensor4D[];
  keyBias: tf.Tensor4D;
};

export interface ForwardResult {
  hidden: tf.Tensor3D; // (B, T, D), after the final norm
  cache?: KvCache;
  attention?: tf.Tensor4D[]; // per layer (B, H, T, T)
}

function layerNorm(x: tf.Tensor2D, gain: tf.Tensor, bias: tf.Tensor): tf.Tensor2D {
  const { mean, variance } = tf.moments(x, -1, true); // (N, 1)
  return x.sub(mean).mul(tf.rsqrt(variance.add(1e-5))).mul(gain).add(bias);
}

// GELU, sigmoid approximation: one fewer op than the tanh form and the same curve within ~0.02
function gelu(x: tf.Tensor2D): tf.Tensor2D {
  return x.mul(tf.sigmoid(x.mul(1.702)));
}

/** Token + position embeddings (N, D) for int32 ids and positions (N). */
function embed(w: Weights, ids: tf.Tensor1D, positions: tf.Tensor1D): tf.Tensor2D {
  return embeddingLookup(w.tokenEmbedding, ids).add(embeddingLookup(w.positionEmbedding, positions));
}

function mlp(x: tf.Tensor2D, lw: LayerWeights): tf.Tensor2D {
  const h = layerNorm(x, lw.ln2Gain, lw.ln2Bias);
  return x.add(matMul(gelu(matMul(h, lw.fc)), lw.fcProj)); // (N, D) → (N, M) → (N, D)
}

/** q, k, v (B, H, T, hs) of the normalised input x (B*T, D). */
function project(x: tf.Tensor2D, lw: LayerWeights, B: number, T: number, H: number) {
  const h = layerNorm(x, lw.ln1Gain, lw.ln1Bias);
  const heads = (w: tf.Tensor) => splitHeads(matMul(h, w), B, T, H); // (B*T, D) × (D, D) → (B, H, T, hs)
  return { q: heads(lw.query), k: heads(lw.key), v: heads(lw.value) };
}

/** Positions (B, T) int32 of a left-padded mask: 0 at the first real token, 0 on the padding before it. */
export function positionsFromMask(mask: tf.Tensor2D): tf.Tensor2D {
  return tf.cumsum(mask, 1).sub(1).relu().cast('int32') as tf.Tensor2D;
}

/**
 * The full forward pass over ids (B, T) with mask (B, T).
 * @example const { hidden } = forward(w, config, ids, mask); // (B, T, D)
 */
export function forward(
  w: Weights,
  config: ModelConfig,
  ids: tf.Tensor2D,
  mask: tf.Tensor2D,
  opts: { keepCache?: boolean; keepAttention?: boolean } = {},
): ForwardResult {
  const [B, T] = ids.shape;
  const H = config.nHeads;
  const positions = positionsFromMask(mask);
  let x = embed(w, ids.reshape([B * T]), positions.reshape([B * T])); // (B*T, D)
  const bias = causalPaddingBias(mask); // (B, 1, T, T)
  const keys: tf.Tensor4D[] = [];
  const values: tf.Tensor4D[] = [];
  const attention: tf.Tensor4D[] = [];
  for (const lw of w.layers) {
    const { q, k, v } = project(x, lw, B, T, H); // (B, H, T, hs)
    const { y, weights } = attend(q, k, v, bias); // (B, H, T, hs), (B, H, T, T)
    x = x.add(matMul(mergeHeads(y), lw.proj)); // (B*T, D)
    x = mlp(x, lw);
    if (opts.keepCache) keys.push(k), values.push(v);
    if (opts.keepAttention) attention.push(weights);
  }
  const hidden = layerNorm(x, w.lnfGain, w.lnfBias).reshape([B, T, config.dModel]) as tf.Tensor3D;
  const result: ForwardResult = { hidden };
  if (opts.keepCache) result.cache = { keys, values, keyBias: mask.sub(1).mul(1e9).reshape([B, 1, 1, T]) };
  if (opts.keepAttention) result.attention = attention;
  return result;
}

/** Next-token logits (N, V) of hidden states (N, D), through the tied embedding. */
export function logitsOf(w: Weights, hidden: tf.Tensor2D): tf.Tensor2D {
  return matMul(hidden, w.tokenEmbedding, false, true); // (N, D) × (D, V)
}

/**
 * One decoding step with a cache: feeds token (B) at positions (B), returns next-token logits (B, V) and the cache
 * grown by one key per sequence. The caller disposes the old cache.
 */
export function decodeStep(
  w: Weights,
  config: ModelConfig,
  tokens: tf.Tensor1D,
  positions: tf.Tensor1D,
  cache: KvCache,
): { logits: tf.Tensor2D; cache: KvCache } {
  const B = tokens.shape[0];
  const H = config.nHeads;
  let x = embed(w, tokens, positions); // (B, D)
  const keyBias = tf.concat([cache.keyBias, tf.zeros([B, 1, 1, 1])], 3) as tf.Tensor4D; // (B, 1, 1, S+1)
  const keys: tf.Tensor4D[] = [];
  const values: tf.Tensor4D[] = [];
  w.layers.forEach((lw, l) => {
    const { q, k, v } = project(x, lw, B, 1, H); // (B, H, 1, hs)
    const K = tf.concat([cache.keys[l]!, k], 2) as tf.Tensor4D; // (B, H, S+1, hs)
    const Vs = tf.concat([cache.values[l]!, v], 2) as tf.Tensor4D; // (B, H, S+1, hs)
    const { y } = attend(q, K, Vs, keyBias); // (B, H, 1, hs)
    x = x.add(matMul(mergeHeads(y), lw.proj)); // (B, D)
    x = mlp(x, lw);
    keys.push(K);
    values.push(Vs);
  });
  const logits = logitsOf(w, layerNorm(x, w.lnfGain, w.lnfBias)); // (B, V)
  return { logits, cache: { keys, values, keyBias } };
}

/** Free a cache. */
export function disposeCache(cache: KvCache): void {
  tf.dispose([...cache.keys, ...cache.values, cache.keyBias]);
}
