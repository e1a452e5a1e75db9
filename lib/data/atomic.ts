import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pidAlive } from './pids';

/*
 * Writes that a kill cannot leave half done: the bytes (or a whole directory) go to a temporary sibling first and
 * take their real name by one rename, which is atomic on one filesystem. A reader, or a resumed run, sees the old
 * version or the new one, never a torn file. The temporary name holds the pid, so two processes never share one.
 */

const partial = (path: string): string => `${path}.partial-${process.pid}`;

/** Write a file through a temporary sibling and a rename. @example await writeFileAtomic('run/final.json', json) */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(partial(path), data);
  await rename(partial(path), path);
}

/** The synchronous form of writeFileAtomic. */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(partial(path), data);
  renameSync(partial(path), path);
}

/**
 * Fill a directory through a temporary sibling and a rename: `fill` writes into the directory it is given. A
 * directory already at `dir` (a partial one left by an older writer) is replaced.
 * @example await writeDirAtomic('checkpoints/step-000050', (tmp) => policy.save(tmp))
 */
export async function writeDirAtomic(dir: string, fill: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = partial(dir);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  await fill(tmp);
  await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
}

/**
 * Remove the temporary files and directories in `dir` that writers killed mid-write left behind (their pid is dead);
 * returns their names. A live writer's are kept.
 * @example await removeDeadPartials('runs/x/arm/seed-1/checkpoints')
 */
export async function removeDeadPartials(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const dead = names.filter((n) => {
    const m = /\.partial-(\d+)$/.exec(n);
    return m !== null && !pidAlive(Number(m[1]));
  });
  for (const n of dead) await rm(join(dir, n), { recursive: true, force: true });
  return dead;
}
