import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readJsonlSync } from '../../../data/jsonl';
import { dataPath } from '../../../data/paths';
import { MAX_TEXT_LENGTH, appendText, dropLatinIfMinority } from './clean';
import { createWindowScan, extractNgramRows, scanWindows } from './features';
import { oddTexts } from './fixtures/oracle-rows';
import { profileModel } from './profiles';

// Python's n-gram list (append, cleaning_text, _extract_ngrams; no randomness involved) for 1741 texts, from
// fixtures/make-ngram-oracle.py: count and sha1[:12] of the n-grams joined by NUL, in Python's order.
const Fixture = z.object({ sources: z.array(z.string()), ngrams: z.array(z.tuple([z.number(), z.string()])) });
const Row = z.object({ prompt: z.string(), response: z.string() });

describe('n-gram extraction against Python', () => {
  it('lists exactly the n-grams Python lists, in the same order, for every text', () => {
    const fixture = Fixture.parse(JSON.parse(readFileSync(join(__dirname, 'fixtures/python-ngrams.json'), 'utf8')));
    const texts = fixture.sources.flatMap((file) =>
      readJsonlSync(dataPath(file), (v) => Row.parse(v)).flatMap(({ value }) => [value.response, value.prompt]),
    );
    texts.push(...oddTexts().values());
    expect(texts.length).toBe(fixture.ngrams.length);

    const model = profileModel();
    const codePoints = new Int32Array(MAX_TEXT_LENGTH);
    const scan = createWindowScan(MAX_TEXT_LENGTH);
    const rows = new Int32Array(3 * MAX_TEXT_LENGTH);
    const differing: number[] = [];
    texts.forEach((text, i) => {
      scanWindows(codePoints, dropLatinIfMinority(codePoints, appendText(text, codePoints)), model, scan);
      const count = extractNgramRows(model, scan, rows);
      const grams = Array.from(rows.subarray(0, count), (r) => model.grams[r]!).join('\0');
      const sha = createHash('sha1').update(grams, 'utf8').digest('hex').slice(0, 12);
      const [pyCount, pySha] = fixture.ngrams[i]!;
      if (count !== pyCount || sha !== pySha) differing.push(i);
    });
    expect(differing).toEqual([]);
  });
});
