import { copyFile, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/*
 * Combining shards: each shard of a sweep (`--shard k/n`, on one machine or one node of a cluster) writes its jobs
 * under its own root; merging copies every finished job (its config, results and judge audit; not its checkpoints,
 * which only resuming needs) into one root, where `ifkit lab report` reads them as if one sweep had run. A job found
 * finished in two shards, or already in the merged root, must hold the same config and results, or the merge copies
 * nothing and names it: merging never overwrites a result.
 */

const KEEP = ['config.json', 'eval.jsonl', 'metrics.jsonl', 'judge-audit.json', 'final.json'];

async function isDir(p: string): Promise<boolean> {
  return stat(p).then((s) => s.isDirectory(), () => false);
}

async function finishedJobs(root: string): Promise<{ experiment: string; arm: string; seed: string; dir: string }[]> {
  const out = [];
  for (const experiment of (await isDir(root)) ? await readdir(root) : []) {
    if (!(await isDir(join(root, experiment)))) continue;
    for (const arm of await readdir(join(root, experiment))) {
      if (!(await isDir(join(root, experiment, arm)))) continue;
      for (const seed of await readdir(join(root, experiment, arm))) {
        const dir = join(root, experiment, arm, seed);
        if (/^seed-\d+$/.test(seed) && (await stat(join(dir, 'final.json')).catch(() => undefined))) out.push({ experiment, arm, seed, dir });
      }
    }
  }
  return out;
}

const read = (dir: string, file: string): Promise<string | undefined> => readFile(join(dir, file), 'utf8').catch(() => undefined);

/** Why a finished job at `a` cannot stand for the one at `b`, or undefined if it can (same config, same results). */
async function differs(a: string, b: string): Promise<string | undefined> {
  if ((await read(a, 'config.json')) !== (await read(b, 'config.json'))) return 'different configs';
  if ((await read(a, 'final.json')) !== (await read(b, 'final.json'))) return 'different results';
  return undefined;
}

/**
 * Copy the finished jobs of every shard root into `out`; returns how many were copied, how many `out` held already,
 * and the experiments seen. Nothing is copied if any job conflicts (finished twice with different results, or
 * already in `out` with another config or other results): the error lists every conflict.
 * @example await mergeShards(['runs/shard-1', 'runs/shard-2'], 'runs/full')
 */
export async function mergeShards(sources: readonly string[], out: string): Promise<{ copied: number; present: number; experiments: string[] }> {
  const placed = new Map<string, { from: string; to: string }>();
  const conflicts: string[] = [];
  for (const src of sources) {
    if (!(await isDir(src))) throw new Error(`lab merge: ${src} is not a directory; pass the --out roots of the shards`);
    for (const job of await finishedJobs(src)) {
      const id = `${job.experiment}/${job.arm}/${job.seed}`;
      const earlier = placed.get(id);
      const why = earlier && (await differs(earlier.from, job.dir));
      if (why) conflicts.push(`${id} is finished in both ${earlier!.from} and ${job.dir} with ${why}; keep one of them`);
      if (!earlier) placed.set(id, { from: job.dir, to: join(out, job.experiment, job.arm, job.seed) });
    }
  }
  let present = 0;
  const copies: { from: string; to: string }[] = [];
  for (const [id, { from, to }] of placed) {
    if (resolve(from) === resolve(to)) {
      present++;
      continue;
    }
    // a job started but not finished in `out` (same config) is completed by the copy
    const finished = (await read(to, 'final.json')) !== undefined;
    const config = await read(to, 'config.json');
    const why = finished ? await differs(from, to) : config !== undefined && config !== (await read(from, 'config.json')) ? 'different configs' : undefined;
    if (why) conflicts.push(`${id} in ${from} and the one already in ${to} have ${why}; move one of them away`);
    else if (finished) present++;
    else copies.push({ from, to });
  }
  if (conflicts.length > 0) throw new Error(`lab merge: nothing copied, ${conflicts.length} conflicts:\n${conflicts.join('\n')}`);
  for (const { from, to } of copies) {
    await mkdir(to, { recursive: true });
    // final.json last: it marks the job finished, so a merge stopped half-way never leaves a finished job half copied
    for (const f of KEEP) await copyFile(join(from, f), join(to, f)).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : Promise.reject(e)));
  }
  const experiments = [...new Set([...placed.keys()].map((id) => id.split('/')[0]!))].sort();
  return { copied: copies.length, present, experiments };
}
