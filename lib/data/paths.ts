import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The ifkit project root: the nearest folder above this file whose package.json is named "ifkit". */
export function projectRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'ifkit') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`ifkit: no package.json named "ifkit" above ${__dirname}`);
    dir = up;
  }
}

/** Where `make data` puts downloaded files (override with IFKIT_DATA_DIR). */
export function dataDir(): string {
  return resolve(process.env.IFKIT_DATA_DIR ?? join(projectRoot(), 'data'));
}

/**
 * The offline mirror of the data (override with IFKIT_MIRROR_DIR): `shared/data` in the folder holding the project,
 * laid out as data/ (docs/data-sources.md).
 */
export function mirrorDir(): string {
  return resolve(process.env.IFKIT_MIRROR_DIR ?? join(projectRoot(), '..', 'shared', 'data'));
}

/**
 * Absolute path of a data file, looked up in data/ first, then in the mirror.
 * @example dataPath('ifeval/input_data.jsonl')
 */
export function dataPath(relative: string): string {
  const candidates = [join(dataDir(), relative), join(mirrorDir(), relative)];
  const found = candidates.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    `ifkit: data file "${relative}" is missing (looked in ${candidates.join(' and ')}). ` +
      'Run `make data` to download it, or set IFKIT_MIRROR_DIR to a folder holding the offline mirror (docs/data-sources.md).',
  );
}
