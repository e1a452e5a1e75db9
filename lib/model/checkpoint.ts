import * as tf from '@tensorflow/tfjs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { modelConfigSchema, parseModelConfig, type ModelConfig } from './config';
import { tokenizerFromJSON, type Tokenizer } from './tokenizer';
import { weightShapes } from './weights';

/*
 * A policy checkpoint is a directory: config.json (model config + the name, shape and offset of every weight),
 * tokenizer.json, and weights.bin (all weights as little-endian float32, back to back). Plain files, so a
 * checkpoint can be inspected or converted without tfjs.
 */

const manifestSchema = z.object({
  format: z.literal('ifkit-policy'),
  version: z.literal(1),
  config: modelConfigSchema,
  weights: z.array(z.object({ name: z.string(), shape: z.array(z.number().int().nonnegative()), offset: z.number().int().nonnegative() })),
});

/** Write config.json, tokenizer.json and weights.bin into dir. */
export async function writeCheckpoint(
  dir: string,
  config: ModelConfig,
  tokenizer: Tokenizer,
  weights: readonly (readonly [string, tf.Tensor])[],
): Promise<void> {
  await mkdir(dir, { recursive: true });
  const entries: { name: string; shape: number[]; offset: number }[] = [];
  const chunks: Float32Array[] = [];
  let offset = 0;
  for (const [name, t] of weights) {
    entries.push({ name, shape: t.shape.slice(), offset });
    chunks.push((await t.data()) as Float32Array);
    offset += t.size;
  }
  const all = new Float32Array(offset);
  chunks.forEach((c, i) => all.set(c, entries[i]!.offset));
  const manifest = { format: 'ifkit-policy', version: 1, config, weights: entries };
  await writeFile(join(dir, 'weights.bin'), new Uint8Array(all.buffer));
  await writeFile(join(dir, 'tokenizer.json'), JSON.stringify(tokenizer.toJSON()) + '\n');
  await writeFile(join(dir, 'config.json'), JSON.stringify(manifest, null, 2) + '\n');
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (err) {
    throw new Error(`checkpoint: cannot read ${path} (${err instanceof Error ? err.message : String(err)}); is it a directory written by policy.save()?`);
  }
}

/** Read a checkpoint back; every weight's shape is checked against the config. */
export async function readCheckpoint(dir: string): Promise<{ config: ModelConfig; tokenizer: Tokenizer; tensors: Map<string, tf.Tensor> }> {
  const parsed = manifestSchema.safeParse(await readJson(join(dir, 'config.json')));
  if (!parsed.success) throw new Error(`checkpoint: ${join(dir, 'config.json')} is not an ifkit policy manifest: ${parsed.error.message}`);
  const config = parseModelConfig(parsed.data.config);
  const tokenizer = tokenizerFromJSON(await readJson(join(dir, 'tokenizer.json')));
  const bytes = await readFile(join(dir, 'weights.bin'));
  const floats = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const byName = new Map(parsed.data.weights.map((e) => [e.name, e]));
  const tensors = new Map<string, tf.Tensor>();
  for (const [name, shape] of weightShapes(config)) {
    const e = byName.get(name);
    const size = shape.reduce((a, b) => a * b, 1);
    if (e === undefined || e.shape.join() !== shape.join() || e.offset + size > floats.length) {
      tf.dispose([...tensors.values()]);
      throw new Error(`checkpoint ${dir}: weight ${name} should have shape [${shape}] within weights.bin, found ${JSON.stringify(e ?? null)}`);
    }
    tensors.set(name, tf.tensor(floats.subarray(e.offset, e.offset + size), shape));
  }
  return { config, tokenizer, tensors };
}
