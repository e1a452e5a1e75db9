import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergeShards } from './merge';

const root = mkdtempSync(join(tmpdir(), 'ifkit-merge-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A job directory as a sweep leaves it; `finished` writes final.json. */
function job(shard: string, arm: string, seed: number, o: { result?: string; config?: string; finished?: boolean } = {}): string {
  const dir = join(root, shard, 'exp', arm, `seed-${seed}`);
  mkdirSync(join(dir, 'checkpoints', 'step-000004'), { recursive: true });
  writeFileSync(join(dir, 'config.json'), o.config ?? `{"arm":"${arm}","seed":${seed}}`);
  writeFileSync(join(dir, 'metrics.jsonl'), '{"step":1}\n');
  writeFileSync(join(dir, 'eval.jsonl'), '{"step":0}\n');
  if (o.finished !== false) writeFileSync(join(dir, 'final.json'), o.result ?? `{"pass":${seed / 10}}`);
  return dir;
}
const files = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

describe('mergeShards', () => {
  it('copies the finished jobs of every shard (not their checkpoints, not unfinished jobs) and can be run again', async () => {
    job('a', 'x', 1);
    job('a', 'y', 1, { finished: false });
    job('b', 'x', 2);
    job('b', 'y', 1); // finished in b, started in a
    const out = join(root, 'merged');
    expect(await mergeShards([join(root, 'a'), join(root, 'b')], out)).toEqual({ copied: 3, present: 0, experiments: ['exp'] });
    expect(files(join(out, 'exp', 'x', 'seed-1'))).toEqual(['config.json', 'eval.jsonl', 'final.json', 'metrics.jsonl']);
    expect(readFileSync(join(out, 'exp', 'y', 'seed-1', 'final.json'), 'utf8')).toBe('{"pass":0.1}');
    expect(await mergeShards([join(root, 'a'), join(root, 'b')], out)).toEqual({ copied: 0, present: 3, experiments: ['exp'] });
    // merging into one of the shards copies the others' jobs beside its own
    expect(await mergeShards([join(root, 'a'), join(root, 'b')], join(root, 'a'))).toEqual({ copied: 2, present: 1, experiments: ['exp'] });
  });

  it('copies nothing and names every conflict when results differ, between shards or with the target', async () => {
    job('c', 'x', 1, { result: '{"pass":0.5}' });
    job('d', 'x', 2);
    const out = join(root, 'merged2');
    await expect(mergeShards([join(root, 'a'), join(root, 'c'), join(root, 'd')], out)).rejects.toThrow(
      `lab merge: nothing copied, 1 conflicts:\nexp/x/seed-1 is finished in both ${join(root, 'a', 'exp', 'x', 'seed-1')} and ${join(root, 'c', 'exp', 'x', 'seed-1')} with different results; keep one of them`,
    );
    expect(existsSync(out)).toBe(false);

    const there = job('merged3', 'x', 2, { config: '{"other": true}', finished: false });
    const before = readFileSync(join(there, 'config.json'), 'utf8');
    await expect(mergeShards([join(root, 'd')], join(root, 'merged3'))).rejects.toThrow(
      `exp/x/seed-2 in ${join(root, 'd', 'exp', 'x', 'seed-2')} and the one already in ${there} have different configs; move one of them away`,
    );
    expect(readFileSync(join(there, 'config.json'), 'utf8')).toBe(before);
    expect(files(there)).not.toContain('final.json');
  });

  it('says what to pass when a root is missing', async () => {
    await expect(mergeShards([join(root, 'nope')], join(root, 'out'))).rejects.toThrow(`lab merge: ${join(root, 'nope')} is not a directory; pass the --out roots of the shards`);
  });
});
