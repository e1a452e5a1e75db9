import { createHash } from 'node:crypto';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { createPolicy, loadPolicy, type Policy } from '../model/policy';
import type { SftStep } from '../model/sft';
import { trainSft } from '../model/sft';
import type { Tokenizer } from '../model/tokenizer';
import { createRng } from '../stats/rng';
import type { LabConfig } from './config';
import { teacherResponse } from './teacher';
import { drawInstances, promptIds, type LabSplit } from './world';

/*
 * The supervised warm start on imperfect teacher responses, cached on disk by a hash of everything that shapes
 * it (model, teacher, SFT settings, seed, vocabulary): every later arm starts from the same policy, and SFT runs
 * once per machine rather than once per experiment.
 */

/** The key of a warm start: same key, same weights. */
export function warmStartKey(config: LabConfig, tok: Tokenizer): string {
  const what = { model: config.model, teacher: config.teacher, sft: config.sft, seed: config.seed, heldOut: config.heldOut, vocab: tok.toJSON() };
  return createHash('sha256').update(JSON.stringify(what)).digest('hex').slice(0, 16);
}

/** Teacher (prompt, response) pairs over training instances only. */
export function teacherExamples(config: LabConfig, tok: Tokenizer, split: LabSplit) {
  const rng = createRng(config.seed + 1);
  return drawInstances(split, rng, config.sft.examples).map((m) => ({
    prompt: promptIds(tok, m),
    response: [...tok.encode(teacherResponse(m, rng, config.teacher)), tok.eos],
  }));
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
  config: LabConfig,
  tok: Tokenizer,
  split: LabSplit,
  cacheDir?: string,
  onStep?: (s: SftStep) => void,
): Promise<{ policy: Policy; cached: boolean; dir?: string }> {
  const dir = cacheDir ? join(cacheDir, `sft-${warmStartKey(config, tok)}`) : undefined;
  if (dir && (await exists(join(dir, 'config.json')))) {
    // the key covers the settings, not the model code: a checkpoint from an older weights layout fails to load
    const policy = await loadPolicy(dir).catch((e: unknown) => {
      const why = e instanceof Error ? e.message : String(e);
      throw new Error(`cached warm start ${dir} does not load (${why}); delete it to retrain, or use another cache directory`);
    });
    return { policy, cached: true, dir };
  }
  const policy = createPolicy({ vocabSize: tok.vocabSize, ...config.model }, tok, config.seed);
  await trainSft(policy, teacherExamples(config, tok, split), {
    steps: config.sft.steps,
    batchSize: config.sft.batchSize,
    learningRate: config.sft.learningRate,
    seed: config.seed,
    ...(onStep ? { onStep } : {}),
  });
  if (dir) await policy.save(dir);
  return { policy, cached: false, ...(dir ? { dir } : {}) };
}
