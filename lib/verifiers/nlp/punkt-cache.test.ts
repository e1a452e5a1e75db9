import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataPath } from '../../data/paths';
import { punktSentences } from './punkt';
import { deserializePunktParams, serializePunktParams } from './punkt-cache';
import { cachedPunktParams, loadPunktParams, type PunktParams } from './punkt-model';

const ENGLISH = dataPath('nltk/tokenizers/punkt_tab/english');
const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'ifkit-punkt-cache-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function writeModel(dir: string, ortho: string): void {
  writeFileSync(join(dir, 'abbrev_types.txt'), 'dr\nu.s\n');
  writeFileSync(join(dir, 'collocations.tab'), '##number##\tabreast\n');
  writeFileSync(join(dir, 'sent_starters.txt'), 'however\n');
  writeFileSync(join(dir, 'ortho_context.tab'), ortho);
}

const flagsOf = (p: PunktParams, types: string[]): Array<number | undefined> => types.map((t) => p.orthoContext.get(t));
const TEXT = 'Dr. Smith went to the U.S. in 1990. He stayed. However, Mr. Jones... did not! "Why?" he asked.';

describe('punkt parameters cache', () => {
  it('round-trips the English model exactly, and splits as the model read from text does', () => {
    const model = loadPunktParams(ENGLISH);
    const back = deserializePunktParams(serializePunktParams(model, 'k'), 'k')!;
    expect([...back.abbrevTypes]).toEqual([...model.abbrevTypes]);
    expect([...back.collocations]).toEqual([...model.collocations]);
    expect([...back.sentStarters]).toEqual([...model.sentStarters]);
    expect(back.orthoContext.size).toBe(20366);
    expect(Buffer.from(back.orthoContext.flags).equals(Buffer.from(model.orthoContext.flags))).toBe(true);
    // ortho_context.tab has "the\t126" and "however\t46"; a type it lacks has no flags.
    expect(flagsOf(back, ['the', 'however', 'no-such-type'])).toEqual([126, 46, undefined]);
    // NLTK 3.8 nltk.sent_tokenize(TEXT):
    const sentences = ['Dr. Smith went to the U.S. in 1990.', 'He stayed.', 'However, Mr. Jones... did not!', '"Why?"', 'he asked.'];
    expect(punktSentences(TEXT, back)).toEqual(sentences);
    expect(punktSentences(TEXT, model)).toEqual(sentences);
  });

  it('keeps the last flags of a repeated type, as Python reads the table into a dict', () => {
    const dir = tempDir();
    writeModel(dir, 'the\t32\nof\t2\nthe\t46\n');
    const p = loadPunktParams(dir);
    expect([p.orthoContext.size, p.orthoContext.get('the'), p.orthoContext.get('of')]).toEqual([2, 46, 2]);
  });

  it('reads the text once, serves the binary after, and rebuilds when a file changes; refuses foreign bytes', () => {
    const dir = tempDir();
    const cacheDir = join(tempDir(), 'cache');
    writeModel(dir, 'the\t46\n');
    expect(cachedPunktParams(dir, cacheDir).orthoContext.get('the')).toBe(46);
    const [file] = readdirSync(cacheDir);
    expect(file).toMatch(/^punkt-[0-9a-f]{16}\.bin$/);
    const again = cachedPunktParams(dir, cacheDir);
    expect([again.orthoContext.get('the'), again.abbrevTypes.has('u.s'), again.collocations.has('##number##\tabreast')]).toEqual([46, true, true]);
    writeModel(dir, 'the\t2\n');
    expect(cachedPunktParams(dir, cacheDir).orthoContext.get('the')).toBe(2);
    expect(readdirSync(cacheDir)).toHaveLength(2);
    const bytes = serializePunktParams(again, 'k');
    expect(deserializePunktParams(bytes, 'other')).toBeNull();
    expect(deserializePunktParams(bytes.subarray(0, bytes.length - 8), 'k')).toBeNull();
  });
});
