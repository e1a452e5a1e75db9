import { createHash } from 'node:crypto';
import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { removeDeadPartials, writeDirAtomic } from '../data/atomic';
import type { ModelConfig } from '../model/config';
import { createPolicy, loadPolicy, type Policy } from '../model/policy';
import { trainSft, type SftExample, type SftStep } from '../model/sft';
import type { Tokenizer } from '../model/tokenizer';
import { describeHolder, waitForLock } from './lock';

/*
 * The supervised warm start on imperfect teacher responses, cached on disk by a hash of everything that shapes
 * it (the task's data and teacher, the model, the SFT settings, the seed, the vocabulary): every arm of every
 * experiment that shares these starts from the same policy, and SFT runs once per machine, not once per run.
 */

export interface WarmStartSpec {
  /** Everything besides model, SFT settings, seed and vocabulary that shapes the weights (task, teacher, data). */
  readonly key: unknown;
  readonly model: Omit<ModelConfig, 'vocabSize'>;
  readonly sft: { readonly steps: number; readonly batchSize: number; readonly learningRate: number };
  readonly seed: number;
  /** The teacher's (prompt, response) pairs; called only when the warm start is not cached. */
  examples(): SftExample[];
}

/** The cache key of a warm start: same key, same weights. */
export function warmStartKey(spec: WarmStartSpec, tok: Tokenizer): string {
  const what = { key: spec.key, model: spec.model, sft: spec.sft, seed: spec.seed, vocab: tok.toJSON() };
  return createHash('sha256').update(JSON.stringify(what)).digest('hex').slice(0, 16);
}

/** The directory of a cached warm start. */
export function warmStartDir(cacheDir: string, key: string): string {
  return join(cacheDir, `sft-${key}`);
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

async function load(dir: string): Promise<Policy> {
  // the key covers the settings, not the model code: a checkpoint from an older weights layout fails to load
  return loadPolicy(dir).catch((e: unknown) => {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(`cached warm start ${dir} does not load (${why}); delete it to retrain, or use another cache directory`);
  });
}

export interface WarmStartOptions {
  /** Where warm starts are cached; none: trained and not kept. */
  readonly cacheDir?: string | undefined;
  readonly onStep?: ((s: SftStep) => void) | undefined;
  /** Another process is training this warm start: this one waits for it (told once per holder). */
  readonly onWait?: ((message: string) => void) | undefined;
}

/**
 * The warm-started policy: loaded from the cache if present, else trained (and saved there when given). Training
 * holds a lock beside the cached directory, so parallel jobs, shards or sweeps sharing a cache (also on a network
 * filesystem) train each warm start once: the others wait and load it. It is saved under a temporary name and renamed
 * when whole, so a killed process never leaves half a warm start.
 * @example const { policy } = await warmStart(spec, tok, { cacheDir: 'runs/sft-cache' })
 */
export async function warmStart(spec: WarmStartSpec, tok: Tokenizer, o: WarmStartOptions = {}): Promise<{ policy: Policy; cached: boolean; dir?: string }> {
  const train = async (): Promise<Policy> => {
    const policy = createPolicy({ vocabSize: tok.vocabSize, ...spec.model }, tok, spec.seed);
    await trainSft(policy, spec.examples(), { ...spec.sft, seed: spec.seed, ...(o.onStep ? { onStep: o.onStep } : {}) });
    return policy;
  };
  if (!o.cacheDir) return { policy: await train(), cached: false };
  const dir = warmStartDir(o.cacheDir, warmStartKey(spec, tok));
  if (await exists(join(dir, 'config.json'))) return { policy: await load(dir), cached: true, dir };
  await mkdir(o.cacheDir, { recursive: true });
  const lockFile = `${dir}.lock`;
  const lock = await waitForLock(lockFile, `training warm start ${dir}`, { onWait: (h) => o.onWait?.(describeHolder(lockFile, h)) });
  try {
    // trained by the holder we waited for
    if (await exists(join(dir, 'config.json'))) return { policy: await load(dir), cached: true, dir };
    await removeDeadPartials(o.cacheDir);
    const policy = await train();
    await writeDirAtomic(dir, (tmp) => policy.save(tmp));
    return { policy, cached: false, dir };
  } finally {
    lock.release();
  }
}
