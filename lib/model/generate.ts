import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from './config';
import type { SampleOptions, TokenBatch } from './policy';
import { samplingRule, sampleTokens } from './sampling';
import { fusedDecoder } from './fused-decode';
import { startRecording, zeroUncomputed, type Recording, type RecordSpec } from './fused-record';
import { canFuse } from './fused-plan';
import { decodeStep, disposeCache, forward, logitsOf } from './transformer';
import { namedWeights, type Weights } from './weights';

/** Left-padded (B, T) batch of `seqs` with mask 1 on real tokens. @example batchFromSequences([[1, 5], [1]], 0) */
export function batchFromSequences(seqs: readonly (readonly number[])[], pad: number): TokenBatch {
  if (seqs.length === 0) throw new Error('batchFromSequences: got no sequences; pass at least one');
  const T = Math.max(...seqs.map((s) => s.length));
  const ids = new Int32Array(seqs.length * T).fill(pad);
  const mask = new Float32Array(seqs.length * T);
  seqs.forEach((s, b) => {
    const offset = b * T + T - s.length;
    ids.set(s, offset);
    mask.fill(1, offset, offset + s.length);
  });
  return { ids: tf.tensor2d(ids, [seqs.length, T], 'int32'), mask: tf.tensor2d(mask, [seqs.length, T]) };
}

function checkPrompts(prompts: readonly (readonly number[])[], opts: SampleOptions, config: ModelConfig): void {
  if (prompts.length === 0) throw new Error('generate: got no prompts; pass at least one');
  const empty = prompts.findIndex((p) => p.length === 0);
  if (empty >= 0) throw new Error(`generate: prompt ${empty} is empty; start every prompt with at least tokenizer.bos`);
  if (!Number.isInteger(opts.maxNewTokens) || opts.maxNewTokens < 1) {
    throw new Error(`generate: maxNewTokens=${opts.maxNewTokens}; use an integer >= 1`);
  }
  const longest = Math.max(...prompts.map((p) => p.length));
  if (longest + opts.maxNewTokens > config.contextLength) {
    throw new Error(
      `generate: the longest prompt (${longest} tokens) + maxNewTokens (${opts.maxNewTokens}) exceeds contextLength ` +
        `${config.contextLength}; shorten it or train a model with a longer context`,
    );
  }
}

/** Sample one token per unfinished row from logits (B, V), drawing from the rng in row order. */
async function drawTokens(logits: tf.Tensor2D, done: boolean[], opts: SampleOptions, rule: ReturnType<typeof samplingRule>): Promise<number[]> {
  return sampleTokens((await logits.data()) as Float32Array, logits.shape[0], rule, opts.rng, done);
}

/** The distinct prompts and, for each row, the index of its prompt among them (GRPO repeats each prompt G times). */
function distinctPrompts(prompts: readonly (readonly number[])[]): { unique: (readonly number[])[]; source: number[] } {
  const rowOf = new Map<string, number>();
  const unique: (readonly number[])[] = [];
  const source = prompts.map((p) => {
    const key = p.join(',');
    let row = rowOf.get(key);
    if (row === undefined) {
      row = unique.length;
      rowOf.set(key, row);
      unique.push(p);
    }
    return row;
  });
  return { unique, source };
}

/** Next-token logits of every row, then one call per fed token (one token per row). */
interface Decoder {
  logits: tf.Tensor2D;
  step(tokens: readonly number[], positions: readonly number[]): void;
  dispose(): void;
}

/**
 * The tfjs-op decoder (any backend): identical prompts run through the model once; their cache rows are copied.
 */
function referenceDecoder(w: Weights, config: ModelConfig, prompts: readonly (readonly number[])[]): Decoder {
  const { unique, source } = distinctPrompts(prompts);
  let state = tf.tidy(() => {
    const batch = batchFromSequences(unique, 0);
    const [U, T] = batch.ids.shape;
    const r = forward(w, config, batch.ids, batch.mask, { keepCache: true });
    const last = r.hidden.slice([0, T - 1, 0], [U, 1, config.dModel]).reshape([U, config.dModel]) as tf.Tensor2D;
    const logits = logitsOf(w, last); // (U, V)
    const c = r.cache!;
    if (U === prompts.length) return { logits, cache: c };
    const rows = tf.tensor1d(source, 'int32'); // (B): the unique prompt of each row
    const expand = <X extends tf.Tensor>(t: X): X => tf.gather(t, rows) as X; // (U, …) → (B, …)
    return { logits: expand(logits), cache: { keys: c.keys.map(expand), values: c.values.map(expand), keyBias: expand(c.keyBias) } };
  });
  const dec: Decoder = {
    logits: state.logits,
    step(tokens, positions) {
      const next = tf.tidy(() => decodeStep(w, config, tf.tensor1d(tokens as number[], 'int32'), tf.tensor1d(positions as number[], 'int32'), state.cache));
      dec.dispose();
      state = next;
      dec.logits = next.logits;
    },
    dispose() {
      state.logits.dispose();
      disposeCache(state.cache);
    },
  };
  return dec;
}

/** The fused wasm decoder when the model allows it (fused-decode.ts), else the tfjs-op one; fused, it can record. */
function decoderFor(w: Weights, config: ModelConfig, prompts: readonly (readonly number[])[], maxNewTokens: number, record: boolean): Decoder & { recording?: { spec: RecordSpec; ws: tf.Tensor; unique: (readonly number[])[]; src: Int32Array } } {
  if (!canFuse(config)) return referenceDecoder(w, config, prompts);
  const { unique, source } = distinctPrompts(prompts);
  const src = Int32Array.from(source);
  const Tp = Math.max(...unique.map((p) => p.length));
  const rec = record ? startRecording(config, unique, src, maxNewTokens) : undefined;
  try {
    const dec = fusedDecoder(namedWeights(w), config, unique, src, Tp + maxNewTokens, rec);
    return rec ? Object.assign(dec, { recording: { ...rec, unique, src } }) : dec;
  } catch (err) {
    rec?.ws.dispose();
    throw err;
  }
}

/**
 * Batched sampling with a KV cache: one prefill over the distinct left-padded prompts, then one decoding step per
 * new token. With `record` (fused path only), also the recording of every activation (fused-record.ts), which the
 * caller owns.
 */
export async function sampleAndRecord(
  w: Weights,
  config: ModelConfig,
  prompts: readonly (readonly number[])[],
  opts: SampleOptions,
  record: boolean,
): Promise<{ completions: number[][]; recording?: Recording }> {
  checkPrompts(prompts, opts, config);
  const rule = samplingRule(opts);
  const stops = new Set(opts.stopTokens ?? []);
  const out: number[][] = prompts.map(() => []);
  const done: boolean[] = prompts.map(() => false);
  const dec = decoderFor(w, config, prompts, opts.maxNewTokens, record);
  let run = 0; // decoding steps: completion tokens fed back
  try {
    for (let step = 0; step < opts.maxNewTokens; step++) {
      const tokens = await drawTokens(dec.logits, done, opts, rule);
      tokens.forEach((t, b) => {
        if (done[b]) return;
        out[b]!.push(t);
        if (stops.has(t)) done[b] = true;
      });
      if (step === opts.maxNewTokens - 1 || done.every(Boolean)) break;
      // finished rows keep decoding a harmless token; their output is no longer read
      dec.step(tokens.map((t) => Math.max(t, 0)), prompts.map((p) => p.length + step));
      run++;
    }
  } catch (err) {
    dec.recording?.ws.dispose();
    throw err;
  } finally {
    dec.dispose();
  }
  const r = dec.recording;
  if (!r) return { completions: out };
  zeroUncomputed(config, r.spec, r.ws, run);
  const weights = namedWeights(w).map(([, v]) => v.dataId);
  return { completions: out, recording: { ws: r.ws, spec: r.spec, unique: r.unique, src: r.src, prompts, completions: out, weights } };
}

/**
 * Batched sampling with a KV cache (sampleAndRecord without a recording).
 * @example await generateTokens(w, config, [[tok.bos]], { maxNewTokens: 8, rng: createRng(0) })
 */
export async function generateTokens(
  w: Weights,
  config: ModelConfig,
  prompts: readonly (readonly number[])[],
  opts: SampleOptions,
): Promise<number[][]> {
  return (await sampleAndRecord(w, config, prompts, opts, false)).completions;
}
