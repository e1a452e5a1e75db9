import { copyFile, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/*
 * Combining shards: each shard of a sweep (`--shard k/n`, on one machine or one node of a cluster) writes its jobs
 * under its own root; merging copies every finished job (its config, results and judge audit; not its checkpoints,
 * which only resuming needs) into one root, where `ifkit lab report` reads them as if one sweep had run. A job found
 * finished in two shards must hold the same results, or the merge stops and names it.
 */

const KEEP = ['config.json', 'final.json', 'eval.jsonl', 'metrics.jsonl', 'judge-audit.json'];

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

const sameResults = async (a: string, b: string): Promise<boolean> => (await readFile(join(a, 'final.json'), 'utf8')) === (await readFile(join(b, 'final.json'), 'utf8'));

/**
 * Copy the finished jobs of every shard root into `out`; returns how many were copied and the experiments seen.
 * @example await mergeShards(['runs/shard-1', 'runs/shard-2'], 'runs/full')
 */
export async function mergeShards(sources: readonly string[], out: string): Promise<{ copied: number; experiments: string[] }> {
  const placed = new Map<string, string>();
  const experiments = new Set<string>();
  let copied = 0;
  for (const src of sources) {
    if (!(await isDir(src))) throw new Error(`lab merge: ${src} is not a directory; pass the --out roots of the shards`);
    for (const job of await finishedJobs(src)) {
      const id = `${job.experiment}/${job.arm}/${job.seed}`;
      const earlier = placed.get(id);
      if (earlier !== undefined) {
        if (!(await sameResults(earlier, job.dir))) throw new Error(`lab merge: ${id} is finished in both ${earlier} and ${job.dir} with different results; keep one of them`);
        continue;
      }
      const to = join(out, job.experiment, job.arm, job.seed);
      await mkdir(to, { recursive: true });
      for (const f of KEEP) await copyFile(join(job.dir, f), join(to, f)).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? undefined : Promise.reject(e)));
      placed.set(id, job.dir);
      experiments.add(job.experiment);
      copied++;
    }
  }
  return { copied, experiments: [...experiments].sort() };
}
