import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

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
