import * as tf from '@tensorflow/tfjs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../data/atomic';
import { loadPolicy, type Policy } from '../model/policy';
import { rngFromState, type Rng } from '../stats/rng';
import { latestCheckpoint, readTrainerState } from './checkpoint';
import type { GrpoConfig } from './config';
import type { TensorAdam } from './optimizer';

/*
 * Resuming a GRPO run from its newest checkpoint: weights into the live policy, Adam moments and step count into
 * the optimiser, the training RNG state, the frozen KL reference saved when the run began, and the metrics files
 * cut back to the checkpoint's step so the resumed rows continue them exactly.
 */

/** Restore the newest checkpoint of `outDir` into `policy` and `optimizer`; undefined when there is none. */
export async function restoreRun(policy: Policy, optimizer: TensorAdam, outDir: string): Promise<{ step: number; rng: Rng } | undefined> {
  const dir = await latestCheckpoint(outDir);
  if (dir === undefined) return undefined;
  const state = await readTrainerState(dir);
  const saved = await loadPolicy(join(dir, 'policy'));
  tf.tidy(() => policy.variables.forEach((v, i) => v.assign(saved.variables[i]!)));
  saved.dispose();
  optimizer.importState(state.adam);
  return { step: state.step, rng: rngFromState(state.rngState) };
}

/** The frozen KL reference: the policy as training began (saved beside the run so a resumed run finds it). */
export async function referencePolicy(policy: Policy, config: GrpoConfig, outDir: string | undefined, resumed: boolean): Promise<Policy | undefined> {
  if (config.beta === 0) return undefined;
  const dir = outDir ? join(outDir, 'reference') : undefined;
  if (resumed && dir) return loadPolicy(dir);
  const ref = policy.clone();
  if (dir) await ref.save(dir);
  return ref;
}

/** The step of a JSONL row; undefined for a torn last line (a run killed while appending it). */
function stepOf(line: string, isLast: boolean, file: string, at: number): number | undefined {
  try {
    return (JSON.parse(line) as { step: number }).step;
  } catch (e) {
    if (isLast) return undefined;
    throw new Error(`${file}:${at + 1} is not a JSON row (${e instanceof Error ? e.message : String(e)}); only the last line can be torn by a kill`);
  }
}

/** Drop rows written after `step` (a run that died after its last checkpoint), and a torn last line. */
export async function keepRowsUpTo(file: string, step: number): Promise<void> {
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return;
  }
  const lines = text.split('\n');
  let last = lines.length - 1;
  while (last >= 0 && lines[last]!.trim() === '') last--;
  const rows = lines.filter((l, i) => {
    if (l.trim() === '') return false;
    const s = stepOf(l, i === last, file, i);
    return s !== undefined && s <= step;
  });
  await writeFileAtomic(file, rows.map((r) => r + '\n').join(''));
}

/** Train `policy` with GRPO; returns the metrics rows of the steps run in this call. */
