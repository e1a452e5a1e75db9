import { createHash } from 'node:crypto';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelConfig } from '../model/config';
import { createPolicy, loadPolicy, type Policy } from '../model/policy';
import { trainSft, type SftExample, type SftStep } from '../model/sft';
import type { Tokenizer } from '../model/tokenizer';

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
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** The warm-started policy: loaded from `cacheDir` if present, else trained (and saved there when given). */
export async function warmStart(
  spec: WarmStartSpec,
  tok: Tokenizer,
  cacheDir?: string,
  onStep?: (s: SftStep) => void,
): Promise<{ policy: Policy; cached: boolean; dir?: string }> {
  const dir = cacheDir ? warmStartDir(cacheDir, warmStartKey(spec, tok)) : undefined;
  if (dir && (await exists(join(dir, 'config.json')))) {
    // the key covers the settings, not the model code: a checkpoint from an older weights layout fails to load
    const policy = await loadPolicy(dir).catch((e: unknown) => {
      const why = e instanceof Error ? e.message : String(e);
      throw new Error(`cached warm start ${dir} does not load (${why}); delete it to retrain, or use another cache directory`);
    });
    return { policy, cached: true, dir };
  }
  const policy = createPolicy({ vocabSize: tok.vocabSize, ...spec.model }, tok, spec.seed);
  await trainSft(policy, spec.examples(), { ...spec.sft, seed: spec.seed, ...(onStep ? { onStep } : {}) });
  if (dir) await policy.save(dir);
  return { policy, cached: false, ...(dir ? { dir } : {}) };
}
