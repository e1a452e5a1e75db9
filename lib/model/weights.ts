import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../stats/rng';
import type { ModelConfig } from './config';

/** One transformer block: pre-norm attention then pre-norm MLP; linear layers have no bias. */
export interface LayerWeights {
  ln1Gain: tf.Variable; // (D)
  ln1Bias: tf.Variable; // (D)
  // separate (D, D) projections rather than one (D, 3D): splitting the product costs a slow concat backward on wasm
  query: tf.Variable; // (D, D)
  key: tf.Variable; // (D, D)
  value: tf.Variable; // (D, D)
  proj: tf.Variable; // (D, D)
  ln2Gain: tf.Variable; // (D)
  ln2Bias: tf.Variable; // (D)
  fc: tf.Variable; // (D, M)
  fcProj: tf.Variable; // (M, D)
}

export interface Weights {
  tokenEmbedding: tf.Variable; // (V, D), tied with the output layer
  positionEmbedding: tf.Variable; // (C, D)
  layers: LayerWeights[];
  lnfGain: tf.Variable; // (D)
  lnfBias: tf.Variable; // (D)
}

const LAYER_KEYS = ['ln1Gain', 'ln1Bias', 'query', 'key', 'value', 'proj', 'ln2Gain', 'ln2Bias', 'fc', 'fcProj'] as const;

/** Hidden width of the MLP. */
export function mlpWidth(config: ModelConfig): number {
  return Math.round(config.dModel * config.mlpRatio);
}

/** The weights in a fixed order with stable names (the checkpoint layout). */
export function namedWeights(w: Weights): [string, tf.Variable][] {
  const out: [string, tf.Variable][] = [
    ['tokenEmbedding', w.tokenEmbedding],
    ['positionEmbedding', w.positionEmbedding],
  ];
  w.layers.forEach((layer, i) => {
    for (const key of LAYER_KEYS) out.push([`layers.${i}.${key}`, layer[key]]);
  });
  out.push(['lnfGain', w.lnfGain], ['lnfBias', w.lnfBias]);
  return out;
}

/** Expected shape of every named weight for `config`. */
export function weightShapes(config: ModelConfig): Map<string, number[]> {
  const { vocabSize: V, dModel: D, contextLength: C } = config;
  const M = mlpWidth(config);
  const shapes = new Map<string, number[]>([
    ['tokenEmbedding', [V, D]],
    ['positionEmbedding', [C, D]],
  ]);
  const layer: Record<(typeof LAYER_KEYS)[number], number[]> = {
    ln1Gain: [D], ln1Bias: [D], query: [D, D], key: [D, D], value: [D, D], proj: [D, D], ln2Gain: [D], ln2Bias: [D], fc: [D, M], fcProj: [M, D],
  };
  for (let i = 0; i < config.nLayers; i++) for (const key of LAYER_KEYS) shapes.set(`layers.${i}.${key}`, layer[key]);
  shapes.set('lnfGain', [D]).set('lnfBias', [D]);
  return shapes;
}

/** Build Weights from a value per name (in the order of weightShapes), as variables. */
export function weightsFrom(config: ModelConfig, value: (name: string, shape: number[]) => tf.Tensor, trainable: boolean): Weights {
  const vars = new Map<string, tf.Variable>();
  for (const [name, shape] of weightShapes(config)) {
    const t = value(name, shape);
    vars.set(name, tf.variable(t, trainable));
    t.dispose();
  }
  const get = (name: string): tf.Variable => vars.get(name)!;
  const layers: LayerWeights[] = [];
  for (let i = 0; i < config.nLayers; i++) {
    const entries = LAYER_KEYS.map((key) => [key, get(`layers.${i}.${key}`)] as const);
    layers.push(Object.fromEntries(entries) as unknown as LayerWeights);
  }
  return {
    tokenEmbedding: get('tokenEmbedding'),
    positionEmbedding: get('positionEmbedding'),
    layers,
    lnfGain: get('lnfGain'),
    lnfBias: get('lnfBias'),
  };
}

function gaussian(shape: number[], std: number, rng: Rng): tf.Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = std * Math.sqrt(-2 * Math.log(1 - rng.next()));
    const angle = 2 * Math.PI * rng.next();
    data[i] = r * Math.cos(angle);
    if (i + 1 < n) data[i + 1] = r * Math.sin(angle);
  }
  return tf.tensor(data, shape);
}

/** GPT-2 initialisation: N(0, 0.02), residual projections scaled by 1/√(2 nLayers), norms at gain 1 bias 0. */
export function initWeights(config: ModelConfig, rng: Rng): Weights {
  const residualStd = 0.02 / Math.sqrt(2 * config.nLayers);
  return weightsFrom(
    config,
    (name, shape) => {
      if (/Gain$/.test(name)) return tf.ones(shape);
      if (/Bias$/.test(name)) return tf.zeros(shape);
      return gaussian(shape, /(proj|fcProj)$/.test(name) ? residualStd : 0.02, rng);
    },
    true,
  );
}

/** Free every weight. */
export function disposeWeights(w: Weights): void {
  for (const [, v] of namedWeights(w)) v.dispose();
}
