import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getExperiment } from '../experiments/registry';
import { parseShard, planSweep } from './plan';

const root = mkdtempSync(join(tmpdir(), 'ifkit-plan-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const experiments = [getExperiment('reward-mix'), getExperiment('judge-precision')];
const ids = (jobs: readonly { experiment: string; arm: string; seed: number }[]) => jobs.map((j) => `${j.experiment}/${j.arm}/${j.seed}`);

describe('parseShard', () => {
  it('reads k/n and explains what it expects', () => {
    expect(parseShard(' 2/4 ')).toEqual({ k: 2, n: 4 });
    for (const bad of ['0/2', '3/2', '1/0', '2', 'a/b', '1/2/3']) expect(() => parseShard(bad)).toThrow(`--shard ${JSON.stringify(bad)}: expected k/n with 1 <= k <= n, e.g. 1/4`);
  });
});

describe('planSweep', () => {
  const o = { root: join(root, 'runs'), sftCacheDir: join(root, 'cache') };
  const all = ids(planSweep(experiments, 'full', o).jobs);

  it('cuts the jobs into n disjoint shards that together hold every job once, round robin in the fixed order', () => {
    // 13 + 10 arms × 3 seeds
    expect(all).toHaveLength(69);
    expect(all.slice(0, 4)).toEqual(['reward-mix/hard-only.oracle/1', 'reward-mix/hard-only.oracle/2', 'reward-mix/hard-only.oracle/3', 'reward-mix/soft-only.oracle/1']);
    for (const n of [1, 2, 3, 7, 69, 100]) {
      const shards = Array.from({ length: n }, (_, i) => ids(planSweep(experiments, 'full', { ...o, shard: { k: i + 1, n } }).jobs));
      expect(shards.flat().sort()).toEqual([...all].sort());
      shards.forEach((s, i) => expect(s).toEqual(all.filter((_, j) => j % n === i)));
    }
  });

  it('puts a job that reads another job\'s run in that run\'s shard', () => {
    const withReaders = [getExperiment('reward-mix'), getExperiment('attention')];
    const n = 4;
    const shards = Array.from({ length: n }, (_, i) => ids(planSweep(withReaders, 'full', { ...o, shard: { k: i + 1, n } }).jobs));
    expect(shards.flat()).toHaveLength(13 * 3 + 5 * 3);
    // attention's hard-only arm reads reward-mix's hard-only.oracle run of the same seed
    for (const seed of [1, 2, 3]) {
      const home = shards.findIndex((s) => s.includes(`reward-mix/hard-only.oracle/${seed}`));
      expect(shards[home]).toContain(`attention/hard-only/${seed}`);
    }
  });

  it('trains each warm start once (one per seed here), and none that is cached', () => {
    const plan = planSweep(experiments, 'full', o);
    expect(new Set(plan.jobs.map((j) => j.warmStart)).size).toBe(3);
    expect(plan.warmStarts).toHaveLength(3);
    const cached = plan.warmStarts[0]!.key;
    mkdirSync(join(o.sftCacheDir, `sft-${cached}`), { recursive: true });
    writeFileSync(join(o.sftCacheDir, `sft-${cached}`, 'config.json'), '{}');
    expect(planSweep(experiments, 'full', o).warmStarts.map((w) => w.key)).not.toContain(cached);
  });

  it('refuses a job whose directory holds another config, or a torn one, and plans the others', () => {
    const dir = (arm: string) => join(o.root, 'judge-precision', arm, 'seed-1');
    mkdirSync(dir('recall-1'), { recursive: true });
    writeFileSync(join(dir('recall-1'), 'config.json'), '{"seed": 1}');
    mkdirSync(dir('recall-0.8'), { recursive: true });
    writeFileSync(join(dir('recall-0.8'), 'config.json'), '{"seed": 1, "gr');
    const plan = planSweep(experiments, 'full', o);
    expect(plan.refused.map((r) => r.message)).toEqual([
      expect.stringMatching(/recall-0\.8\/seed-1\/config\.json is not valid JSON \(.*\); move or delete that directory to rerun judge-precision\/recall-0\.8\/seed-1$/),
      `${join(dir('recall-1'), 'config.json')} holds a different config than judge-precision/recall-1/seed-1 at size full now asks for (the experiment or its named config changed since it ran); move or delete that directory, or run with another --out`,
    ]);
    expect(ids(plan.jobs)).toEqual(all.filter((id) => id !== 'judge-precision/recall-1/1' && id !== 'judge-precision/recall-0.8/1'));
  });
});
