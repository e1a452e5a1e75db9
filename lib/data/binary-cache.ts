import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * sha256 over files' names and bytes, in name order: the key of what was built from them, so that an edited source
 * is never served stale.
 * @example filesKey(dataPath('langdetect/profiles'), ['en', 'fr']) // '6d4ac98b…' (64 hex digits)
 */
export function filesKey(dir: string, files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const f of [...files].sort()) hash.update(f).update('\0').update(readFileSync(join(dir, f))).update('\0');
  return hash.digest('hex');
}

/** How a cached value is read from and written to its file. */
export interface BinaryCodec<T> {
  /** The value stored in `bytes`, or null when they are not one (another key, another format, cut short). */
  readonly read: (bytes: Buffer) => T | null;
  readonly write: (value: T) => Buffer;
}

/**
 * The value stored in `file`, or `build()` written there for the next process. The cache is only a speed-up: an
 * unreadable, stale or unwritable file falls back to building, without failing the caller.
 * @example cachedBinary(join(cacheDir, `model-${key.slice(0, 16)}.bin`), codec, build)
 */
export function cachedBinary<T>(file: string, codec: BinaryCodec<T>, build: () => T): T {
  let bytes: Buffer | undefined;
  try {
    bytes = readFileSync(file);
  } catch {
    bytes = undefined;
  }
  const hit = bytes === undefined ? null : codec.read(bytes);
  if (hit !== null) return hit;
  const value = build();
  try {
    mkdirSync(join(file, '..'), { recursive: true });
    const partial = `${file}.${process.pid}.tmp`; // rename is atomic: a concurrent reader never sees half a file
    writeFileSync(partial, codec.write(value));
    renameSync(partial, file);
  } catch {
    // A read-only checkout still works, at the cost of building at every start.
  }
  return value;
}
