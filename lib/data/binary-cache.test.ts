import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedBinary, filesKey } from './binary-cache';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'ifkit-binary-cache-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

// A value is a string; its file holds "v1:" + the string, so any other bytes read as stale.
const codec = {
  read: (bytes: Buffer): string | null => (bytes.toString().startsWith('v1:') ? bytes.toString().slice(3) : null),
  write: (value: string): Buffer => Buffer.from(`v1:${value}`),
};

describe('cachedBinary', () => {
  it('builds once, then serves the stored value; stale bytes are rebuilt and rewritten', () => {
    const file = join(tempDir(), 'sub', 'value.bin');
    let builds = 0;
    const build = (): string => `built ${++builds}`;
    expect(cachedBinary(file, codec, build)).toBe('built 1');
    expect(cachedBinary(file, codec, build)).toBe('built 1');
    writeFileSync(file, 'v0:old');
    expect(cachedBinary(file, codec, build)).toBe('built 2');
    expect(cachedBinary(file, codec, build)).toBe('built 2');
    expect(readdirSync(join(file, '..'))).toEqual(['value.bin']); // no temporary file left behind
  });

  it('still builds when the folder cannot be written', () => {
    const blocker = join(tempDir(), 'file');
    writeFileSync(blocker, '');
    expect(cachedBinary(join(blocker, 'sub', 'x.bin'), codec, () => 'fresh')).toBe('fresh');
    expect(existsSync(join(blocker, 'sub'))).toBe(false);
  });
});

describe('filesKey', () => {
  it('keys names and stamps in name order, and changes when a file is rewritten', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'aa'), '{"x": 1}');
    writeFileSync(join(dir, 'bb'), '{"y": 2}');
    const key = filesKey(dir, ['bb', 'aa']);
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(key).toBe(filesKey(dir, ['aa', 'bb']));
    expect(filesKey(dir, ['aa'])).not.toBe(key);
    // the same size, other bytes: the change time moves
    writeFileSync(join(dir, 'bb'), '{"y": 3}');
    expect(filesKey(dir, ['aa', 'bb'])).not.toBe(key);
  });

  it('keys no files to the two FNV-1a offset bases (nothing hashed)', () => {
    expect(filesKey(tempDir(), [])).toBe('811c9dc5050c5d1f');
  });
});
