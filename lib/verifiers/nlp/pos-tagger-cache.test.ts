import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dataPath } from '../../data/paths';
import { wordTokenize } from './nltk';
import { perceptronTag } from './pos-tagger';
import { deserializePerceptronModel, serializePerceptronModel } from './pos-tagger-cache';
import { cachedPerceptronModel, loadPerceptronModel, type PerceptronModel } from './pos-tagger-model';

const ENGLISH = dataPath('nltk/taggers/averaged_perceptron_tagger_eng');
const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'ifkit-tagger-cache-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function writeModel(dir: string, weights: object): void {
  writeFileSync(join(dir, 'm.weights.json'), JSON.stringify(weights));
  writeFileSync(join(dir, 'm.classes.json'), JSON.stringify(['NN', 'VB', 'DT']));
  writeFileSync(join(dir, 'm.tagdict.json'), JSON.stringify({ The: 'DT' }));
}

const TEXT = "The quick brown fox jumps over the lazy dog. John's big idea isn't all that bad; 25 well-known people met in 1990.";
const tags = (model: PerceptronModel): string[] => perceptronTag(wordTokenize(TEXT), model).map(([, t]) => t);
const view = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('perceptron tagger model cache', () => {
  it('round-trips the English model exactly: every array, the classes, the tagdict and the tags it gives', () => {
    const model = loadPerceptronModel(ENGLISH);
    const back = deserializePerceptronModel(serializePerceptronModel(model, 'k'), 'k')!;
    expect(back.classes).toEqual(model.classes);
    expect([...back.tagdict]).toEqual([...model.tagdict]);
    for (const [got, want] of [[back.offsets, model.offsets], [back.labels, model.labels], [back.values, model.values], [back.features.text, model.features.text], [back.features.start, model.features.start], [back.features.slots, model.features.slots]] as const) {
      expect(view(got).equals(view(want))).toBe(true);
    }
    // NLTK 3.8: nltk.pos_tag(nltk.word_tokenize(TEXT)) ("that" before "bad;" is IN here, DT before "bad.").
    expect(tags(back).join(' ')).toBe('DT JJ NN NN VBZ IN DT JJ NN . NNP POS JJ NN VBZ RB PDT IN JJ : CD JJ NNS VBD IN CD .');
    expect(tags(back)).toEqual(tags(model));
  });

  it('refuses bytes with another key, cut short, or with arrays of the wrong shape', () => {
    const dir = tempDir();
    writeModel(dir, { bias: { NN: 1 } });
    const bytes = serializePerceptronModel(loadPerceptronModel(dir, 'm'), 'k');
    expect(deserializePerceptronModel(bytes, 'other')).toBeNull();
    expect(deserializePerceptronModel(bytes.subarray(0, bytes.length - 8), 'k')).toBeNull();
    expect(deserializePerceptronModel(Buffer.from('garbage'), 'k')).toBeNull();
    const model = loadPerceptronModel(dir, 'm');
    const short = serializePerceptronModel({ ...model, values: model.values.subarray(1) }, 'k');
    expect(deserializePerceptronModel(short, 'k')).toBeNull();
  });

  it('parses the JSON once, serves the binary after, and rebuilds when a JSON file changes', () => {
    const dir = tempDir();
    const cacheDir = join(tempDir(), 'cache');
    writeModel(dir, { bias: { NN: 1 }, 'i word run': { VB: 2 } });
    const first = cachedPerceptronModel(dir, cacheDir, 'm');
    const [file] = readdirSync(cacheDir);
    expect(file).toMatch(/^pos-tagger-[0-9a-f]{16}\.bin$/);
    const second = cachedPerceptronModel(dir, cacheDir, 'm');
    expect(second).not.toBe(first);
    expect(perceptronTag(['The', 'run', 'x'], second)).toEqual([['The', 'DT'], ['run', 'VB'], ['x', 'NN']]);
    writeModel(dir, { bias: { VB: 1 } });
    expect(perceptronTag(['x'], cachedPerceptronModel(dir, cacheDir, 'm'))).toEqual([['x', 'VB']]);
    expect(readdirSync(cacheDir)).toHaveLength(2);
  });
});
