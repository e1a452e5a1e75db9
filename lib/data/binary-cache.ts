import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Two 32-bit FNV-1a lanes over UTF-16 units (different offset bases), as 16 hex digits. */
function fnv64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * The key of what was built from `files` in `dir`: their names, sizes, modification and change times (a make-style
 * stamp), in name order. An edited, re-downloaded or copied source gets a new key, so a model built from it is
 * never served stale. Hashing the sources' bytes instead (5.7 MB of tagger weights, 2.3 MB of langdetect profiles)
 * cost ~25 ms of every `ifkit eval` that used them.
 * @example filesKey(dataPath('langdetect/profiles'), ['en', 'fr']) // '3f0c9a41d2b87e65' (16 hex digits)
 */
export function filesKey(dir: string, files: readonly string[]): string {
  let stamp = '';
  for (const f of [...files].sort()) {
    const s = statSync(join(dir, f), { bigint: true });
    stamp += `${f}\0${s.size}\0${s.mtimeNs}\0${s.ctimeNs}\0`;
  }
  return fnv64(stamp);
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
