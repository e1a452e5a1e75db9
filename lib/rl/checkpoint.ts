import { access, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeDirAtomic } from '../data/atomic';
import type { Policy } from '../model/policy';
import type { AdamSnapshot } from './optimizer';

/*
 * A trainer checkpoint holds everything an exact resume needs: the policy (its own save format), the Adam moments
 * and step count (float32, raw), the number of finished GRPO steps and the training RNG state at that point.
 * Layout: <out>/checkpoints/step-000050/{policy/, optimizer.bin, trainer.json}. A checkpoint is written under a
 * temporary name and renamed when whole, so a run killed while saving one resumes from the one before.
 */

export interface TrainerState {
  /** GRPO steps finished. */
  readonly step: number;
  readonly rngState: readonly number[];
  readonly adam: AdamSnapshot;
}

const trainerJsonSchema = z.object({
  version: z.literal(1),
  step: z.number().int().nonnegative(),
  rngState: z.array(z.number()),
  adamSteps: z.number().int().nonnegative(),
  /** Elements of each moment tensor, in variable order. */
  sizes: z.array(z.number().int().nonnegative()),
});

const stepDir = (out: string, step: number): string => join(out, 'checkpoints', `step-${String(step).padStart(6, '0')}`);

/** Write a checkpoint; returns its directory. */
export async function saveTrainerCheckpoint(out: string, policy: Policy, state: TrainerState): Promise<string> {
  const dir = stepDir(out, state.step);
  await writeDirAtomic(dir, (tmp) => writeCheckpointFiles(tmp, policy, state));
  return dir;
}

async function writeCheckpointFiles(dir: string, policy: Policy, state: TrainerState): Promise<void> {
  await policy.save(join(dir, 'policy'));
  const parts = [...state.adam.m, ...state.adam.v];
  const total = parts.reduce((n, a) => n + a.length, 0);
  const flat = new Float32Array(total);
  let at = 0;
  for (const a of parts) flat.set(a, (at += a.length) - a.length);
  await writeFile(join(dir, 'optimizer.bin'), Buffer.from(flat.buffer, flat.byteOffset, flat.byteLength));
  const meta = {
    version: 1,
    step: state.step,
    rngState: [...state.rngState],
    adamSteps: state.adam.t,
    sizes: state.adam.m.map((a) => a.length),
  };
  await writeFile(join(dir, 'trainer.json'), JSON.stringify(meta, null, 2) + '\n');
}

/** The newest checkpoint directory under `out`, or undefined when there is none. */
export async function latestCheckpoint(out: string): Promise<string | undefined> {
  const root = join(out, 'checkpoints');
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return undefined;
  }
  // trainer.json is written last: a directory without it is a partial checkpoint of an older writer
  for (const name of names.filter((n) => /^step-\d+$/.test(n)).sort().reverse()) {
    if (await access(join(root, name, 'trainer.json')).then(() => true, () => false)) return join(root, name);
  }
  return undefined;
}

/** Read the trainer state of a checkpoint directory (the policy is loaded separately from `<dir>/policy`). */
export async function readTrainerState(dir: string): Promise<TrainerState> {
  const file = join(dir, 'trainer.json');
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file} is not valid JSON (${e instanceof Error ? e.message : String(e)}); delete ${dir} to resume from the checkpoint before it`);
  }
  const parsed = trainerJsonSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`${file} is not a GRPO trainer checkpoint (${parsed.error.message}); delete ${dir} to resume from the checkpoint before it`);
  }
  const meta = parsed.data;
  const buf = await readFile(join(dir, 'optimizer.bin'));
  const flat = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  const total = meta.sizes.reduce((n, s) => n + s, 0);
  if (flat.length !== 2 * total) {
    throw new Error(`${join(dir, 'optimizer.bin')} holds ${flat.length} floats, trainer.json expects ${2 * total}; the checkpoint is truncated`);
  }
  const m: Float32Array[] = [];
  const v: Float32Array[] = [];
  let at = 0;
  for (const s of meta.sizes) m.push(flat.slice(at, (at += s)));
  for (const s of meta.sizes) v.push(flat.slice(at, (at += s)));
  return { step: meta.step, rngState: meta.rngState, adam: { t: meta.adamSteps, m, v } };
}
