import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataPath } from '../../../data/paths';
import { createWindowScan, extractNgramRows, scanWindows } from './features';
import type { IntMap } from './int-map';
import { cachedModel, deserializeModel, serializeModel } from './model-cache';
import { parseProfile, profileFromArrays } from './profile-json';
import { buildProfileModel, type ProfileModel } from './profiles';

const toy = (): ProfileModel =>
  buildProfileModel([
    profileFromArrays('xx', ['a', 'b', 'é', ' a', 'ab', 'b ', ' ab', 'abé'], [5, 4, 3, 1, 2, 1, 1, 1], [12, 4, 2]),
    profileFromArrays('yy', ['a', 'ab', '\u{1F600}'.slice(0, 1)], [1, 1, 1], [2, 1, 1]),
  ]);

function entries(map: IntMap): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  map.forEach((k, v) => out.push([k, v]));
  return out.sort((a, b) => a[0] - b[0]);
}

/** Every field a detection reads, plus the n-gram strings, compared value by value. */
function expectSameModel(got: ProfileModel, want: ProfileModel): void {
  expect(got.langs).toEqual(want.langs);
  expect(got.grams).toEqual(want.grams);
  expect(got.radix).toBe(want.radix);
  for (const k of ['rowStart', 'langIndex', 'prob', 'alphabetId', 'unigramRow', 'bigramRow'] as const) {
    expect(Buffer.from(got[k].buffer, got[k].byteOffset, got[k].byteLength).equals(Buffer.from(want[k].buffer, want[k].byteOffset, want[k].byteLength)), k).toBe(true);
  }
  expect(entries(got.pairIndex)).toEqual(entries(want.pairIndex));
  expect(entries(got.trigramRow)).toEqual(entries(want.trigramRow));
}

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'ifkit-langdetect-cache-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('profile model cache', () => {
  it('round-trips a model exactly, lookups included', () => {
    const model = toy();
    const back = deserializeModel(serializeModel(model, 'k'), 'k')!;
    expectSameModel(back, model);
    const collect = (m: ProfileModel, text: string): string[] => {
      const cps = Int32Array.from(Array.from(text, (c) => c.codePointAt(0)!));
      const rows = new Int32Array(3 * cps.length);
      const n = extractNgramRows(m, scanWindows(cps, cps.length, m, createWindowScan(cps.length)), rows);
      return Array.from(rows.subarray(0, n), (r) => m.grams[r]!);
    };
    expect(collect(back, 'abé ab')).toEqual(collect(model, 'abé ab'));
    expect(collect(back, 'abé ab')).toContain('abé');
  });

  it('round-trips the 55 real profiles exactly', () => {
    const dir = dataPath('langdetect/profiles');
    const model = buildProfileModel(readdirSync(dir).filter((f) => !f.startsWith('.')).map((f) => parseProfile(readFileSync(join(dir, f), 'utf8'), f)));
    expectSameModel(deserializeModel(serializeModel(model, 'real'), 'real')!, model);
  });

  it('refuses bytes with another key, a truncated file or garbage', () => {
    const bytes = serializeModel(toy(), 'k');
    expect(deserializeModel(bytes, 'other')).toBeNull();
    expect(deserializeModel(bytes.subarray(0, bytes.length - 8), 'k')).toBeNull();
    expect(deserializeModel(Buffer.concat([bytes, Buffer.alloc(8)]), 'k')).toBeNull();
    expect(deserializeModel(Buffer.from('not a model'), 'k')).toBeNull();
    expect(deserializeModel(Buffer.alloc(2), 'k')).toBeNull();
  });

  it('builds once, then serves the stored model; a corrupt file is rebuilt', () => {
    const dir = tempDir();
    let builds = 0;
    const build = (): ProfileModel => (builds++, toy());
    expectSameModel(cachedModel(dir, 'abc', build), toy());
    expectSameModel(cachedModel(dir, 'abc', build), toy());
    expect(builds).toBe(1);
    const [file] = readdirSync(dir);
    expect(file).toBe('langdetect-abc.bin');
    writeFileSync(join(dir, file!), 'corrupt');
    expectSameModel(cachedModel(dir, 'abc', build), toy());
    expect(builds).toBe(2);
    expect(cachedModel(dir, 'abd', build).langs).toEqual(['xx', 'yy']); // another key is another file
    expect(builds).toBe(3);
  });

  it('still builds when the cache folder cannot be written', () => {
    const blocker = join(tempDir(), 'file');
    writeFileSync(blocker, '');
    expectSameModel(cachedModel(join(blocker, 'sub'), 'k', toy), toy());
    expect(existsSync(join(blocker, 'sub'))).toBe(false);
  });
});
