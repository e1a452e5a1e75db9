import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeDeadPartials, writeDirAtomic, writeFileAtomic } from './atomic';
import { pidAlive, processStart } from './pids';

const root = mkdtempSync(join(tmpdir(), 'ifkit-atomic-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid!;

describe('atomic writes', () => {
  it('write a file or a whole directory under a temporary name, leaving only the result', async () => {
    await writeFileAtomic(join(root, 'a', 'final.json'), '{"done":true}');
    await writeFileAtomic(join(root, 'a', 'final.json'), '{"done":2}');
    expect(readdirSync(join(root, 'a'))).toEqual(['final.json']);
    expect(readFileSync(join(root, 'a', 'final.json'), 'utf8')).toBe('{"done":2}');

    mkdirSync(join(root, 'b', 'step-000002'), { recursive: true });
    writeFileSync(join(root, 'b', 'step-000002', 'half'), ''); // a partial directory of an older writer
    await writeDirAtomic(join(root, 'b', 'step-000002'), async (tmp) => writeFileSync(join(tmp, 'trainer.json'), '{}'));
    expect(readdirSync(join(root, 'b'))).toEqual(['step-000002']);
    expect(readdirSync(join(root, 'b', 'step-000002'))).toEqual(['trainer.json']);
  });

  it('removeDeadPartials removes what killed writers left, not what a live writer is writing', async () => {
    const dir = join(root, 'c');
    mkdirSync(join(dir, `step-000004.partial-${deadPid()}`), { recursive: true });
    writeFileSync(join(dir, `final.json.partial-${deadPid()}`), '{"hal');
    writeFileSync(join(dir, `eval.jsonl.partial-${process.pid}`), '');
    writeFileSync(join(dir, 'final.json'), '{}');
    expect((await removeDeadPartials(dir)).length).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['eval.jsonl.partial-' + process.pid, 'final.json']);
    expect(await removeDeadPartials(join(root, 'none'))).toEqual([]);
  });
});

describe('pidAlive', () => {
  it('tells a running process from a dead one, and from a later process under the same pid', () => {
    expect(pidAlive(process.pid)).toBe(true);
    expect(pidAlive(deadPid())).toBe(false);
    expect(pidAlive(process.pid, processStart(process.pid))).toBe(true);
    expect(pidAlive(process.pid, '1')).toBe(false);
  });
});
