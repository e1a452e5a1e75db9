import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cachedBinary, filesKey } from '../../data/binary-cache';
import { dataPath, projectRoot } from '../../data/paths';
import { deserializePunktParams, serializePunktParams } from './punkt-cache';
import { orthoContext, type PunktParams } from './punkt-params';
import { buildStringIndex } from './string-index';

// The types live in punkt-params.ts, shared with the binary cache without an import cycle.
export type { OrthoContext, PunktParams } from './punkt-params';

function readLines(path: string): string[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function readPairs(path: string): Array<[string, string]> {
  return readLines(path).map((line, i) => {
    const fields = line.split('\t');
    if (fields.length !== 2) {
      throw new Error(
        `${path}:${i + 1}: expected 2 tab-separated fields, got ${JSON.stringify(line)}; ` +
          'the punkt_tab folder looks damaged, download punkt_tab again',
      );
    }
    return [fields[0]!, fields[1]!];
  });
}

const FILES = ['abbrev_types.txt', 'collocations.tab', 'sent_starters.txt', 'ortho_context.tab'];

/** Read a punkt_tab model folder (absolute path). */
export function loadPunktParams(dir: string): PunktParams {
  const ortho = new Map<string, number>(); // a repeated type keeps its last flags, as Python's dict does
  for (const [word, text] of readPairs(`${dir}/ortho_context.tab`)) {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0 || value > 126) {
      throw new Error(`${dir}/ortho_context.tab: flags of ${JSON.stringify(word)} is ${JSON.stringify(text)}, expected an integer 0..126`);
    }
    ortho.set(word, value);
  }
  return {
    abbrevTypes: new Set(readLines(`${dir}/abbrev_types.txt`)),
    collocations: new Set(readPairs(`${dir}/collocations.tab`).map(([a, b]) => `${a}\t${b}`)),
    sentStarters: new Set(readLines(`${dir}/sent_starters.txt`)),
    orthoContext: orthoContext(buildStringIndex([...ortho.keys()]), Uint8Array.from(ortho.values())),
  };
}

/**
 * A punkt_tab model folder, from `<project>/.cache/` when it was read before: reading the 20k-line ortho_context
 * table costs ~30 ms of CPU, the binary file (keyed by the files' stamps: filesKey) about a millisecond.
 */
export function cachedPunktParams(dir: string, cacheDir: string): PunktParams {
  const key = filesKey(dir, FILES);
  const codec = { read: (bytes: Buffer) => deserializePunktParams(bytes, key), write: (p: PunktParams) => serializePunktParams(p, key) };
  return cachedBinary(join(cacheDir, `punkt-${key.slice(0, 16)}.bin`), codec, () => loadPunktParams(dir));
}

let english: PunktParams | undefined;

/** The English Punkt model from `nltk/tokenizers/punkt_tab/english`, loaded once on first use. */
export function englishPunktParams(): PunktParams {
  english ??= cachedPunktParams(dataPath('nltk/tokenizers/punkt_tab/english'), join(projectRoot(), '.cache'));
  return english;
}
